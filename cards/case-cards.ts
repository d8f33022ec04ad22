import { casesText, evaluationsText } from "../core/strings";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";

// Cards of samverkansärenden and the yearly follow-up. They take plain view data prepared by
// dialogs/cases; every string comes from core/strings/cases.ts.

const t = casesText;
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, title]) => ({ value, title }));

export interface Fact {
  title: string;
  value: string;
}

export interface CaseFormValues {
  groupId?: string;
  kind?: string;
  description?: string;
  parties?: string;
  managersTried?: string;
}

export function caseFormCard(
  groups: { id: string; name: string }[],
  values: CaseFormValues = {},
  opts: { notice?: string; proceed?: boolean } = {},
): CardAttachment {
  return cardAttachment("case-form", caseFormData(groups, values, opts));
}

export function caseFormData(
  groups: { id: string; name: string }[],
  values: CaseFormValues = {},
  opts: { notice?: string; proceed?: boolean } = {},
) {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    ...t.form,
    notice: opts.notice ?? "",
    groups: groups.map((g) => ({ value: g.id, title: g.name })),
    kinds: choices(t.kindLabels),
    groupId: str(values.groupId),
    kind: str(values.kind),
    description: str(values.description).slice(0, 2000),
    parties: str(values.parties).slice(0, 300),
    managersTried: str(values.managersTried),
    proceed: opts.proceed ? "true" : "false",
    submitTitle: opts.proceed ? t.form.submitAnyway : t.form.submit,
  };
}

export interface CaseView {
  groupId: string;
  caseId: string;
  revision: number;
  title: string;
  facts: Fact[];
  description: string;
  decisionFacts: Fact[];
  regionalFacts: Fact[];
  /** The viewer may record the VuS group's decision (coordinator of the group or admin, case open). */
  canDecide: boolean;
  /** The viewer may record the regional outcome (admin, case lifted without outcome). */
  canRecord: boolean;
  notice?: string;
  noticeKind?: "good" | "warning";
  /** What the inputs show after a refused submission. */
  values?: { decision?: string; decisionText?: string; forum?: string; outcome?: string };
}

/** The case as its viewer may see it; the card refreshes itself (Action.Execute) so every viewer sees the current state. */
export function caseCard(v: CaseView): CardAttachment {
  const card = cardAttachment("case", caseData(v));
  card.content.refresh = {
    action: {
      type: "Action.Execute",
      verb: "cases.refresh",
      data: { action: "cases.refresh", groupId: v.groupId, caseId: v.caseId },
    },
  };
  return card;
}

export function caseData(v: CaseView) {
  return {
    ...v,
    notice: v.notice ?? "",
    noticeColor: v.noticeKind === "good" ? "Good" : "Warning",
    descriptionTitle: t.card.descriptionTitle,
    decisionTitle: t.card.decisionTitle,
    regionalTitle: t.card.regionalTitle,
    labels: { ...t.card, required: t.form.required },
    decisions: choices(t.decisionLabels),
    forums: choices(t.forumLabels),
    values: {
      decision: v.values?.decision ?? "",
      decisionText: v.values?.decisionText ?? "",
      forum: v.values?.forum ?? "",
      outcome: v.values?.outcome ?? "",
    },
  };
}

export interface ListedCase {
  groupId: string;
  caseId: string;
  heading: string;
  line: string;
}

export function caseListCard(items: ListedCase[]): CardAttachment {
  return cardAttachment("case-list", caseListData(items));
}

export function caseListData(items: ListedCase[]) {
  return { title: t.list.title, none: t.list.none, items, openTitle: t.card.open, newTitle: t.form.title };
}

export interface FollowupView {
  title: string;
  scope: string;
  held: Fact[];
  i2bScope: string;
  satisfaction: { label: string; n: string; q1: string; q2: string }[];
  cases: { part: string; raised: string; lifted: string; decided: string }[];
  casesSummary: Fact[];
  byKind: Fact[];
  charts: { c2a: string; c2b: string; c3a: string };
  csv: { c2a: string; c2b: string; c3a: string };
  note: string;
}

export function followupCard(v: FollowupView): CardAttachment {
  return cardAttachment("followup", followupData(v));
}

export function followupData(v: FollowupView) {
  const f = t.followup;
  return {
    ...v,
    i2aTitle: f.i2aTitle,
    i2aText: f.i2aText,
    i2bTitle: f.i2bTitle,
    i2bText: f.i2bText,
    i3aTitle: f.i3aTitle,
    i3aText: f.i3aText,
    byKindTitle: f.byKind,
    head: {
      category: f.category,
      answers: f.answers,
      q1: evaluationsText.statementShort.q1,
      q2: evaluationsText.statementShort.q2,
      part: f.part,
      raised: f.raised,
      lifted: f.lifted,
      decided: f.decided,
    },
    alt: { c2a: f.chartAlt["2a"], c2b: f.chartAlt["2b"], c3a: f.chartAlt["3a"] },
    csvTitles: { c2a: f.csv["2a"], c2b: f.csv["2b"], c3a: f.csv["3a"] },
  };
}

/** Replaces a pressed case button's card when there is no case to show (not found, not allowed, tampered). */
export function caseNoticeCard(message: string): CardAttachment {
  return cardAttachment("notice", { title: t.list.title, message });
}
