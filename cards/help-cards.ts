import { botText, trustText } from "../core/strings";
import { cardAttachment, type CardAttachment } from "./render";

/** Whose commands the help shows: everyone's, plus a coordinator's, plus an admin's. */
export type HelpRole = "everyone" | "coordinator" | "admin";

interface HelpSection {
  title: string;
  commands: readonly { title: string; value: string }[];
}

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

/** The command sections a role may use; commands nobody may run are not offered. */
export function helpSections(role: HelpRole): HelpSection[] {
  const h = botText.help;
  const sections: HelpSection[] = [{ title: h.commandsTitle, commands: h.commands }];
  if (role === "coordinator" || role === "admin")
    sections.push({ title: h.coordinatorTitle, commands: h.coordinatorCommands });
  if (role === "admin") sections.push({ title: h.adminTitle, commands: h.adminCommands });
  return sections;
}

/** Data for cards/help.json. */
export function helpCardData(role: HelpRole) {
  const { title, intro, examplesTitle, privacy } = botText.help;
  return { title, intro, sections: helpSections(role), examplesTitle, examples: botText.exampleQuestions, privacy };
}

export function helpCard(role: HelpRole = "everyone"): CardAttachment {
  return cardAttachment("help", helpCardData(role));
}

/** The help as plain text, for notifications and clients that show no card. */
export function helpText(role: HelpRole = "everyone"): string {
  return botText.fallback.help(helpSections(role).flatMap((s) => s.commands));
}
