import type { ConversationState, StatePropertyAccessor, TurnContext } from "botbuilder";
import type { Logger } from "../core/logger";
import { qaText } from "../core/strings";
import { nextDeclineStreak } from "../dialogs/qa/decline-streak";
import type { Reply } from "../dialogs/types";

/**
 * Keeps the count of consecutive declines in the conversation's bot state (Cosmos, through
 * botbuilder Storage) and adds a short hint after the second decline in a row.
 */
export class DeclineHint {
  private readonly declines: StatePropertyAccessor<number>;

  constructor(
    private readonly state: ConversationState,
    private readonly logger: Logger,
  ) {
    this.declines = state.createProperty<number>("consecutiveDeclines");
  }

  /** The replies of a turn, with the hint appended when it is due. Turns that asked no question leave the count alone. */
  async after(context: TurnContext, replies: Reply[]): Promise<Reply[]> {
    const outcome = replies.find((r) => r.qaOutcome)?.qaOutcome;
    if (!outcome) return replies;
    try {
      const before = await this.declines.get(context, 0);
      const step = nextDeclineStreak(before, outcome);
      if (step.count !== before) {
        await this.declines.set(context, step.count);
        await this.state.saveChanges(context);
      }
      return step.hint ? [...replies, { text: qaText.declineHint }] : replies;
    } catch (err) {
      // The answer matters more than the hint: send it even when the state store fails.
      this.logger.warn({ err }, "could not update the decline count");
      return replies;
    }
  }
}
