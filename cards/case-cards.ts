import { casesText, evaluationsText } from "../core/strings";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";

// Cards of samverkansärenden and the yearly follow-up. They take plain view data prepared by
// dialogs/cases; every string comes from core/strings/cases.ts.

const t = casesText;
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, title]) => ({ value, title }));

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
): CardDataMap["case-form"] {
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

/** What a viewer may see of a case, with the outcome of their last action. */
export type CaseView = Pick<
  CardDataMap["case"],
  "groupId" | "caseId" | "revision" | "title" | "facts" | "description" | "decisionFacts" | "regionalFacts"
> &
  Pick<CardDataMap["case"], "canDecide" | "canRecord"> & {
    notice?: string;
    noticeKind?: "good" | "warning";
    /** What the inputs show after a refused submission. */
    values?: Partial<CardDataMap["case"]["values"]>;
  };

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

export function caseData(v: CaseView): CardDataMap["case"] {
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

export type ListedCase = CardDataMap["case-list"]["items"][number];

export function caseListCard(items: ListedCase[]): CardAttachment {
  return cardAttachment("case-list", caseListData(items));
}

export function caseListData(items: ListedCase[]): CardDataMap["case-list"] {
  return { title: t.list.title, none: t.list.none, items, openTitle: t.card.open, newTitle: t.form.title };
}

/** The yearly follow-up's figures and links, prepared by dialogs/cases. */
export type FollowupView = Pick<
  CardDataMap["followup"],
  | "title"
  | "scope"
  | "held"
  | "i2bScope"
  | "satisfaction"
  | "cases"
  | "casesSummary"
  | "byKind"
  | "charts"
  | "csv"
  | "note"
>;

export function followupCard(v: FollowupView): CardAttachment {
  return cardAttachment("followup", followupData(v));
}

export function followupData(v: FollowupView): CardDataMap["followup"] {
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
