import type { Meeting } from "../../data/meetings/schema";

// Where a meeting stands at a given moment. "Upcoming" means not yet started; "held" (indicator 2a)
// means it has ended, so a meeting in progress is neither listed as coming nor counted as held.

export type MeetingPhase = "upcoming" | "inProgress" | "ended";

export function meetingEnd(meeting: Pick<Meeting, "start" | "durationMinutes">): string {
  return new Date(Date.parse(meeting.start) + meeting.durationMinutes * 60_000).toISOString();
}

export function meetingPhase(meeting: Pick<Meeting, "start" | "durationMinutes">, now: Date): MeetingPhase {
  const nowIso = now.toISOString();
  if (meeting.start > nowIso) return "upcoming";
  return meetingEnd(meeting) > nowIso ? "inProgress" : "ended";
}

/** Earliest start first; meetings at the same time in the order of their group. */
export function byStart<T extends { start: string; groupName?: string }>(a: T, b: T): number {
  return a.start.localeCompare(b.start) || (a.groupName ?? "").localeCompare(b.groupName ?? "", "sv");
}
