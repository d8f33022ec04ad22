import { z } from "zod";

// Declines that follow each other closely in one conversation. Two in a row usually mean the
// person is phrasing the question in words the agreement does not use, or asking about something it
// does not cover; a short hint then helps more than a third decline. Only declines touch the
// count, so answering a question reads and writes nothing in Cosmos: "in a row" is therefore
// "within STREAK_WINDOW_MS of the previous decline", not "with no answer in between".

/** The decline after which the hint is shown; once per streak, so it does not nag. */
export const HINT_AFTER_DECLINES = 2;
/** Declines further apart than this start a new streak. */
export const STREAK_WINDOW_MS = 10 * 60_000;

/** What the conversation state keeps (validated when read back). */
export const DeclineStreak = z.object({ count: z.number().int().min(0), lastAt: z.string().datetime() });
export type DeclineStreak = z.infer<typeof DeclineStreak>;

export interface StreakStep {
  /** The streak to store for the conversation. */
  streak: DeclineStreak;
  /** True when this decline should end with the rephrasing hint. */
  hint: boolean;
}

/** The streak after one more decline at `now`. */
export function nextDeclineStreak(previous: DeclineStreak | undefined, now: Date): StreakStep {
  const continues = previous !== undefined && now.getTime() - Date.parse(previous.lastAt) <= STREAK_WINDOW_MS;
  const count = continues ? previous.count + 1 : 1;
  return { streak: { count, lastAt: now.toISOString() }, hint: count === HINT_AFTER_DECLINES };
}
