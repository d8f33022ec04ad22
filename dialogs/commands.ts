// Recognises command words typed by the user. Anything else is a question for the knowledge base.

export type Command = { name: "help" } | { name: "question"; text: string };

const HELP = /^(hj[äa]lp|help|\?|meny|vad kan du( göra| gora)?\??|kommandon)$/i;

/** Folds whitespace in what Teams sends (mentions are already removed by bot/). */
function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A typed command as every feature matches it: whitespace folded, a trailing "." or "!" dropped.
 * A "?" stays, so a command word asked as a question can still reach the knowledge base.
 */
export function normaliseText(text: string): string {
  return foldWhitespace(text)
    .replace(/[.!]+$/, "")
    .trimEnd();
}

/** Question words and a final "?": the text is asked, not commanded. */
const QUESTION =
  /(\?$|^(vad|vem|vilka|vilken|vilket|hur|när|nar|var|varför|varfor|kan|får|far|ska|måste|maste|finns|gäller|galler)\b)/i;

export function readsLikeQuestion(text: string): boolean {
  return QUESTION.test(normaliseText(text));
}

export function parseCommand(rawText: string): Command {
  if (HELP.test(normaliseText(rawText))) return { name: "help" };
  // The question keeps its punctuation; the knowledge base reads it as typed.
  return { name: "question", text: foldWhitespace(rawText) };
}
