import { DateTime } from "luxon";
import { escapeMarkdown as plain } from "../../core/markdown";
import { casesText } from "../../core/strings";
import type { Case } from "../../data/cases/schema";
import type { CaseView, ListedCase } from "../../cards/case-cards";

// What each viewer sees of a case. Only people allowed to see it get a view at all (case-access.ts);
// within it, the buttons depend on the role and the case's state.

const t = casesText;

/** How the viewer relates to the case: several can hold at once (a coordinator who raised a case). */
export interface ViewerRole {
  reporter: boolean;
  coordinator: boolean;
  admin: boolean;
}

export const canSee = (r: ViewerRole) => r.reporter || r.coordinator || r.admin;

const day = (iso: string) =>
  DateTime.fromISO(iso, { zone: "Europe/Stockholm" }).setLocale("sv").toFormat("d LLLL yyyy");

export function caseView(c: Case, groupName: string, role: ViewerRole): CaseView {
  const facts = [
    { title: t.card.group, value: groupName },
    { title: t.card.kind, value: t.kindLabels[c.kind] },
    { title: t.card.raised, value: day(c.raisedAt) },
    { title: t.card.reporter, value: plain(c.reporter.name) || "–" },
    { title: t.card.parties, value: plain(c.parties) },
    { title: t.card.managersTried, value: c.managersTried ? t.card.yes : t.card.no },
    { title: t.card.status, value: statusText(c) },
  ];
  const decisionFacts = c.decision
    ? [
        { title: t.card.decisionLabel, value: t.decisionLabels[c.decision.decision] },
        ...(c.decision.text ? [{ title: t.card.decisionText, value: plain(c.decision.text) }] : []),
        { title: t.card.by, value: t.card.decidedBy(plain(c.decision.byName), day(c.decision.at)) },
      ]
    : [];
  const regionalFacts = c.regional
    ? [
        { title: t.card.forum, value: t.forumLabels[c.regional.forum] },
        { title: t.card.outcome, value: plain(c.regional.outcome) },
        { title: t.card.by, value: t.card.decidedBy(plain(c.regional.byName), day(c.regional.at)) },
      ]
    : [];
  return {
    groupId: c.groupId,
    caseId: c.id,
    revision: c.revision,
    title: t.card.title(c.id, groupName),
    facts,
    description: plain(c.description),
    decisionFacts,
    regionalFacts,
    canDecide: c.status === "open" && (role.coordinator || role.admin),
    canRecord: c.status === "lifted" && !c.regional && role.admin,
  };
}

export function statusText(c: Case): string {
  if (c.status === "lifted" && c.regional) return `${t.statusLabels.lifted} · ${t.forumLabels[c.regional.forum]}`;
  return t.statusLabels[c.status];
}

export function listedCase(c: Case, groupName: string): ListedCase {
  return {
    groupId: c.groupId,
    caseId: c.id,
    heading: `${t.ref(c.id)} · VuS ${groupName}`,
    line: `${t.kindLabels[c.kind]} · ${statusText(c)} · ${day(c.raisedAt)}`,
  };
}

/** The agenda line on a meeting reminder: reference, kind and parties, never the description. */
export function agendaLine(c: Case): string {
  return t.agenda.item(c.id, t.kindLabels[c.kind], c.parties);
}
