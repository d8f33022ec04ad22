import { inZone } from "../core/time";
import { cutLabel } from "./button-label";
import { adminText } from "../core/strings";
import type { AdminDoc, AuditDoc } from "../data/admins";
import type { ReviewDoc } from "../data/feedback";
import type { KnowledgeEntryDoc } from "../data/kb/knowledge-docs";
import type { Version } from "../data/kb/knowledge-editor";
import type { KbEntry, KbKind } from "../data/kb/schema";
import { sourceText } from "./answer-text";
import { escapeMarkdown as plain } from "../core/markdown";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";

// Data for the admin card templates (cards/admin-*.json). Buttons are Action.Submit with an
// "admin.*" action, like the answer cards' buttons; dialogs/admin/submissions.ts validates them.

const t = adminText;

/** One input of the rendered form. */
export type FormInput = CardDataMap["admin-form"]["fields"][number];

/** One item of the review queue: a 👍/👎 or an unanswered question. */
export interface ReviewItem {
  kind: ReviewDoc["kind"];
  id: string;
}

/** A group of similar review items (dialogs/admin/review-queue.ts groups them). */
export interface ReviewGroup {
  /** The newest question of the group (null: a request about an individual, not kept). */
  question: string | null;
  latestAt: string;
  count: number;
  /** Distinct pseudonymous askers. */
  people: number;
  unanswered: number;
  suggested: number;
  thumbsDown: number;
  /** Entries involved, most frequent first: the 👎 answers and the ones offered. */
  entryIds: string[];
  items: ReviewItem[];
}

/** "2025-03-04 14:05" in Stockholm time. */
export function stockholmTime(iso: string): string {
  return inZone(iso).toFormat("yyyy-MM-dd HH:mm");
}

/** `results` are the entries shown (undefined before a search), `total` how many matched. */
export function adminHomeData(
  query: string,
  results: KnowledgeEntryDoc[] | undefined,
  total = results?.length ?? 0,
): CardDataMap["admin-home"] {
  return {
    ...t.home,
    query,
    resultsTitle: results ? t.home.resultsTitle(plain(query), results.length, total) : "",
    hasResults: Boolean(results && results.length > 0),
    results: (results ?? []).map((d) => ({
      title: d.entry.title,
      subtitle: `${d.id} · ${t.kindLabels[d.entry.kind]} · ${t.statusLabels[d.status]} · v${d.version}`,
      entryId: d.id,
      openLabel: t.home.open,
    })),
    noResults: results && results.length === 0 ? t.home.noResults : "",
    kinds: Object.entries(t.kindLabels).map(([value, title]) => ({ title, value })),
  };
}

export function adminEntryData(doc: KnowledgeEntryDoc, etag: string): CardDataMap["admin-entry"] {
  const active = doc.status === "active";
  return {
    title: doc.entry.title,
    facts: [
      { title: t.entry.facts.id, value: doc.id },
      { title: t.entry.facts.kind, value: t.kindLabels[doc.entry.kind] },
      { title: t.entry.facts.status, value: t.statusLabels[doc.status] },
      { title: t.entry.facts.version, value: String(doc.version) },
      {
        title: t.entry.facts.updated,
        value: `${stockholmTime(doc.updatedAt)} · ${doc.updatedBy === "seed" ? t.seedAuthor : doc.updatedBy}`,
      },
    ],
    answer: doc.entry.answer,
    source: sourceText(doc.entry.source),
    entryId: doc.id,
    editLabel: t.entry.edit,
    historyLabel: t.entry.history,
    statusLabel: active ? t.entry.retire : t.entry.restore,
    statusData: { action: active ? "admin.retire" : "admin.restore", entryId: doc.id, etag },
  };
}

export interface FormCardInput {
  mode: "edit" | "create";
  kind: KbKind;
  title: string;
  inputs: FormInput[];
  entryId?: string;
  etag?: string;
  problems?: string[];
  reviewItems?: string;
}

export function adminFormData(f: FormCardInput): CardDataMap["admin-form"] {
  return {
    title: f.mode === "edit" ? t.form.editTitle(f.title) : t.form.newTitle(t.kindLabels[f.kind]),
    intro: t.form.intro,
    hasProblems: Boolean(f.problems && f.problems.length > 0),
    problemsTitle: t.form.invalidTitle,
    problems: f.problems ?? [],
    fields: f.inputs,
    previewLabel: t.form.preview,
    cancelLabel: t.form.cancel,
    previewData: {
      action: "admin.preview",
      mode: f.mode,
      kind: f.kind,
      entryId: f.entryId,
      etag: f.etag,
      reviewItems: f.reviewItems,
    },
  };
}

export function adminPublishData(
  draft: KbEntry,
  mode: "edit" | "create",
  changes: string[],
  etag: string | undefined,
  reviewItems: string | undefined,
): CardDataMap["admin-publish"] {
  const described =
    mode === "create"
      ? t.publish.newEntry
      : changes.length === 0
        ? t.publish.noChanges
        : `${t.publish.changesTitle}: ${changes.map((c) => t.fieldShort[c] ?? c).join(", ")}`;
  const carry = { mode, etag, draft, reviewItems };
  return {
    title: t.publish.title,
    entryTitle: `${draft.title} (${draft.id})`,
    changes: described,
    publishLabel: t.publish.publish,
    editAgainLabel: t.publish.editAgain,
    cancelLabel: t.publish.cancel,
    publishData: { action: "admin.publish", ...carry },
    reeditData: { action: "admin.reedit", ...carry },
  };
}

export function adminHistoryData(
  title: string,
  versions: Version[],
  currentEtag: string,
): CardDataMap["admin-history"] {
  const current = versions[0]?.version;
  return {
    title: t.history.title(title),
    versions: versions.map((v) => ({
      line: t.history.line(
        v.version,
        stockholmTime(v.updatedAt),
        v.updatedBy === "seed" ? t.seedAuthor : plain(v.updatedByName ?? v.updatedBy),
        versionAction(v),
      ),
      changed:
        v.changes.length > 0 && v.action !== "created" && v.action !== "seed"
          ? t.history.changed(v.changes.map((c) => t.fieldShort[c] ?? c).join(", "))
          : "",
      excerpt: `${t.statusLabels[v.status]}: ${v.entry.answer}`,
      canRevert: v.version !== current,
      revertLabel: t.history.restore(v.version),
      revertData: { action: "admin.revert", entryId: v.entry.id, version: v.version, etag: currentEtag },
    })),
  };
}

function versionAction(v: Version): string {
  const label = t.actionLabels[v.action] ?? v.action;
  return v.revertedFrom ? t.history.revertedFrom(label, v.revertedFrom) : label;
}

export function adminReviewData(
  groups: ReviewGroup[],
  titleOf: (id: string) => string | undefined,
): CardDataMap["admin-review"] {
  return {
    title: t.review.title,
    intro: t.review.intro,
    empty: groups.length === 0 ? t.review.empty : "",
    groups: groups.map((g) => {
      const items = g.items.map((i) => `${i.kind}:${i.id}`).join(",");
      const kinds = [
        g.unanswered > 0 ? `${t.review.unanswered} ${g.unanswered}` : "",
        g.suggested > 0 ? `${t.review.suggested} ${g.suggested}` : "",
        g.thumbsDown > 0 ? `${t.review.thumbsDown} ${g.thumbsDown}` : "",
      ].filter(Boolean);
      const editable = g.entryIds
        .map((id) => ({ id, title: titleOf(id) }))
        .filter((e): e is { id: string; title: string } => Boolean(e.title))
        .slice(0, 2);
      return {
        question: g.question === null ? t.review.hiddenQuestion : plain(g.question),
        meta: [t.review.group(g.count, g.people), ...kinds, `${t.review.latest} ${stockholmTime(g.latestAt)}`].join(
          " · ",
        ),
        buttons: [
          {
            title: t.review.answerNew,
            data: { action: "admin.new", newKind: "topic", question: g.question ?? undefined, reviewItems: items },
          },
          ...editable.map((e) => ({
            title: cutLabel(t.review.editEntry(e.title)),
            data: { action: "admin.edit", entryId: e.id, reviewItems: items },
          })),
          { title: t.review.dismiss, data: { action: "admin.dismiss", reviewItems: items } },
        ],
      };
    }),
  };
}

export function adminImportData(
  importId: string,
  fileName: string,
  counts: { added: number; changed: number; retired: number; unchanged: number },
  notInFile: number,
): CardDataMap["admin-import"] {
  const f = t.importFile.summaryFacts;
  return {
    title: t.importFile.summaryTitle,
    facts: [
      { title: f.file, value: plain(fileName) },
      { title: f.added, value: String(counts.added) },
      { title: f.changed, value: String(counts.changed) },
      { title: f.retired, value: String(counts.retired) },
      { title: f.unchanged, value: String(counts.unchanged) },
    ],
    notes: notInFile > 0 ? [t.importFile.notInFile(notInFile)] : [],
    importId,
    confirmLabel: t.importFile.confirm,
    cancelLabel: t.importFile.cancel,
  };
}

export function adminNoticeData(title: string, lines: string[]): CardDataMap["admin-notice"] {
  return { title, lines };
}

export function adminAdminsData(
  configured: { id: string; name?: string }[],
  added: AdminDoc[],
  audit: AuditDoc[],
  people: { aadObjectId: string; name: string; detail: string }[] = [],
): CardDataMap["admin-admins"] {
  const active = added.filter((a) => a.active);
  return {
    title: t.admins.title,
    configuredTitle: t.admins.fromConfig,
    configured: configured.map((c) => (c.name ? plain(c.name) : t.admins.unnamed(c.id))),
    addedTitle: t.admins.addedInTeams,
    none: active.length === 0 ? t.admins.none : "",
    added: active.map((a) => ({
      label: t.admins.addedLine(plain(a.name), plain(a.addedByName), stockholmTime(a.addedAt)),
      id: a.id,
      removeLabel: t.admins.remove,
    })),
    addTitle: t.admins.addTitle,
    hasPeople: people.length > 0,
    personLabel: t.admins.personLabel,
    people: people.map((p) => ({ title: `${p.name} – ${p.detail}`, value: p.aadObjectId })),
    idLabel: people.length > 0 ? t.admins.idLabelOr : t.admins.idLabel,
    nameLabel: t.admins.nameLabel,
    addLabel: t.admins.add,
    auditTitle: t.admins.auditTitle,
    audit: audit.map((a) =>
      t.admins.audit(
        stockholmTime(a.at),
        plain(a.actorName),
        a.event === "admin-added"
          ? t.admins.auditAdded(plain(a.targetName))
          : t.admins.auditRemoved(plain(a.targetName)),
      ),
    ),
  };
}

/** A short list of entries (or people) to choose from, one button each. */
export function adminPickData(
  title: string,
  items: { title: string; subtitle: string; label: string; data: Record<string, unknown> }[],
): CardDataMap["admin-pick"] {
  return { title, items };
}

// The builders: template data above, rendered cards here (the card test validates both).
export const adminHomeCard = (...args: Parameters<typeof adminHomeData>): CardAttachment =>
  cardAttachment("admin-home", adminHomeData(...args));
export const adminEntryCard = (...args: Parameters<typeof adminEntryData>): CardAttachment =>
  cardAttachment("admin-entry", adminEntryData(...args));
export const adminFormCard = (...args: Parameters<typeof adminFormData>): CardAttachment =>
  cardAttachment("admin-form", adminFormData(...args));
export const adminPublishCard = (...args: Parameters<typeof adminPublishData>): CardAttachment =>
  cardAttachment("admin-publish", adminPublishData(...args));
export const adminHistoryCard = (...args: Parameters<typeof adminHistoryData>): CardAttachment =>
  cardAttachment("admin-history", adminHistoryData(...args));
export const adminReviewCard = (...args: Parameters<typeof adminReviewData>): CardAttachment =>
  cardAttachment("admin-review", adminReviewData(...args));
export const adminImportCard = (...args: Parameters<typeof adminImportData>): CardAttachment =>
  cardAttachment("admin-import", adminImportData(...args));
export const adminNoticeCard = (...args: Parameters<typeof adminNoticeData>): CardAttachment =>
  cardAttachment("admin-notice", adminNoticeData(...args));
export const adminAdminsCard = (...args: Parameters<typeof adminAdminsData>): CardAttachment =>
  cardAttachment("admin-admins", adminAdminsData(...args));
export const adminPickCard = (...args: Parameters<typeof adminPickData>): CardAttachment =>
  cardAttachment("admin-pick", adminPickData(...args));
