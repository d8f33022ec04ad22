import type { OrgType } from "./schema";

// The shape of the indicator 2b report (dialogs/evaluations/report.ts builds it; the report card and
// the CSV show it). Reports are computed, never stored.

/** Gender as reported: "vill inte uppge" and no answer are one category, "ej angivet". */
export const GENDER_CATEGORIES = ["kvinna", "man", "annan", "ej-angivet"] as const;
export type GenderCategory = (typeof GENDER_CATEGORIES)[number];
export const ORG_CATEGORIES = ["kommun", "region", "annan"] as const satisfies readonly OrgType[];

/** Figures for one set of answers. Means and shares are absent when there are no answers or the cell is hidden. */
export interface Cell {
  n: number;
  suppressed: boolean;
  q1Mean?: number;
  /** Share (0–1) answering 4 or 5. */
  q1Share?: number;
  q2Mean?: number;
  q2Share?: number;
}

export interface Breakdown {
  total: Cell;
  gender: Record<GenderCategory, Cell>;
  org: Record<(typeof ORG_CATEGORIES)[number], Cell>;
}

export interface MeetingRow {
  meetingId: string;
  start: string;
  invited: number;
  answered: number;
  /** answered / invited; absent when nobody was invited. */
  responseRate?: number;
  stats: Breakdown;
}

export interface GroupReport {
  groupId: string;
  groupName: string;
  /** Indicator 2a: meetings of the year that took place (not cancelled or marked not held) up to now. */
  meetingsHeld: number;
  meetingsGoal: number;
  invited: number;
  answered: number;
  responseRate?: number;
  stats: Breakdown;
  meetings: MeetingRow[];
}

export interface Report2b {
  year: number;
  groups: GroupReport[];
  /** The county as a whole; only when the report covers more than one group. */
  county?: Omit<GroupReport, "groupId" | "groupName" | "meetings">;
}
