// Recognises command words typed by the user. Anything else is a question for the knowledge base.

export type Command = { name: "help" } | { name: "question"; text: string };

const HELP = /^(hj[äa]lp|help|\?|meny|vad kan du( göra| gora)?\??|kommandon)$/i;

/** Normalises what Teams sends: mentions already removed, whitespace folded, trailing punctuation dropped. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function parseCommand(rawText: string): Command {
  const text = normaliseText(rawText);
  const bare = text.replace(/[.!]+$/, "").trim();
  if (HELP.test(bare)) return { name: "help" };
  return { name: "question", text };
}
