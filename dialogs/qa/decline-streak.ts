import type { QaResult } from "./qa-engine";

// Consecutive declines in one conversation. Two in a row usually mean the person is phrasing the
// question in words the agreement does not use, or asking about something it does not cover; a
// short hint then helps more than a third decline. The bot keeps the count in conversation state.

/** The decline after which the hint is shown; once per streak, so it does not nag. */
export const HINT_AFTER_DECLINES = 2;

export interface StreakStep {
  /** The count to store for the conversation. */
  count: number;
  /** True when this turn should end with the rephrasing hint. */
  hint: boolean;
}

/** Any answer (also a best guess with "Menade du…?") ends the streak; a decline extends it. */
export function nextDeclineStreak(count: number, outcome: QaResult["outcome"]): StreakStep {
  if (outcome !== "decline") return { count: 0, hint: false };
  const next = count + 1;
  return { count: next, hint: next === HINT_AFTER_DECLINES };
}
