// How typed text is read before features match their commands (dialogs/feature.ts).

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
