import { DateTime } from "luxon";
import { ZONE } from "../../core/time";
import type { Meeting } from "../../data/meetings/schema";

// When a meeting's evaluation is open. Pure functions of the meeting and the settings.

export interface SurveySettings {
  /** After the meeting's end (EVALUATION_DELAY_MINUTES). */
  delayMinutes: number;
  /** How long the survey stays open (EVALUATION_OPEN_DAYS). */
  openDays: number;
}

export interface SurveyWindow {
  opensAt: string;
  /** Halfway: the one reminder to those who have not answered. */
  remindAt: string;
  closesAt: string;
}

const iso = (dt: DateTime) => dt.toUTC().toISO()!;

/** A deadline people read: "kl. 09:00", not "kl. 08:46" (a meeting may start at any minute). */
function upToFullHour(dt: DateTime): DateTime {
  const whole = dt.startOf("hour");
  return whole.equals(dt) ? dt : whole.plus({ hours: 1 });
}

/**
 * Opens a fixed delay after the meeting's end; closes after whole calendar days in Stockholm (so a
 * survey opened at 15:00 closes at 15:00 also across a daylight-saving change), rounded up to a full
 * hour. The reminder is the midpoint.
 */
export function surveyWindow(
  meeting: Pick<Meeting, "start" | "durationMinutes">,
  settings: SurveySettings,
): SurveyWindow {
  const opens = DateTime.fromISO(meeting.start, { zone: ZONE }).plus({
    minutes: meeting.durationMinutes + settings.delayMinutes,
  });
  const closes = upToFullHour(opens.plus({ days: settings.openDays }));
  const remind = DateTime.fromMillis((opens.toMillis() + closes.toMillis()) / 2, { zone: ZONE });
  return { opensAt: iso(opens), remindAt: iso(remind), closesAt: iso(closes) };
}

export type SurveyState = "notHeld" | "notOpen" | "open" | "closed";

export function surveyState(
  meeting: Pick<Meeting, "start" | "durationMinutes" | "status">,
  settings: SurveySettings,
  now: Date,
): SurveyState {
  if (meeting.status !== "planned") return "notHeld";
  const w = surveyWindow(meeting, settings);
  const at = now.toISOString();
  if (at < w.opensAt) return "notOpen";
  return at < w.closesAt ? "open" : "closed";
}

/** The partition key value of a meeting's evaluation documents: its year in Stockholm. */
export function evaluationYear(meeting: Pick<Meeting, "start">): string {
  return String(DateTime.fromISO(meeting.start, { zone: ZONE }).year);
}

/**
 * The time stored with an answer: the start of its day in Stockholm. A precise time would let anyone
 * who can read the store match an answer to other timestamped traces of the person (the bot's reply in
 * Teams, sign-in logs); the day still orders changes made on different days, and changes within a day
 * are ordered by the store's concurrency control (last writer wins).
 */
export function submissionDay(now: Date): string {
  return iso(DateTime.fromJSDate(now, { zone: ZONE }).startOf("day"));
}
