import type { ConversationState, StatePropertyAccessor, TurnContext } from "botbuilder";
import type { Logger } from "../../core/logger";
import { qaText } from "../../core/strings";
import { DeclineStreak, nextDeclineStreak } from "./decline-streak";
import type { Reply } from "../../core/types";

/**
 * Keeps the streak of declines in the conversation's bot state (Cosmos, through botbuilder
 * Storage) and adds a short hint after the second decline in a row. Only a decline reads or writes
 * the state: answers stay free of Cosmos round trips.
 */
export class DeclineHint {
  private readonly streak: StatePropertyAccessor<unknown>;

  constructor(
    private readonly state: ConversationState,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.streak = state.createProperty<unknown>("declineStreak");
  }

  /** The replies of a turn, with the hint appended when it is due. */
  async after(context: TurnContext, replies: Reply[]): Promise<Reply[]> {
    if (!replies.some((r) => r.qaOutcome === "decline")) return replies;
    try {
      const stored = DeclineStreak.safeParse(await this.streak.get(context));
      const step = nextDeclineStreak(stored.success ? stored.data : undefined, this.now());
      await this.streak.set(context, step.streak);
      await this.state.saveChanges(context);
      return step.hint ? [...replies, { text: qaText.declineHint }] : replies;
    } catch (err) {
      // The answer matters more than the hint: send it even when the state store fails.
      this.logger.warn({ err }, "could not update the decline streak");
      return replies;
    }
  }
}
