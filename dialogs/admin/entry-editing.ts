import { adminText as t } from "../../core/strings";
import { answerCard } from "../../cards/answer-cards";
import { adminEntryCard, adminFormCard, adminNoticeCard, adminPublishCard } from "../../cards/admin-cards";
import type { Actor } from "../../data/admins";
import { ConflictError, DuplicateError } from "../../data/errors";
import { changedFields } from "../../data/kb/knowledge-editor";
import type { KbEntry, KbKind } from "../../data/kb/schema";
import { answerText } from "../../cards/answer-text";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";
import type { EntryChanges } from "./entry-changes";
import { entryFromForm, entryNames, formInputs, unknownRelated, type EntryNames } from "./entry-form";
import type { FeedbackReview } from "./feedback-review";
import type { AdminSubmission } from "./submissions";

type PreviewSubmission = Extract<AdminSubmission, { action: "admin.preview" }>;
type ReeditSubmission = Extract<AdminSubmission, { action: "admin.reedit" }>;

/** Creating and editing an entry (form → preview → publish), and retiring or restoring it. */
export class EntryEditing {
  constructor(
    private readonly deps: Pick<AdminDialogDeps, "editor" | "knowledge">,
    private readonly changes: EntryChanges,
    private readonly review: Pick<FeedbackReview, "markReviewed">,
  ) {}

  /** Titles of the entries, for the related-entries field. */
  private async names(): Promise<EntryNames> {
    return namesOf(await this.deps.editor.all());
  }

  async editForm(id: string, reviewItems?: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return textReply(t.entry.notFound(id));
    const { entry } = found.doc;
    return [
      {
        text: t.form.editTitle(entry.title),
        card: adminFormCard({
          mode: "edit",
          kind: entry.kind,
          title: entry.title,
          inputs: formInputs(entry.kind, entry, { withId: false, names: await this.names() }),
          entryId: id,
          etag: found.etag,
          reviewItems,
        }),
      },
    ];
  }

  /** A question from the review queue starts the new entry's title and phrasings. */
  async newForm(kind: KbKind, question: string | undefined, reviewItems: string | undefined): Promise<Reply[]> {
    const prefill = question ? { title: question.slice(0, 120), phrasings: [question.slice(0, 200)] } : {};
    return [
      {
        text: t.form.newTitle(t.kindLabels[kind]),
        card: adminFormCard({
          mode: "create",
          kind,
          title: "",
          inputs: formInputs(kind, prefill, { withId: true, names: await this.names() }),
          reviewItems,
        }),
      },
    ];
  }

  /** Back from the preview to the form, with the draft as the admin left it. */
  async reedit(d: ReeditSubmission): Promise<Reply[]> {
    return [
      {
        text: t.form.editTitle(d.draft.title),
        card: adminFormCard({
          mode: d.mode,
          kind: d.draft.kind,
          title: d.draft.title,
          inputs: formInputs(d.draft.kind, d.draft, { withId: d.mode === "create", names: await this.names() }),
          entryId: d.mode === "edit" ? d.draft.id : undefined,
          etag: d.etag,
          reviewItems: d.reviewItems,
        }),
      },
    ];
  }

  async preview(d: PreviewSubmission, raw: Record<string, unknown>): Promise<Reply[]> {
    if (d.mode === "edit" && (!d.entryId || !d.etag)) return textReply(t.badSubmission);
    const docs = await this.deps.editor.all();
    const result = entryFromForm(d.kind, d.mode === "edit" ? d.entryId : undefined, raw, namesOf(docs));
    const ids = new Set(docs.map((x) => x.id));
    const problems = result.ok ? unknownRelated(result.entry, (id) => ids.has(id)) : result.problems;
    if (result.ok && d.mode === "create" && ids.has(result.entry.id))
      problems.push(t.publish.duplicate(result.entry.id));
    if (!result.ok || problems.length > 0) {
      // The form comes back with what the admin typed and what to fix.
      const inputs = formInputs(d.kind, {}, { withId: d.mode === "create" }).map((i) => ({
        ...i,
        value: typeof raw[i.id] === "string" ? String(raw[i.id]) : i.value,
      }));
      const current = docs.find((x) => x.id === d.entryId);
      return [
        {
          text: `${t.form.invalidTitle}\n${problems.join("\n")}`,
          card: adminFormCard({
            mode: d.mode,
            kind: d.kind,
            title: current?.entry.title ?? "",
            inputs,
            entryId: d.entryId,
            etag: d.etag,
            problems,
            reviewItems: d.reviewItems,
          }),
        },
      ];
    }
    const draft = result.entry;
    const current = docs.find((x) => x.id === draft.id);
    const changes =
      d.mode === "edit" && current
        ? changedFields(current, { entry: { ...draft, retired: false }, status: current.status })
        : [];
    const engine = this.deps.knowledge.engine;
    const related = draft.related.map((id) => engine.entry(id)).filter((e): e is KbEntry => e !== undefined);
    return [
      // Exactly the card users get for a confident answer.
      {
        text: `${t.publish.previewText(draft.title)}\n${answerText(draft)}`,
        card: answerCard({ entry: draft, question: draft.title, alternatives: [], related, unsure: false }),
      },
      { text: t.publish.title, card: adminPublishCard(draft, d.mode, changes, d.etag, d.reviewItems) },
    ];
  }

  /** The draft went through preview, but related entries may have been retired or renamed since: checked again. */
  async publish(
    mode: "edit" | "create",
    draft: KbEntry,
    etag: string | undefined,
    reviewItems: string | undefined,
    actor: Actor,
  ): Promise<Reply[]> {
    const docs = await this.deps.editor.all();
    const ids = new Set(docs.map((x) => x.id));
    const problems = unknownRelated(draft, (id) => ids.has(id) || id === draft.id);
    if (problems.length > 0)
      return [
        {
          text: `${t.form.invalidTitle}\n${problems.join("\n")}`,
          card: adminNoticeCard(t.form.invalidTitle, problems),
        },
      ];
    try {
      let version: number;
      if (mode === "create") {
        version = (await this.deps.editor.create(draft, actor)).doc.version;
      } else {
        if (!etag) return textReply(t.badSubmission);
        const saved = await this.deps.editor.save(draft.id, etag, { entry: draft, action: "edited" }, actor);
        if (saved.outcome === "unchanged") return textReply(t.publish.nothingToPublish);
        version = saved.doc.version;
      }
      await this.changes.applied(actor, "published", draft.id, version);
      if (reviewItems) await this.review.markReviewed(reviewItems);
      return textReply(t.publish.done(draft.title, version));
    } catch (err) {
      if (err instanceof ConflictError) return this.changes.conflict(draft.title, draft.id, actor);
      if (err instanceof DuplicateError) return textReply(t.publish.duplicate(draft.id));
      throw err;
    }
  }

  async setStatus(id: string, etag: string, status: "active" | "retired", actor: Actor): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return textReply(t.entry.notFound(id));
    const action = status === "retired" ? "retired" : "restored";
    try {
      const saved = await this.deps.editor.save(id, etag, { entry: found.doc.entry, status, action }, actor);
      if (saved.outcome === "unchanged") return textReply(t.publish.nothingToPublish);
      await this.changes.applied(actor, action, id, saved.doc.version);
      const done = status === "retired" ? t.publish.retired : t.publish.restored;
      return [{ text: done(found.doc.entry.title, saved.doc.version), card: adminEntryCard(saved.doc, saved.etag) }];
    } catch (err) {
      if (err instanceof ConflictError) return this.changes.conflict(found.doc.entry.title, id, actor);
      throw err;
    }
  }
}

function namesOf(docs: { id: string; entry: { title: string } }[]): EntryNames {
  return entryNames(docs.map((d) => ({ id: d.id, title: d.entry.title })));
}
