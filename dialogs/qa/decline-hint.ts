import type { Logger } from "../../core/logger";
import { qaText } from "../../core/strings";
import type { ConversationMemory, Reply } from "../../core/types";
import { DeclineStreak, nextDeclineStreak } from "./decline-streak";

const KEY = "declineStreak";

/**
 * Counts a decline in the conversation's streak and returns the short rephrasing hint when it is due.
 * Only a decline reads or writes the state: answers stay free of Cosmos round trips.
 */
export async function declineHint(
  memory: ConversationMemory | undefined,
  now: Date,
  logger?: Logger,
): Promise<Reply[]> {
  if (!memory) return [];
  try {
    const stored = DeclineStreak.safeParse(await memory.get(KEY));
    const step = nextDeclineStreak(stored.success ? stored.data : undefined, now);
    await memory.set(KEY, step.streak);
    return step.hint ? [{ text: qaText.declineHint }] : [];
  } catch (err) {
    // The answer matters more than the hint: send it even when the state store fails.
    logger?.warn({ err }, "could not update the decline streak");
    return [];
  }
}
