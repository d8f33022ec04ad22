import { tokenize } from "./text";

// Words that open the asking part of a sentence, folded: "Vad gör vi …", "Vem ansvarar …", "Kan skolan …".
const ASKING = new Set(
  "vad vem vems hur var vart nar vilka vilken vilket varfor kan far ska skall maste finns borde bor ar racker raknas omfattas har galler behover gor what who whose how where when which can should must is are does do".split(
    " ",
  ),
);

/**
 * Token index where the question proper starts in a question told as a story ("Vi har en klient
 * som … . Vem ansvarar för …?"): the last sentence that asks, or, in a single sentence, the last
 * comma clause that opens with an asking word. 0 when the whole text is the question.
 */
export function coreClauseStart(question: string): number {
  const text = question.trim();
  const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
  let core: string | undefined;
  if (sentences.length >= 2) {
    let i = sentences.length - 1;
    while (i > 0 && !sentences[i].includes("?") && sentences[i - 1].includes("?")) i--;
    core = sentences.slice(i).join(" ");
  } else {
    const clauses = text.split(/,\s+/);
    const last = clauses[clauses.length - 1];
    const first = tokenize(last)[0]?.word;
    if (clauses.length >= 2 && first !== undefined && ASKING.has(first)) core = last;
  }
  if (core === undefined) return 0;
  const all = tokenize(text).length;
  return Math.max(0, all - tokenize(core).length);
}
