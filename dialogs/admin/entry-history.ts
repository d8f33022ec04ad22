import { adminText as t } from "../../core/strings";
import { adminHistoryCard, stockholmTime } from "../../cards/admin-cards";
import type { Actor } from "../../data/admins";
import { ConflictError } from "../../data/errors";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";
import type { EntryChanges } from "./entry-changes";

/** An entry's versions, and going back to one of them (as a new version, so nothing is lost). */
export class EntryHistory {
  constructor(
    private readonly deps: Pick<AdminDialogDeps, "editor">,
    private readonly changes: EntryChanges,
  ) {}

  async show(id: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return textReply(t.entry.notFound(id));
    const versions = await this.deps.editor.versions(id);
    const lines = versions.map((v) =>
      t.history.line(
        v.version,
        stockholmTime(v.updatedAt),
        v.updatedByName ?? v.updatedBy,
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
