import type { Meeting, ScheduledJob } from "../../data/meetings/schema";
import { jobId } from "../../data/meetings/job-store";
import { inZone, toIso } from "../../core/time";

// The scheduling rules: which jobs a meeting gets and when they are due. Pure functions of the meeting,
// the settings and "now", tested with fixed instants across daylight-saving changes.

export interface ScheduleSettings {
  /** "7d", "1d", "2h", "30m" */
  reminderOffsets: string[];
  /** "HH:MM" local time on the day before the meeting. */
  representationCheckTime: string;
  /** Jobs of other features for a planned or moved meeting (the evaluation survey and its reminder). */
  extraJobs?: (meeting: Meeting, now: Date) => ScheduledJob[];
}

/**
 * When a reminder with this offset is due. Days are calendar days in Stockholm (a "1d" reminder for a
 * Monday 09:00 meeting comes Sunday 09:00 even when the clocks change in between); hours and minutes
 * are exact durations.
 */
export function reminderDue(startIso: string, offset: string): string {
  const n = Number(offset.slice(0, -1));
  const unit = offset.slice(-1);
  const start = inZone(startIso);
  const due =
    unit === "d" ? start.minus({ days: n }) : unit === "h" ? start.minus({ hours: n }) : start.minus({ minutes: n });
  return toIso(due);
}

/** The representation check: the day before the meeting at the configured local time. */
export function representationCheckDue(startIso: string, time: string): string {
  const [hour, minute] = time.split(":").map(Number);
  return toIso(inZone(startIso).minus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 }));
}

function job(
  meeting: Meeting,
  kind: ScheduledJob["kind"],
  key: string,
  dueAt: string,
  notAfter: string,
  nowIso: string,
): ScheduledJob {
  const id = jobId(meeting, kind, key);
  return {
    id,
    jobId: id,
    type: "job",
    kind,
    groupId: meeting.groupId,
    meetingId: meeting.id,
    meetingRevision: meeting.revision,
    key,
    dueAt,
    notAfter,
    status: "pending",
    runs: 0,
    createdAt: nowIso,
  };
}

/**
 * Jobs for a planned (or just moved) meeting. Reminders whose time has already passed when the meeting
 * is planned are left out (a meeting planned three days ahead gets no "7 days before" reminder); a
 * reminder that was scheduled and then missed while the bot was down is still sent late, by the scheduler.
 * The representation check is kept even when planned late, as long as the meeting is ahead.
 */
export function jobsForMeeting(meeting: Meeting, settings: ScheduleSettings, now: Date): ScheduledJob[] {
  const nowIso = now.toISOString();
  if (meeting.status !== "planned" || meeting.start <= nowIso) return [];
  const jobs: ScheduledJob[] = [];
  for (const offset of settings.reminderOffsets) {
    const due = reminderDue(meeting.start, offset);
    if (due > nowIso) jobs.push(job(meeting, "reminder", offset, due, meeting.start, nowIso));
  }
  const check = representationCheckDue(meeting.start, settings.representationCheckTime);
  if (check < meeting.start)
    jobs.push(
      job(meeting, "representationCheck", "day-before", check > nowIso ? check : nowIso, meeting.start, nowIso),
    );
  jobs.push(...(settings.extraJobs?.(meeting, now) ?? []));
  return jobs;
}

/** An update card for members after a move or cancellation, due at once. */
export function updateJob(
  meeting: Meeting,
  reason: "moved" | "cancelled",
  now: Date,
  previousStart: string,
): ScheduledJob | undefined {
  const nowIso = now.toISOString();
  const notAfter = reason === "moved" ? meeting.start : previousStart;
  if (notAfter <= nowIso) return undefined;
  return job(meeting, "meetingUpdate", reason, nowIso, notAfter, nowIso);
}
