import type { Group, Meeting } from "../../data/meetings/schema";
import type { EvaluationAnswer, EvaluationInvitation, Gender } from "../../data/evaluations/schema";
import {
  GENDER_CATEGORIES,
  ORG_CATEGORIES,
  type Breakdown,
  type Cell,
  type GenderCategory,
  type GroupReport,
  type MeetingRow,
  type Report2b,
} from "../../data/evaluations/report-shape";
import { heldMeetings } from "../meetings/planner";

// The indicator 2b report (with 2a beside it), aggregated in code: the embedded Cosmos server has no
// GROUP BY, and a year of answers is a few hundred small documents.
//
// Disclosure control: a cell with fewer than MIN_CELL answers shows no figures. Because totals are shown,
// one hidden cell among shown siblings could be recovered by subtraction (total minus the others), so
// wherever a total is the sum of its parts (year = meetings, year = genders, year = org types, the same
// within each meeting, a gender over the year = that gender over the meetings, county = groups) a lone
// hidden part forces the smallest shown part of the same sum to be hidden too (secondary suppression).

export const MIN_CELL = 5;
/** Indicator 2a: each VuS group meets at least four times a year. */
const MEETINGS_GOAL = 4;

function genderCategory(g: Gender | undefined): GenderCategory {
  return g === undefined || g === "vill-inte-uppge" ? "ej-angivet" : g;
}

export interface ReportInput {
  year: number;
  groups: Group[];
  meetingsByGroup: Map<string, Meeting[]>;
  answers: EvaluationAnswer[];
  invitations: EvaluationInvitation[];
  now: Date;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share45 = (xs: number[]) => xs.filter((x) => x >= 4).length / xs.length;

function rawCell(answers: EvaluationAnswer[]): Cell {
  if (!answers.length) return { n: 0, suppressed: false };
  const q1 = answers.map((a) => a.q1);
  const q2 = answers.map((a) => a.q2);
  return {
    n: answers.length,
    suppressed: false,
    q1Mean: mean(q1),
    q1Share: share45(q1),
    q2Mean: mean(q2),
    q2Share: share45(q2),
  };
}

function breakdown(answers: EvaluationAnswer[]): Breakdown {
  const gender = Object.fromEntries(
    GENDER_CATEGORIES.map((g) => [g, rawCell(answers.filter((a) => genderCategory(a.gender) === g))]),
  ) as Breakdown["gender"];
  const org = Object.fromEntries(
    ORG_CATEGORIES.map((o) => [o, rawCell(answers.filter((a) => a.orgType === o))]),
  ) as Breakdown["org"];
  return { total: rawCell(answers), gender, org };
}

/** A total and the parts it is the sum of. */
interface SumRelation {
  total: Cell;
  parts: Cell[];
}

function relationsOf(b: Breakdown): SumRelation[] {
  return [
    { total: b.total, parts: Object.values(b.gender) },
    { total: b.total, parts: Object.values(b.org) },
  ];
}

/** Relations between a whole (group-year or county) and its pieces (meetings or groups). */
function nestedRelations(whole: Breakdown, pieces: Breakdown[]): SumRelation[] {
  return [
    ...relationsOf(whole),
    { total: whole.total, parts: pieces.map((p) => p.total) },
    ...GENDER_CATEGORIES.map((g) => ({ total: whole.gender[g], parts: pieces.map((p) => p.gender[g]) })),
    ...ORG_CATEGORIES.map((o) => ({ total: whole.org[o], parts: pieces.map((p) => p.org[o]) })),
  ];
}

function hide(cell: Cell): void {
  cell.suppressed = true;
  delete cell.q1Mean;
  delete cell.q1Share;
  delete cell.q2Mean;
  delete cell.q2Share;
}

/** Primary (< MIN_CELL answers) and secondary suppression, repeated until no sum has a lone hidden part. */
export function suppress(cells: Cell[], relations: SumRelation[]): void {
  for (const c of cells) if (c.n > 0 && c.n < MIN_CELL) hide(c);
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      if (r.total.suppressed) continue;
      const nonEmpty = r.parts.filter((p) => p.n > 0);
      if (nonEmpty.filter((p) => p.suppressed).length !== 1) continue;
      const shown = nonEmpty.filter((p) => !p.suppressed).sort((a, b) => a.n - b.n);
      // Cannot be empty: the total has >= MIN_CELL answers and the hidden part fewer.
      if (shown.length) {
        hide(shown[0]);
        changed = true;
      }
    }
  }
}

const cellsOf = (b: Breakdown): Cell[] => [b.total, ...Object.values(b.gender), ...Object.values(b.org)];
const rate = (answered: number, invited: number) => (invited > 0 ? answered / invited : undefined);

export function buildReport(input: ReportInput): Report2b {
  const groupIds = new Set(input.groups.map((g) => g.id));
  const answers = input.answers.filter((a) => groupIds.has(a.groupId) && a.year === String(input.year));
  const invitations = input.invitations.filter((i) => groupIds.has(i.groupId) && i.year === String(input.year));
  const allCells: Cell[] = [];
  const relations: SumRelation[] = [];

  const groups: GroupReport[] = input.groups.map((group) => {
    const held = heldMeetings(input.meetingsByGroup.get(group.id) ?? [], input.year, input.now);
    const groupAnswers = answers.filter((a) => a.groupId === group.id);
    const groupInvited = invitations.filter((i) => i.groupId === group.id);
    // Every meeting that took place, plus any other meeting of the year that has answers (e.g. one
    // marked not held after its survey had opened), so the meeting rows add up to the group's total.
    const meetingIds = new Set([
      ...held.map((m) => m.id),
      ...groupAnswers.map((a) => a.meetingId),
      ...groupInvited.map((i) => i.meetingId),
    ]);
    const byId = new Map((input.meetingsByGroup.get(group.id) ?? []).map((m) => [m.id, m]));
    const meetings: MeetingRow[] = [...meetingIds]
      .map((id) => {
        const ans = groupAnswers.filter((a) => a.meetingId === id);
        const invited = groupInvited.filter((i) => i.meetingId === id).length;
        return {
          meetingId: id,
          start: byId.get(id)?.start ?? "",
          invited,
          answered: ans.length,
          responseRate: rate(ans.length, invited),
          stats: breakdown(ans),
        };
      })
      .sort((a, b) => a.start.localeCompare(b.start));
    const stats = breakdown(groupAnswers);
    allCells.push(...cellsOf(stats), ...meetings.flatMap((m) => cellsOf(m.stats)));
    relations.push(
      ...nestedRelations(
        stats,
        meetings.map((m) => m.stats),
      ),
      ...meetings.flatMap((m) => relationsOf(m.stats)),
    );
    return {
      groupId: group.id,
      groupName: group.name,
      meetingsHeld: held.length,
      meetingsGoal: MEETINGS_GOAL,
      invited: groupInvited.length,
      answered: groupAnswers.length,
      responseRate: rate(groupAnswers.length, groupInvited.length),
      stats,
      meetings,
    };
  });

  let county: Report2b["county"];
  if (groups.length > 1) {
    const stats = breakdown(answers);
    allCells.push(...cellsOf(stats));
    relations.push(
      ...nestedRelations(
        stats,
        groups.map((g) => g.stats),
      ),
    );
    county = {
      meetingsHeld: groups.reduce((s, g) => s + g.meetingsHeld, 0),
      meetingsGoal: MEETINGS_GOAL * groups.length,
      invited: invitations.length,
      answered: answers.length,
      responseRate: rate(answers.length, invitations.length),
      stats,
    };
  }
  suppress(allCells, relations);
  return { year: input.year, groups, county };
}
