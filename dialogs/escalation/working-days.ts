import type HolidaysType from "date-holidays";
import { DateTime } from "luxon";

// Working days in Sweden: Monday to Friday, except public holidays and the eves that are days off in
// practice (julafton, nyårsafton, midsommarafton; "bank" days in date-holidays). Dates in Europe/Stockholm.

const ZONE = "Europe/Stockholm";
const REMINDER_HOUR = 9;
/** date-holidays and its rule tables take ~0.3 s to load: loaded at the first working-day question, not at start. */
let holidays: HolidaysType | undefined;
function swedishHolidays(): HolidaysType {
  if (!holidays) {
    // The package's main export is the class itself (CommonJS).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Holidays = require("date-holidays") as typeof HolidaysType;
    holidays = new Holidays("SE");
  }
  return holidays;
}

/** date-holidays computes a year's rules on each call; the answer per date never changes. */
const known = new Map<string, boolean>();

export function isWorkingDay(day: DateTime): boolean {
  if (day.weekday > 5) return false;
  const key = day.toISODate()!;
  let working = known.get(key);
  if (working === undefined) {
    const found = swedishHolidays().isHoliday(day.set({ hour: 12 }).toJSDate());
    working = !(found && found.some((h) => h.type === "public" || h.type === "bank"));
    known.set(key, working);
  }
  return working;
}

/**
 * When a question asked at `asked` is reminded: 09:00 Stockholm time on the first working day after
 * `days` full working days have passed (asked on a Monday with days = 2: Thursday 09:00).
 */
export function reminderDue(asked: Date, days: number): Date {
  let day = DateTime.fromJSDate(asked, { zone: ZONE }).startOf("day");
  let passed = 0;
  while (passed < days) {
    day = day.plus({ days: 1 });
    if (isWorkingDay(day)) passed++;
  }
  do day = day.plus({ days: 1 });
  while (!isWorkingDay(day));
  return day.set({ hour: REMINDER_HOUR }).toJSDate();
}

/** Full working days between the day asked and today (0 on the day itself and the next). */
export function workingDaysSince(asked: Date, now: Date): number {
  let day = DateTime.fromJSDate(asked, { zone: ZONE }).startOf("day").plus({ days: 1 });
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf("day");
  let n = 0;
  for (; day < today; day = day.plus({ days: 1 })) if (isWorkingDay(day)) n++;
  return n;
}

/** "5 dec. 2026 kl. 09:12" in Stockholm time. */
export function swedishDateTime(at: string): string {
  return DateTime.fromISO(at, { zone: ZONE }).setLocale("sv").toFormat("d LLL yyyy 'kl.' HH:mm");
}
