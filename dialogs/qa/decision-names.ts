import type { KbEntry } from "../../data/kb/schema";
import { FIELDS, toIndexDocument } from "./documents";
import { tokenize, words } from "./text";

/** Whether an entry draws on a decision document (minutes, status report, follow-up) rather than the agreement. */
function fromDecisionDocument(e: KbEntry): boolean {
  return e.kind === "decision" || e.source.document !== "overenskommelse";
}

/**
 * Folded words that the knowledge base uses only as people's names: the decision documents name
 * chairs, secretaries and presenters ("Maria Boman", "Mikael Andersson Elfgren"). Such a word is in
 * the base's vocabulary, but a user writing "Maria Andersson" means a client, not the minutes, so
 * the individual-lookup check must not take it for a known word. A word counts when it is always
 * capitalised in decision-document entries, stands next to another capitalised word inside a
 * sentence (first name and surname) and occurs in no other entry.
 */
export function decisionPersonNames(entries: readonly KbEntry[]): Set<string> {
  const elsewhere = new Set<string>();
  const lowerCase = new Set<string>();
  const capitalised = new Set<string>();
  for (const e of entries) {
    const d = toIndexDocument(e);
    if (!fromDecisionDocument(e)) {
      for (const f of FIELDS) for (const w of words(d[f])) elsewhere.add(w);
      continue;
    }
    for (const f of FIELDS) {
      const tokens = tokenize(d[f]);
      const nameLike = (i: number) => tokens[i] !== undefined && tokens[i].capitalised && !tokens[i].acronym;
      tokens.forEach((t, i) => {
        if (t.acronym || /\d/.test(t.word)) return;
        if (!t.capitalised) lowerCase.add(t.word);
        // Names come as first name and surname: a capitalised neighbour tells them from a capitalised heading word.
        else if (!t.sentenceStart && (nameLike(i - 1) || nameLike(i + 1))) capitalised.add(t.word);
      });
    }
  }
  return new Set([...capitalised].filter((w) => !lowerCase.has(w) && !elsewhere.has(w)));
}
