import { botText, trustText } from "../core/strings";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";

/** One section of the help: a role's commands (dialogs/router.ts builds them from the features). */
export type HelpSection = CardDataMap["help"]["sections"][number];

export function welcomeCard(): CardAttachment {
  return cardAttachment("welcome", { ...botText.welcome, examples: botText.exampleQuestions });
}

/** Replaces a clicked card when handling the click failed: the same apology as in chat. */
export function apologyCard(): CardAttachment {
  return cardAttachment("notice", { title: botText.errors.apologyTitle, message: botText.errors.apology });
}

/** Replaces a clicked card whose action or data the bot does not know. */
export function unknownActionCard(message: string = trustText.unknownAction.message): CardAttachment {
  return cardAttachment("notice", { title: trustText.unknownAction.title, message });
}

/** Data for cards/help.json. */
function helpCardData(sections: HelpSection[]): CardDataMap["help"] {
  const { title, intro, examplesTitle, privacy } = botText.help;
  return { title, intro, sections, examplesTitle, examples: botText.exampleQuestions, privacy };
}

export function helpCard(sections: HelpSection[]): CardAttachment {
  return cardAttachment("help", helpCardData(sections));
}

/** The help as plain text, for notifications and clients that show no card. */
export function helpText(sections: HelpSection[]): string {
  return botText.fallback.help(sections.flatMap((s) => s.commands));
}
