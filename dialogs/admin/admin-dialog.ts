import type { Logger } from "../../core/logger";
import { adminText } from "../../core/strings";
import { answerCard } from "../../cards/answer-cards";
import {
  adminAdminsCard,
  adminEntryCard,
  adminFormCard,
  adminHistoryCard,
  adminHomeCard,
  adminImportCard,
  adminNoticeCard,
  adminPublishCard,
  adminReviewCard,
  stockholmTime,
} from "../../cards/admin-cards";
import { ObjectId, type Actor, type AdminDirectory } from "../../data/admins";
import { ConflictError, DuplicateError } from "../../data/errors";
import type { FeedbackStore } from "../../data/feedback";
import type { KnowledgeEntryDoc } from "../../data/kb/knowledge-docs";
import { changedFields, type KnowledgeEditor } from "../../data/kb/knowledge-editor";
import type { PendingImports } from "../../data/kb/pending-imports";
import type { KbEntry, KbKind } from "../../data/kb/schema";
import { answerText } from "../qa/answer-text";
import type { QaEngine } from "../qa/qa-engine";
import { fold } from "../qa/text";
import { normaliseText } from "../commands";
import type { IncomingFile, IncomingMessage, Reply } from "../types";
import { entryFromForm, formInputs, unknownRelated } from "./entry-form";
import { exportFile, planImport } from "./import-file";
import { groupReviews } from "./review-queue";
import { AdminSubmission, ReviewItems, isAdminAction } from "./submissions";

const t = adminText;
const MAX_RESULTS = 15;
const MAX_REVIEW_GROUPS = 15;
const REVIEW_DEPTH = 200;

export interface AdminDialogDeps {
  admins: AdminDirectory;
  editor: KnowledgeEditor;
  /** The served base: the engine resolves related entries for previews; reload() after each change. */
  knowledge: { readonly engine: QaEngine; readonly version: number; reload(): Promise<unknown> };
  feedback: Pick<FeedbackStore, "openForReview" | "markReviewed">;
  imports: PendingImports;
  logger?: Logger;
  now?: () => Date;
}

type Command =
  | { name: "home" }
  | { name: "history"; id: string }
  | { name: "export" }
  | { name: "review" }
  | { name: "admins" }
  | { name: "addAdmin"; id: string; adminName: string }
  | { name: "removeAdmin"; id: string };

/** Admin commands typed in the chat; anything else is not the admin dialog's business. */
export function parseAdminCommand(text: string): Command | undefined {
  const s = normaliseText(text);
  const lower = s.toLowerCase();
  if (/^admin$/.test(lower)) return { name: "home" };
  if (/^(admins|administratörer|administratorer)$/.test(lower)) return { name: "admins" };
  let m = /^admin l[äa]gg till (\S+)\s*(.*)$/i.exec(s);
  if (m) return { name: "addAdmin", id: m[1], adminName: m[2].trim() };
  m = /^admin ta bort (\S+)$/i.exec(s);
  if (m) return { name: "removeAdmin", id: m[1] };
  m = /^historik(?: (\S+))?$/i.exec(s);
  if (m) return { name: "history", id: (m[1] ?? "").toLowerCase() };
  if (/^(exportera|export)$/.test(lower)) return { name: "export" };
  if (/^(granska|granskning|granskningskö|granskningsko)$/.test(lower)) return { name: "review" };
  return undefined;
}

const text = (s: string): Reply[] => [{ text: s }];

/**
 * The admins' editing of the knowledge base from Teams: search, open, edit with preview and
 * publish, create, retire and restore, history and revert, bulk export and import, the review
 * queue, and the admin roster. Every entry point checks the asker against the admin directory;
 * anyone else gets a polite refusal, the attempt is logged, and nothing changes.
 */
export class AdminDialog {
  constructor(private readonly deps: AdminDialogDeps) {}

  private get now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** MessageHandler for the router. */
  readonly handle = async (message: IncomingMessage): Promise<Reply[] | undefined> => {
    if (isAdminAction(message.value)) return this.guarded(message, String((message.value as { action: string }).action), (actor) => this.submission(message.value, actor));
    if (message.value !== undefined && message.value !== null) return undefined;
    const command = parseAdminCommand(message.text);
    if (!command) return undefined;
    return this.guarded(message, command.name, (actor) => this.command(command, actor));
  };

  /** A knowledge-base file sent in chat (the file router downloaded it and recognised its shape). */
  importUpload(file: IncomingFile, content: string, message: IncomingMessage): Promise<Reply[]> {
    return this.guarded(message, "import", (actor) => this.importFile(file, content, actor));
  }

  /** The user accepted the export's file consent: the file content, built now from the stored base. */
  async exportAccepted(message: IncomingMessage): Promise<{ ok: true; content: Buffer; entries: number } | { ok: false; text: string }> {
    if (!(await this.deps.admins.isAdmin(message.asker.aadObjectId))) {
      this.refused(message, "export");
      return { ok: false, text: t.refusal };
    }
    const docs = await this.deps.editor.all();
    const content = Buffer.from(exportFile(docs, this.deps.knowledge.version, this.now), "utf8");
    this.deps.logger?.info({ admin: message.asker.aadObjectId, entries: docs.length, bytes: content.length }, "knowledge base exported");
    return { ok: true, content, entries: docs.length };
  }

  private async guarded(message: IncomingMessage, action: string, run: (actor: Actor) => Promise<Reply[]>): Promise<Reply[]> {
    const { asker } = message;
    if (!(await this.deps.admins.isAdmin(asker.aadObjectId))) {
      this.refused(message, action);
      return text(t.refusal);
    }
    if (asker.conversationType !== "personal") return text(t.personalOnly);
    return run({ id: asker.aadObjectId!.toLowerCase(), name: asker.name?.trim() || asker.aadObjectId! });
  }

  private refused(message: IncomingMessage, action: string): void {
    // Who tried what, never the message text.
    this.deps.logger?.warn({ action, tenantId: message.asker.tenantId, aadObjectId: message.asker.aadObjectId ?? null, conversationType: message.asker.conversationType }, "admin action refused: not an admin");
  }

  private async command(command: Command, actor: Actor): Promise<Reply[]> {
    switch (command.name) {
      case "home":
        return [{ text: t.home.title, card: adminHomeCard("", undefined) }];
      case "history":
        if (!command.id) return text(t.history.usage);
        return this.history(command.id);
      case "export":
        return this.offerExport();
      case "review":
        return this.review();
      case "admins":
        return this.adminsCard();
      case "addAdmin":
        return this.addAdmin(command.id, command.adminName, actor);
      case "removeAdmin":
        return this.removeAdmin(command.id, actor);
    }
  }

  private async submission(value: unknown, actor: Actor): Promise<Reply[]> {
    const parsed = AdminSubmission.safeParse(value);
    if (!parsed.success) {
      this.deps.logger?.warn({ action: (value as { action?: unknown }).action, issues: parsed.error.issues.map((i) => i.path.join(".")) }, "admin submission rejected");
      return text(t.badSubmission);
    }
    const d = parsed.data;
    switch (d.action) {
      case "admin.home":
        return [{ text: t.home.title, card: adminHomeCard("", undefined) }];
      case "admin.search":
        return this.search(d.query ?? "");
      case "admin.open":
        return this.open(d.entryId);
      case "admin.edit":
        return this.editForm(d.entryId, d.reviewItems);
      case "admin.new":
        return this.newForm(d.newKind ?? "topic", d.question, d.reviewItems);
      case "admin.preview":
        return this.preview(d, value as Record<string, unknown>);
      case "admin.publish":
        return this.publish(d.mode, d.draft, d.etag, d.reviewItems, actor);
      case "admin.reedit":
        return [{ text: t.form.editTitle(d.draft.title), card: adminFormCard({ mode: d.mode, kind: d.draft.kind, title: d.draft.title, inputs: formInputs(d.draft.kind, d.draft, { withId: d.mode === "create" }), entryId: d.mode === "edit" ? d.draft.id : undefined, etag: d.etag, reviewItems: d.reviewItems }) }];
      case "admin.cancel":
        return text(t.form.cancelled);
      case "admin.retire":
      case "admin.restore":
        return this.setStatus(d.entryId, d.etag, d.action === "admin.retire" ? "retired" : "active", actor);
      case "admin.history":
        return this.history(d.entryId);
      case "admin.revert":
        return this.revert(d.entryId, d.version, d.etag, actor);
      case "admin.review":
        return this.review();
      case "admin.dismiss":
        return this.dismiss(d.reviewItems);
      case "admin.importConfirm":
        return this.confirmImport(d.importId, actor);
      case "admin.importCancel":
        await this.deps.imports.discard(d.importId);
        return text(t.importFile.cancelled);
      case "admin.admins":
        return this.adminsCard();
      case "admin.addAdmin":
        return this.addAdmin(d.newAdminId ?? "", d.newAdminName ?? "", actor);
      case "admin.removeAdmin":
        return this.removeAdmin(d.aadObjectId, actor);
    }
  }

  // --- search and open ------------------------------------------------------------------------

  private async search(query: string): Promise<Reply[]> {
    const words = fold(query).split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
    const docs = await this.deps.editor.all();
    const scored = docs
      .map((d) => {
        const title = fold(`${d.id} ${d.entry.title}`);
        const body = fold(`${d.entry.phrasings.join(" ")} ${d.entry.answer}`);
        if (!words.every((w) => title.includes(w) || body.includes(w))) return undefined;
        return { d, score: words.filter((w) => title.includes(w)).length };
      })
      .filter((x): x is { d: KnowledgeEntryDoc; score: number } => x !== undefined)
      .sort((a, b) => b.score - a.score || a.d.entry.title.localeCompare(b.d.entry.title, "sv"))
      .slice(0, MAX_RESULTS)
      .map((x) => x.d);
    return [{ text: t.home.resultsTitle(scored.length, query), card: adminHomeCard(query, scored) }];
  }

  private async open(id: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return text(t.entry.notFound(id));
    return [{ text: `${found.doc.entry.title} (${found.doc.id})`, card: adminEntryCard(found.doc, found.etag) }];
  }

  // --- edit, preview, publish -------------------------------------------------------------------

  private async editForm(id: string, reviewItems?: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return text(t.entry.notFound(id));
    const { entry } = found.doc;
    return [{ text: t.form.editTitle(entry.title), card: adminFormCard({ mode: "edit", kind: entry.kind, title: entry.title, inputs: formInputs(entry.kind, entry, { withId: false }), entryId: id, etag: found.etag, reviewItems }) }];
  }

  private newForm(kind: KbKind, question: string | undefined, reviewItems: string | undefined): Reply[] {
    const prefill = question ? { title: question.slice(0, 120), phrasings: [question.slice(0, 200)] } : {};
    return [{ text: t.form.newTitle(t.kindLabels[kind]), card: adminFormCard({ mode: "create", kind, title: "", inputs: formInputs(kind, prefill, { withId: true }), reviewItems }) }];
  }

  private async preview(d: Extract<AdminSubmission, { action: "admin.preview" }>, raw: Record<string, unknown>): Promise<Reply[]> {
    if (d.mode === "edit" && (!d.entryId || !d.etag)) return text(t.badSubmission);
    const result = entryFromForm(d.kind, d.mode === "edit" ? d.entryId : undefined, raw);
    const docs = await this.deps.editor.all();
    const ids = new Set(docs.map((x) => x.id));
    const problems = result.ok ? unknownRelated(result.entry, (id) => ids.has(id)) : result.problems;
    if (result.ok && d.mode === "create" && ids.has(result.entry.id)) problems.push(t.publish.duplicate(result.entry.id));
    if (!result.ok || problems.length > 0) {
      // The form comes back with what the admin typed and what to fix.
      const inputs = formInputs(d.kind, {}, { withId: d.mode === "create" }).map((i) => ({ ...i, value: typeof raw[i.id] === "string" ? String(raw[i.id]) : i.value }));
      const current = docs.find((x) => x.id === d.entryId);
      return [{ text: `${t.form.invalidTitle}\n${problems.join("\n")}`, card: adminFormCard({ mode: d.mode, kind: d.kind, title: current?.entry.title ?? "", inputs, entryId: d.entryId, etag: d.etag, problems, reviewItems: d.reviewItems }) }];
    }
    const draft = result.entry;
    const current = docs.find((x) => x.id === draft.id);
    const changes = d.mode === "edit" && current ? changedFields(current, { entry: { ...draft, retired: false }, status: current.status }) : [];
    const engine = this.deps.knowledge.engine;
    const related = draft.related.map((id) => engine.entry(id)).filter((e): e is KbEntry => e !== undefined);
    return [
      // Exactly the card users get for a confident answer.
      { text: `${t.publish.previewText(draft.title)}\n${answerText(draft)}`, card: answerCard({ entry: draft, question: draft.title, alternatives: [], related, unsure: false }) },
      { text: t.publish.title, card: adminPublishCard(draft, d.mode, changes, d.etag, d.reviewItems) },
    ];
  }

  private async publish(mode: "edit" | "create", draft: KbEntry, etag: string | undefined, reviewItems: string | undefined, actor: Actor): Promise<Reply[]> {
    const docs = await this.deps.editor.all();
    const ids = new Set(docs.map((x) => x.id));
    const problems = unknownRelated(draft, (id) => ids.has(id) || id === draft.id);
    if (problems.length > 0) return [{ text: `${t.form.invalidTitle}\n${problems.join("\n")}`, card: adminNoticeCard(t.form.invalidTitle, problems) }];
    try {
      let version: number;
      if (mode === "create") {
        version = (await this.deps.editor.create(draft, actor)).doc.version;
      } else {
        if (!etag) return text(t.badSubmission);
        const saved = await this.deps.editor.save(draft.id, etag, { entry: draft, action: "edited" }, actor);
        if (saved.outcome === "unchanged") return text(t.publish.nothingToPublish);
        version = saved.doc.version;
      }
      await this.afterChange(actor, "published", draft.id, version);
      if (reviewItems) await this.markReviewed(reviewItems);
      return text(t.publish.done(draft.title, version));
    } catch (err) {
      if (err instanceof ConflictError) return this.conflict(draft.title, draft.id, actor);
      if (err instanceof DuplicateError) return text(t.publish.duplicate(draft.id));
      throw err;
    }
  }

  private async setStatus(id: string, etag: string, status: "active" | "retired", actor: Actor): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return text(t.entry.notFound(id));
    try {
      const saved = await this.deps.editor.save(id, etag, { entry: found.doc.entry, status, action: status === "retired" ? "retired" : "restored" }, actor);
      if (saved.outcome === "unchanged") return text(t.publish.nothingToPublish);
      await this.afterChange(actor, status === "retired" ? "retired" : "restored", id, saved.doc.version);
      return [{ text: status === "retired" ? t.publish.retired(found.doc.entry.title, saved.doc.version) : t.publish.restored(found.doc.entry.title, saved.doc.version), card: adminEntryCard(saved.doc, saved.etag) }];
    } catch (err) {
      if (err instanceof ConflictError) return this.conflict(found.doc.entry.title, id, actor);
      throw err;
    }
  }

  private conflict(title: string, id: string, actor: Actor): Reply[] {
    this.deps.logger?.info({ admin: actor.id, entry: id }, "admin save refused: entry changed since it was opened");
    return text(t.publish.conflict(title));
  }

  /** Serve the change here at once; other instances pick it up from the marker within their poll interval. */
  private async afterChange(actor: Actor, what: string, entryId: string, version: number): Promise<void> {
    this.deps.logger?.info({ admin: actor.id, what, entry: entryId, version }, "knowledge entry changed");
    await this.deps.knowledge.reload();
  }

  // --- history ----------------------------------------------------------------------------------

  private async history(id: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return text(t.entry.notFound(id));
    const versions = await this.deps.editor.versions(id);
    const lines = versions.map((v) => t.history.line(v.version, stockholmTime(v.updatedAt), v.updatedByName ?? v.updatedBy, t.actionLabels[v.action] ?? v.action));
    return [{ text: [t.history.title(found.doc.entry.title), ...lines].join("\n"), card: adminHistoryCard(found.doc.entry.title, versions, found.etag) }];
  }

  private async revert(id: string, version: number, etag: string, actor: Actor): Promise<Reply[]> {
    const versions = await this.deps.editor.versions(id);
    const target = versions.find((v) => v.version === version);
    if (!target) return text(t.history.versionMissing(version));
    try {
      const saved = await this.deps.editor.save(id, etag, { entry: target.entry, status: target.status, action: "reverted", revertedFrom: version }, actor);
      if (saved.outcome === "unchanged") return text(t.publish.nothingToPublish);
      await this.afterChange(actor, "reverted", id, saved.doc.version);
      return text(t.publish.reverted(target.entry.title, version, saved.doc.version));
    } catch (err) {
      if (err instanceof ConflictError) return this.conflict(target.entry.title, id, actor);
      throw err;
    }
  }

  // --- review queue -----------------------------------------------------------------------------

  private async review(): Promise<Reply[]> {
    const [unanswered, feedback] = await Promise.all([this.deps.feedback.openForReview("unanswered", REVIEW_DEPTH), this.deps.feedback.openForReview("feedback", REVIEW_DEPTH)]);
    const groups = groupReviews([...unanswered, ...feedback]).slice(0, MAX_REVIEW_GROUPS);
    const engine = this.deps.knowledge.engine;
    const lines = groups.map((g) => `${g.question ?? t.review.hiddenQuestion} (${t.review.group(g.count, g.people)})`);
    return [{ text: [t.review.title, ...(groups.length ? lines : [t.review.empty])].join("\n"), card: adminReviewCard(groups, (id) => engine.entry(id)?.title) }];
  }

  private async dismiss(items: string): Promise<Reply[]> {
    const n = await this.markReviewed(items);
    return text(t.review.dismissed(n));
  }

  private async markReviewed(items: string): Promise<number> {
    const parsed = ReviewItems.safeParse(items);
    if (!parsed.success) return 0;
    return this.deps.feedback.markReviewed(parsed.data);
  }

  // --- export and import ------------------------------------------------------------------------

  private async offerExport(): Promise<Reply[]> {
    // The size is what the file would be now; the content is built again when the admin accepts.
    const docs = await this.deps.editor.all();
    const size = Buffer.byteLength(exportFile(docs, this.deps.knowledge.version, this.now));
    const day = this.now.toISOString().slice(0, 10);
    return [{ text: t.exportFile.offered, file: { name: `kunskapsbank-${day}.json`, description: t.exportFile.description, sizeInBytes: size, context: { action: "admin.export" } } }];
  }

  private async importFile(file: IncomingFile, content: string, actor: Actor): Promise<Reply[]> {
    const plan = planImport(content, await this.deps.editor.all());
    if (!plan.ok) {
      this.deps.logger?.info({ admin: actor.id, problems: plan.problems.length }, "import rejected");
      return [{ text: [plan.title, ...plan.problems].join("\n"), card: adminNoticeCard(plan.title, plan.problems) }];
    }
    if (plan.changes.length === 0) return text(t.importFile.nothing);
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
  private async confirmImport(importId: string, actor: Actor): Promise<Reply[]> {
    const pending = await this.deps.imports.take(importId, actor.id);
    if (!pending) return text(t.importFile.expired);
    const current = new Map((await this.deps.editor.all()).map((d) => [d.id, d]));
    const stale = pending.changes.filter((c) => current.get(c.entry.id)?.version !== c.baseVersion).map((c) => c.entry.id);
    if (stale.length > 0) {
      await this.deps.imports.discard(importId);
      return text(t.importFile.conflict(stale));
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
          await this.deps.editor.save(c.entry.id, found.etag, { entry: c.entry, status: c.entry.retired ? "retired" : "active", action: "imported" }, actor, false);
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
      await this.afterChange(actor, "imported", "*", applied);
    }
    if (failed.length > 0) return text(t.importFile.partial(applied, failed));
    return text(t.importFile.done(counts.added, counts.changed, counts.retired));
  }

  // --- admins -----------------------------------------------------------------------------------

  private async adminsCard(): Promise<Reply[]> {
    const [added, audit] = await Promise.all([this.deps.admins.added(), this.deps.admins.auditTrail(10)]);
    const active = added.filter((a) => a.active);
    return [{ text: `${t.admins.title}: ${this.deps.admins.configuredIds.length + active.length}`, card: adminAdminsCard(this.deps.admins.configuredIds, added, audit) }];
  }

  private async addAdmin(rawId: string, rawName: string, actor: Actor): Promise<Reply[]> {
    const id = ObjectId.safeParse(rawId);
    if (!id.success) return text(`${t.admins.badId} ${t.admins.usage}`);
    const name = rawName.trim().slice(0, 200) || id.data;
    const result = await this.deps.admins.add(id.data, name, actor);
    if (!result.ok) return text(result.reason === "configured" || result.reason === "already" ? t.admins.alreadyAdmin(name) : t.admins.notAdmin);
    this.deps.logger?.info({ admin: actor.id, added: id.data }, "admin added");
    return text(t.admins.added(name));
  }

  private async removeAdmin(rawId: string, actor: Actor): Promise<Reply[]> {
    const id = ObjectId.safeParse(rawId);
    if (!id.success) return text(`${t.admins.badId} ${t.admins.usage}`);
    const result = await this.deps.admins.remove(id.data, actor);
    if (!result.ok) return text(result.reason === "configured" ? t.admins.configured : result.reason === "self" ? t.admins.notSelf : t.admins.notAdmin);
    this.deps.logger?.info({ admin: actor.id, removed: id.data }, "admin removed");
    return text(t.admins.removed(result.doc.name));
  }
}
