import { adminText as t } from "../../core/strings";
import { adminImportCard, adminNoticeCard } from "../../cards/admin-cards";
import type { Actor } from "../../data/admins";
import { ConflictError, DuplicateError } from "../../data/errors";
import { textReply, type IncomingFile, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";
import type { EntryChanges } from "./entry-changes";
import { exportFile, planImport } from "./import-file";

/** The whole knowledge base out as one JSON file, and back in after a summary the admin confirms. */
export class BulkTransfer {
  constructor(
    private readonly deps: Pick<AdminDialogDeps, "editor" | "knowledge" | "imports" | "logger" | "now">,
    private readonly changes: EntryChanges,
  ) {}

  private get now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  async offerExport(): Promise<Reply[]> {
    // The size is what the file would be now; the content is built again when the admin accepts.
    const { content } = await this.exportNow();
    const day = this.now.toISOString().slice(0, 10);
    return [
      {
        text: t.exportFile.offered,
        file: {
          name: t.exportFile.fileName(day),
          description: t.exportFile.description,
          sizeInBytes: content.length,
          context: { action: "admin.export" },
        },
      },
    ];
  }

  /** The export file built from the stored base as it is now. */
  async exportNow(): Promise<{ content: Buffer; entries: number }> {
    const docs = await this.deps.editor.all();
    return {
      content: Buffer.from(exportFile(docs, this.deps.knowledge.version, this.now), "utf8"),
      entries: docs.length,
    };
  }

  /** Nothing is written yet: the planned changes wait (with a TTL) for the admin to confirm the summary. */
  async importFile(file: IncomingFile, content: string, actor: Actor): Promise<Reply[]> {
    const plan = planImport(content, await this.deps.editor.all());
    if (!plan.ok) {
      this.deps.logger?.info({ admin: actor.id, problems: plan.problems.length }, "import rejected");
      return [{ text: [plan.title, ...plan.problems].join("\n"), card: adminNoticeCard(plan.title, plan.problems) }];
    }
    if (plan.changes.length === 0) return textReply(t.importFile.nothing);
    const pending = await this.deps.imports.save(actor.id, file.name, plan.changes);
    const counts = { added: 0, changed: 0, retired: 0, unchanged: plan.unchanged };
    for (const c of plan.changes) counts[c.effect]++;
    const f = t.importFile.summaryFacts;
    return [
      {
        text: `${t.importFile.summaryTitle} ${f.added}: ${counts.added}, ${f.changed}: ${counts.changed}, ${f.retired}: ${counts.retired}, ${f.unchanged}: ${counts.unchanged}.`,
        card: adminImportCard(pending.id, file.name, counts, plan.notInFile),
      },
    ];
  }

  /**
   * Applies a confirmed import. Every entry must still be at the version the summary was built on;
   * otherwise nothing is applied. The base is announced once, after the last write.
   */
  async confirmImport(importId: string, actor: Actor): Promise<Reply[]> {
    const pending = await this.deps.imports.take(importId, actor.id);
    if (!pending) return textReply(t.importFile.expired);
    const current = new Map((await this.deps.editor.all()).map((d) => [d.id, d]));
    const stale = pending.changes
      .filter((c) => current.get(c.entry.id)?.version !== c.baseVersion)
      .map((c) => c.entry.id);
    if (stale.length > 0) {
      await this.deps.imports.discard(importId);
      return textReply(t.importFile.conflict(stale));
    }
    const counts = { added: 0, changed: 0, retired: 0 };
    const failed: string[] = [];
    for (const c of pending.changes) {
      try {
        if (c.baseVersion === undefined) {
          await this.deps.editor.create(c.entry, actor, "imported", false);
        } else {
          const found = await this.deps.editor.get(c.entry.id);
          if (!found || found.doc.version !== c.baseVersion) throw new ConflictError("knowledge", c.entry.id);
          await this.deps.editor.save(
            c.entry.id,
            found.etag,
            { entry: c.entry, status: c.entry.retired ? "retired" : "active", action: "imported" },
            actor,
            false,
          );
        }
        counts[c.effect]++;
      } catch (err) {
        if (!(err instanceof ConflictError || err instanceof DuplicateError)) throw err;
        failed.push(c.entry.id);
        break;
      }
    }
    await this.deps.imports.discard(importId);
    const applied = counts.added + counts.changed + counts.retired;
    if (applied > 0) {
      await this.deps.editor.announce(actor);
      await this.changes.applied(actor, "imported", "*", applied);
    }
    if (failed.length > 0) return textReply(t.importFile.partial(applied, failed));
    return textReply(t.importFile.done(counts.added, counts.changed, counts.retired));
  }

  async cancelImport(importId: string): Promise<Reply[]> {
    await this.deps.imports.discard(importId);
    return textReply(t.importFile.cancelled);
  }
}
