import { helpCard, helpText, type HelpRole } from "../cards/help-cards";
import { botText } from "../core/strings";
import { parseCommand } from "./commands";
import type { Asker, IncomingMessage, Reply } from "../core/types";

/** Answers a question in Swedish; provided by the knowledge-base feature. */
export type QuestionHandler = (question: string, message: IncomingMessage) => Promise<Reply>;

/**
 * Handles the data of a card button (Action.Submit): replies when the submission is its own,
 * undefined to let the next handler look at it.
 */
export type SubmissionHandler = (value: unknown, message: IncomingMessage) => Promise<Reply[] | undefined>;

/** A feature that may claim a message (commands, card submissions, files) before it goes to the knowledge base. */
export interface FeatureHandler {
  /** Replies when the message is the feature's; undefined to pass it on. */
  handle(message: IncomingMessage): Promise<Reply[] | undefined>;
}

export interface RouterDeps {
  answerQuestion: QuestionHandler;
  /** Features asked first, in order. */
  features?: FeatureHandler[];
  /** Card submission handlers, asked in order. */
  submissions?: SubmissionHandler[];
  /** Whose commands `hjälp` shows the asker; everyone's when absent. */
  roleOf?: (asker: Asker) => Promise<HelpRole>;
}

/** Decides what a message is and produces the replies. Knows nothing of Bot Framework. */
export class MessageRouter {
  constructor(private readonly deps: RouterDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[]> {
    for (const feature of this.deps.features ?? []) {
      const replies = await feature.handle(message);
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
        return [await this.help(message.asker)];
      case "question":
        if (!command.text) return [await this.help(message.asker)];
        return [await this.deps.answerQuestion(command.text, message)];
    }
  }

  private async help(asker: Asker): Promise<Reply> {
    let role: HelpRole = "everyone";
    try {
      role = (await this.deps.roleOf?.(asker)) ?? "everyone";
    } catch {
      // The store did not answer: everyone's help is still better than an apology.
    }
    return { text: helpText(role), card: helpCard(role) };
  }
}
