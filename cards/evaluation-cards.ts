import { escapeMarkdown as plain } from "../core/markdown";
import { evaluationsText } from "../core/strings";
import type { Group, Meeting } from "../data/meetings/schema";
import type { EvaluationAnswer } from "../data/evaluations/schema";
import { GENDER_CATEGORIES, ORG_CATEGORIES, type Cell, type Report2b } from "../data/evaluations/report-shape";
import { inZone, swedishDeadline } from "../core/time";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";

const t = evaluationsText;

/** "tisdagen den 10 mars 2026": reads naturally after "mötet" (every Swedish weekday takes -en). */
const meetingDay = (iso: string) => inZone(iso).setLocale("sv").toFormat("cccc'en den' d LLLL yyyy");

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, title]) => ({ value, title }));
const scale = Object.entries(t.scaleLabels).map(([value, label]) => ({ value, title: `${value} – ${label}` }));

/** What the form shows in its inputs: the stored answer, or what the user sent when it was refused. */
export interface FormValues {
  q1?: string | number;
  q2?: string | number;
  comment?: string;
  orgType?: string;
  gender?: string;
}

export interface EvaluationFormOptions {
  group: Pick<Group, "name">;
  meeting: Pick<Meeting, "id" | "groupId" | "start">;
  closesAt: string;
  values?: FormValues;
  error?: string;
  reminder?: boolean;
  editing?: boolean;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

export function evaluationFormCard(o: EvaluationFormOptions): CardAttachment {
  return cardAttachment("evaluation", evaluationFormData(o));
}

export function evaluationFormData(o: EvaluationFormOptions): CardDataMap["evaluation"] {
  const v = o.values ?? {};
  return {
    ...t.card,
    title: t.card.title(o.group.name),
    intro: t.card.intro(meetingDay(o.meeting.start), swedishDeadline(o.closesAt)),
    reminder: o.reminder ? t.invite.reminderIntro : "",
    error: o.error ?? "",
    q1Text: t.statements.q1,
    q2Text: t.statements.q2,
    scale,
    orgTypes: choices(t.orgTypeLabels),
    genders: choices(t.genderLabels),
    q1: str(v.q1),
    q2: str(v.q2),
    comment: str(v.comment).slice(0, 1000),
    orgType: str(v.orgType),
    gender: str(v.gender),
    submitTitle: o.editing ? t.card.update : t.card.submit,
    groupId: o.meeting.groupId,
    meetingId: o.meeting.id,
  };
}

export interface ThanksOptions {
  group: Pick<Group, "name">;
  meeting: Pick<Meeting, "id" | "groupId" | "start">;
  answer: Pick<EvaluationAnswer, "q1" | "q2" | "comment" | "orgType" | "gender">;
  closesAt: string;
  open: boolean;
  changed: boolean;
}

const scoreText = (s: number) => `${s} – ${t.scaleLabels[String(s) as keyof typeof t.scaleLabels]}`;

export function thanksCard(o: ThanksOptions): CardAttachment {
  return cardAttachment("evaluation-thanks", thanksData(o));
}

export function thanksData(o: ThanksOptions): CardDataMap["evaluation-thanks"] {
  return {
    title: o.changed ? t.thanks.changedTitle : t.thanks.title,
    intro: t.thanks.intro(o.group.name, meetingDay(o.meeting.start)),
    facts: [
      { title: t.statementShort.q1, value: scoreText(o.answer.q1) },
      { title: t.statementShort.q2, value: scoreText(o.answer.q2) },
      { title: t.thanks.orgType, value: t.orgTypeLabels[o.answer.orgType] },
      { title: t.thanks.gender, value: o.answer.gender ? t.genderLabels[o.answer.gender] : t.thanks.genderNotGiven },
    ],
    commentTitle: t.thanks.comment,
    comment: plain(o.answer.comment ?? ""),
    status: o.open ? t.thanks.canChange(swedishDeadline(o.closesAt)) : t.thanks.closed,
    open: o.open,
    changeTitle: t.thanks.change,
    groupId: o.meeting.groupId,
    meetingId: o.meeting.id,
  };
}

// --- report -------------------------------------------------------------------------------------

const SUPPRESSED = "–";
const pct = (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x * 100)} %`);
const figure = (mean: number | undefined, share: number | undefined) =>
  mean === undefined ? "" : `${mean.toFixed(1).replace(".", ",")} (${pct(share)})`;

function cellRow(label: string, c: Cell) {
  if (c.suppressed) return { label, n: SUPPRESSED, q1: SUPPRESSED, q2: SUPPRESSED };
  return { label, n: String(c.n), q1: figure(c.q1Mean, c.q1Share), q2: figure(c.q2Mean, c.q2Share) };
}

function statRows(b: Report2b["groups"][number]["stats"]) {
  return [
    cellRow(t.report.all, b.total),
    ...GENDER_CATEGORIES.map((g) => cellRow(t.genderCategoryLabels[g], b.gender[g])),
    ...ORG_CATEGORIES.map((o) => cellRow(t.orgTypeLabels[o], b.org[o])),
  ].filter((r, i) => i === 0 || r.n !== "0");
}

function facts(x: {
  meetingsHeld: number;
  meetingsGoal: number;
  invited: number;
  answered: number;
  responseRate?: number;
}) {
  return [
    { title: t.report.meetingsHeld, value: t.report.held(x.meetingsHeld, x.meetingsGoal) },
    { title: t.report.invited, value: String(x.invited) },
    { title: t.report.answered, value: String(x.answered) },
    { title: t.report.responseRate, value: pct(x.responseRate) },
  ];
}

export interface ReportCardOptions {
  downloadUrl?: string;
  /** The comments file's link: given to admins only. */
  commentsUrl?: string;
  linkMinutes: number;
}

export function report2bCard(report: Report2b, o: ReportCardOptions): CardAttachment {
  return cardAttachment("report-2b", report2bData(report, o));
}

export function report2bData(report: Report2b, o: ReportCardOptions): CardDataMap["report-2b"] {
  const sections = report.groups.map((g) => ({
    name: `VuS ${g.groupName}`,
    facts: facts(g),
    rows: statRows(g.stats),
    meetings: g.meetings.map((m) => {
      const r = cellRow("", m.stats.total);
      return {
        date: m.start ? inZone(m.start).setLocale("sv").toFormat("d LLL") : "?",
        answered: `${m.answered}/${m.invited}`,
        q1: r.q1,
        q2: r.q2,
      };
    }),
  }));
  if (report.county)
    sections.push({
      name: t.report.county,
      facts: facts(report.county),
      rows: statRows(report.county.stats),
      meetings: [],
    });
  return {
    title: t.report.title(report.year),
    indicator2b: t.report.indicator2b,
    indicator2a: t.report.indicator2a,
    head: {
      category: t.report.category,
      n: t.report.answered,
      q1: t.statementShort.q1,
      q2: t.statementShort.q2,
      meeting: t.report.meeting,
      answeredOfInvited: `${t.report.answered}/${t.report.invited.toLowerCase()}`,
    },
    meetingsTitle: t.report.meetingsTitle,
    sections,
    legend: t.report.legend,
    downloadNote: o.downloadUrl ? t.report.downloadHint(o.linkMinutes) : t.report.noDownload,
    downloadUrl: o.downloadUrl ?? "",
    downloadTitle: t.report.download,
    commentsNote: o.commentsUrl ? t.report.commentsHint(o.linkMinutes) : "",
    commentsUrl: o.commentsUrl ?? "",
    commentsTitle: t.report.downloadComments,
  };
}

/** Replaces an evaluation card when the answer cannot be taken at all (closed, not a member, unknown meeting). */
export function noticeCard(message: string): CardAttachment {
  return cardAttachment("evaluation-notice", noticeData(message));
}

export function noticeData(message: string): CardDataMap["evaluation-notice"] {
  return { title: t.noticeTitle, message };
}
