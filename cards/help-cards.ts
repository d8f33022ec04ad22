import { botText } from "../core/strings";
import { cardAttachment, type CardAttachment } from "./render";

export function welcomeCard(): CardAttachment {
  return cardAttachment("welcome", { ...botText.welcome, examples: botText.exampleQuestions });
}

export function helpCard(): CardAttachment {
  return cardAttachment("help", { ...botText.help, examples: botText.exampleQuestions });
}
