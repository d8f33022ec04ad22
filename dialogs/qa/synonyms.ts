import type { KbEntry } from "../../data/kb/schema";

/** The forms of one term entry that mean the same thing: "SIP" ⇄ "samordnad individuell plan". */
export interface SynonymGroup {
  entryId: string;
  /** Each form as its sequence of content stems, e.g. [["sip"], ["samordn", "individuell", "plan"]]. */
  forms: string[][];
}

/**
 * Builds synonym groups from the term entries, so that a question using either the abbreviation or
 * its expansion also searches for the other.
 * @param analyse turns a phrase into its content stems (stop words removed), as the analyzer does
 */
export function buildSynonymGroups(entries: readonly KbEntry[], analyse: (phrase: string) => string[]): SynonymGroup[] {
  const groups: SynonymGroup[] = [];
  for (const e of entries) {
    if (e.kind !== "term" || e.retired) continue;
    const seen = new Set<string>();
    const forms: string[][] = [];
    for (const phrase of [e.term, e.expansion, ...e.synonyms]) {
      const stems = analyse(phrase);
      const key = stems.join(" ");
      if (stems.length === 0 || stems.length > 8 || seen.has(key)) continue;
      seen.add(key);
      forms.push(stems);
    }
    if (forms.length >= 2) groups.push({ entryId: e.id, forms });
  }
  return groups;
}

/** Where `needle` occurs as a contiguous run in `haystack`, or -1. */
export function findRun(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
