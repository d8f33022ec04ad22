import { DateTime } from "luxon";
import type { Group } from "../../data/meetings/schema";
import { CaseKind, type Case } from "../../data/cases/schema";

// Indicator 3a figures for the yearly follow-up: cases raised per county part and kind, the share
// lifted to the regional level, the share with a decision, and the median days from raising to the
// VuS group's decision. Counted in code (no GROUP BY in the embedded store). Descriptions are never read.

export const CASE_KINDS = CaseKind.options;

export interface CaseFigures {
  raised: number;
  byKind: Record<CaseKind, number>;
  lifted: number;
  decided: number;
  /** lifted / raised; absent when nothing was raised. */
  shareLifted?: number;
  /** decided / raised. */
  shareDecided?: number;
  /** Calendar days (Stockholm) from raised to decided; absent when nothing was decided. */
  medianDaysToDecision?: number;
}

export interface GroupCaseFigures extends CaseFigures {
  groupId: string;
  groupName: string;
}

export interface Indicator3a {
  year: number;
  groups: GroupCaseFigures[];
  total: CaseFigures;
}

const ZONE = "Europe/Stockholm";

/** Whole calendar days between two instants, counted on Stockholm dates. */
export function calendarDays(fromIso: string, toIso: string): number {
  const from = DateTime.fromISO(fromIso, { zone: ZONE }).startOf("day");
  const to = DateTime.fromISO(toIso, { zone: ZONE }).startOf("day");
  return Math.round(to.diff(from, "days").days);
}

export function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function figures(cases: Case[]): CaseFigures {
  const byKind = Object.fromEntries(CASE_KINDS.map((k) => [k, cases.filter((c) => c.kind === k).length])) as Record<
    CaseKind,
    number
  >;
  const decided = cases.filter((c) => c.decision);
  const lifted = cases.filter((c) => c.decision?.decision === "lifted").length;
  const raised = cases.length;
  return {
    raised,
    byKind,
    lifted,
    decided: decided.length,
    shareLifted: raised ? lifted / raised : undefined,
    shareDecided: raised ? decided.length / raised : undefined,
    medianDaysToDecision: median(decided.map((c) => calendarDays(c.raisedAt, c.decision!.at))),
  };
}

export function buildIndicator3a(year: number, groups: Group[], cases: Case[]): Indicator3a {
  const ids = new Set(groups.map((g) => g.id));
  const ofYear = cases.filter((c) => c.year === String(year) && ids.has(c.groupId));
  return {
    year,
    groups: groups.map((g) => ({
      groupId: g.id,
      groupName: g.name,
      ...figures(ofYear.filter((c) => c.groupId === g.id)),
    })),
    total: figures(ofYear),
  };
}
