import { helpCard } from "../cards/help-cards";
import { botText } from "../core/strings";
import { parseCommand } from "./commands";
import type { IncomingMessage, Reply } from "./types";

/** Answers a question in Swedish; provided by the knowledge-base feature. */
export type QuestionHandler = (question: string, message: IncomingMessage) => Promise<Reply>;

export interface RouterDeps {
  answerQuestion: QuestionHandler;
}

/** Decides what a message is and produces the replies. Knows nothing of Bot Framework. */
export class MessageRouter {
  constructor(private readonly deps: RouterDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[]> {
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
