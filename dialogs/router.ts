import { helpCard } from "../cards/help-cards";
import { botText } from "../core/strings";
import { parseCommand } from "./commands";
import type { IncomingMessage, Reply } from "./types";

/** Answers a question in Swedish; provided by the knowledge-base feature. */
export type QuestionHandler = (question: string, message: IncomingMessage) => Promise<Reply>;

/** A feature that may claim a message (commands, card submissions, files) before it goes to the knowledge base. */
export interface FeatureHandler {
  /** Replies when the message is the feature's; undefined to pass it on. */
  handle(message: IncomingMessage): Promise<Reply[] | undefined>;
}

export interface RouterDeps {
  answerQuestion: QuestionHandler;
  features?: FeatureHandler[];
}

/** Decides what a message is and produces the replies. Knows nothing of Bot Framework. */
export class MessageRouter {
  constructor(private readonly deps: RouterDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[]> {
    for (const feature of this.deps.features ?? []) {
      const replies = await feature.handle(message);
      if (replies) return replies;
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
