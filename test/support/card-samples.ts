import { botText } from "../../core/strings";
import type { CardName } from "../../cards/render";

/** Sample data per template; the card test expands each and validates the result. */
export const cardSamples: Partial<Record<CardName, object[]>> = {
  welcome: [{ ...botText.welcome, examples: botText.exampleQuestions }],
  help: [{ ...botText.help, examples: botText.exampleQuestions }, { ...botText.help, examples: [] }],
};
