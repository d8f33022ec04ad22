import { adminText as t } from "../../core/strings";
import { adminHistoryCard, adminPickCard, stockholmTime } from "../../cards/admin-cards";
import type { Actor } from "../../data/admins";
import { ConflictError } from "../../data/errors";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";
import type { EntryChanges } from "./entry-changes";
import { fold } from "../qa/text";
import { searchEntries } from "./admin-search";

/** More matches than this: the admin is asked to narrow the words. */
const MAX_CHOICES = 8;

/** An entry's versions, and going back to one of them (as a new version, so nothing is lost). */
export class EntryHistory {
  constructor(
    private readonly deps: Pick<AdminDialogDeps, "editor">,
    private readonly changes: EntryChanges,
  ) {}

  /** `historik <id or words of the title>`: the entry's history, or a choice when several entries match. */
  async find(query: string): Promise<Reply[]> {
    if (await this.deps.editor.get(query.toLowerCase())) return this.show(query.toLowerCase());
    const docs = await this.deps.editor.all();
    // Words of the title first ("historik samordnad individuell plan"); else anywhere in the entry.
    const words = fold(query).split(/\s+/).filter(Boolean);
    const exact = docs.filter((d) => fold(d.entry.title) === words.join(" "));
    if (exact.length === 1) return this.show(exact[0].id);
    const inTitle = docs.filter((d) => words.every((w) => fold(d.entry.title).includes(w)));
    const { shown, total } = searchEntries(inTitle.length ? inTitle : docs, query, MAX_CHOICES);
    if (shown.length === 1) return this.show(shown[0].id);
    if (shown.length === 0) return textReply(t.history.noMatch(query));
    return [
      {
        text: t.history.pickTitle(query, total),
        card: adminPickCard(
          t.history.pickTitle(query, total),
          shown.map((d) => ({
            title: d.entry.title,
            subtitle: `${t.kindLabels[d.entry.kind]} · ${t.statusLabels[d.status]}`,
            label: t.history.pickButton,
            data: { action: "admin.history", entryId: d.id },
          })),
        ),
      },
    ];
  }

  async show(id: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return textReply(t.entry.notFound(id));
    const versions = await this.deps.editor.versions(id);
    const lines = versions.map((v) =>
      t.history.line(
        v.version,
        stockholmTime(v.updatedAt),
        v.updatedBy === "seed" ? t.seedAuthor : (v.updatedByName ?? v.updatedBy),
        t.actionLabels[v.action] ?? v.action,
      ),
    );
    return [
      {
        text: [t.history.title(found.doc.entry.title), ...lines].join("\n"),
        card: adminHistoryCard(found.doc.entry.title, versions, found.etag),
      },
    ];
  }

  async revert(id: string, version: number, etag: string, actor: Actor): Promise<Reply[]> {
    const versions = await this.deps.editor.versions(id);
    const target = versions.find((v) => v.version === version);
    if (!target) return textReply(t.history.versionMissing(version));
    try {
      const saved = await this.deps.editor.save(
        id,
        etag,
        { entry: target.entry, status: target.status, action: "reverted", revertedFrom: version },
        actor,
      );
      if (saved.outcome === "unchanged") return textReply(t.publish.nothingToPublish);
      await this.changes.applied(actor, "reverted", id, saved.doc.version);
      return textReply(t.publish.reverted(target.entry.title, version, saved.doc.version));
    } catch (err) {
      if (err instanceof ConflictError) return this.changes.conflict(target.entry.title, id, actor);
      throw err;
    }
  }
}
