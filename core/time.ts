import { DateTime } from "luxon";
import { meetingsText } from "./strings";

// All meeting times are wall-clock times in Stockholm; instants are stored in UTC.
export const ZONE = "Europe/Stockholm";

export type LocalTimeProblem = "format" | "nonexistent";

/**
 * Turns a local date and time ("2027-03-10", "09:00") into an instant. Times inside the spring-forward
 * gap do not exist and are refused rather than silently shifted.
 */
export function localToUtc(
  date: string,
  time: string,
): { ok: true; at: DateTime } | { ok: false; problem: LocalTimeProblem } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{1,2}[:.]\d{2}$/.test(time)) return { ok: false, problem: "format" };
  const [h, m] = time.split(/[:.]/).map(Number);
  const at = DateTime.fromISO(date, { zone: ZONE }).set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (!at.isValid || h > 23 || m > 59) return { ok: false, problem: "format" };
  if (at.hour !== h || at.minute !== m) return { ok: false, problem: "nonexistent" };
  return { ok: true, at };
}

export function inZone(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: "utc" }).setZone(ZONE);
}

export function toIso(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true })!.replace("+00:00", "Z");
}

/** "måndag 29 mars 2027" */
function swedishDate(iso: string): string {
  return inZone(iso).setLocale("sv").toFormat("cccc d LLLL yyyy");
}

/** "09:00" */
export function swedishTime(iso: string): string {
  return inZone(iso).toFormat("HH:mm");
}

/** "24 mars 2027 kl. 15:00" */
export function swedishDeadline(iso: string): string {
  const at = inZone(iso).setLocale("sv");
  return meetingsText.time.at(at.toFormat("d LLLL yyyy"), at.toFormat("HH:mm"));
}

/** "måndag 29 mars 2027 kl. 09:00–11:00" */
export function swedishSpan(startIso: string, durationMinutes: number): string {
  const end = inZone(startIso).plus({ minutes: durationMinutes });
  return meetingsText.time.span(swedishDate(startIso), swedishTime(startIso), end.toFormat("HH:mm"));
}

export function localDateInput(iso: string): string {
  return inZone(iso).toFormat("yyyy-MM-dd");
}

/**
 * How long until a meeting starts, as a reminder offset ("7d", "3h", "20m") for
 * meetingsText.reminder.inDays: whole calendar days in Stockholm while the meeting is on a later
 * day, hours or minutes on the day itself; undefined once it has started. A card updated days after
 * its reminder was sent must not repeat the reminder's "om 7 dagar".
 */
export function offsetUntil(startIso: string, now: Date): string | undefined {
  const start = inZone(startIso);
  const at = DateTime.fromJSDate(now).setZone(ZONE);
  const minutes = Math.ceil(start.diff(at, "minutes").minutes);
  if (minutes <= 0) return undefined;
  const days = Math.round(start.startOf("day").diff(at.startOf("day"), "days").days);
  if (days >= 1) return `${days}d`;
  if (minutes < 60) return `${minutes}m`;
  return `${Math.round(minutes / 60)}h`;
}
