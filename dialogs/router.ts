import { helpCard } from "../cards/help-cards";
import { botText } from "../core/strings";
import { parseCommand } from "./commands";
import type { IncomingMessage, Reply } from "./types";

/** Answers a question in Swedish; provided by the knowledge-base feature. */
export type QuestionHandler = (question: string, message: IncomingMessage) => Promise<Reply>;

/**
 * Handles the data of a card button (Action.Submit): replies when the submission is its own,
 * undefined to let the next handler look at it.
 */
export type SubmissionHandler = (value: unknown, message: IncomingMessage) => Promise<Reply[] | undefined>;

/**
 * A feature's own commands, files or buttons (e.g. the admin dialog): replies when the message is
 * its own, undefined to let the router go on.
 */
export type MessageHandler = (message: IncomingMessage) => Promise<Reply[] | undefined>;

export interface RouterDeps {
  /** Asked first, in order. */
  handlers?: MessageHandler[];
  answerQuestion: QuestionHandler;
  /** Card submission handlers, asked in order. */
  submissions?: SubmissionHandler[];
}

/** Decides what a message is and produces the replies. Knows nothing of Bot Framework. */
export class MessageRouter {
  constructor(private readonly deps: RouterDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[]> {
    for (const handler of this.deps.handlers ?? []) {
      const replies = await handler(message);
      if (replies) return replies;
    }
    if (message.value !== undefined && message.value !== null) {
      for (const handler of this.deps.submissions ?? []) {
        const replies = await handler(message.value, message);
        if (replies) return replies;
      }
      // A button nobody knows (an old card, or tampered data) with no text to fall back on.
      if (!message.text.trim()) return [{ text: botText.errors.unknownButton }];
    }
    const command = parseCommand(message.text);
    switch (command.name) {
      case "help":
        return [{ text: botText.fallback.help, card: helpCard() }];
      case "question":
        if (!command.text) return [{ text: botText.fallback.help, card: helpCard() }];
        return [await this.deps.answerQuestion(command.text, message)];
    }
  }
}
