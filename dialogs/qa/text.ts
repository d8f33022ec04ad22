// Low-level text handling shared by indexing and querying: both sides MUST go through the same
// functions, otherwise a folded query ("socialtjansten") would never meet an unfolded index.

const NEEDS_FOLDING = /[\u0080-\uffff]/;

/** Lower-case and fold å/ä/ö (and common accents) so text typed on a non-Swedish keyboard still matches. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .replace(/[åäàáâã]/g, "a")
    .replace(/[öòóôõø]/g, "o")
    .replace(/[éèêë]/g, "e")
    .replace(/[üùúû]/g, "u")
    .replace(/[íìîï]/g, "i");
}

export interface Token {
  /** Folded surface form. */
  word: string;
  /** True when the original started with a capital letter (used to spot personal names). */
  capitalised: boolean;
  /** True for all-capital words of two or more letters: acronyms such as "SIP", "LVM". */
  acronym: boolean;
  /** True for the first word of the text or of a sentence. */
  sentenceStart: boolean;
  /** Index of the token in the token list. */
  position: number;
}

// Letters incl. Swedish/accented ones and digits; hyphens and slashes separate parts ("LVM-hem", "SoL/HSL").
const WORD = /[\p{L}\p{N}]+/gu;

// Swedish inflects abbreviations after a colon ("HVB:et", "SIP:ar", typed "hvb:et" in a hurry); the
// ending is not a word. A colon in running text is followed by a space, so this catches nothing else.
const ABBREVIATION_ENDING = /([\p{L}\p{N}]):\p{Ll}{1,4}\b/gu;

export function tokenize(input: string): Token[] {
  const text = input.replace(ABBREVIATION_ENDING, "$1");
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const between = text.slice(last, m.index);
    last = m.index + raw.length;
    out.push({
      word: fold(raw),
      capitalised: /^\p{Lu}/u.test(raw),
      acronym: raw.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(raw) && /\p{Lu}/u.test(raw),
      sentenceStart: out.length === 0 || /[.!?:;]\s*$/.test(between) || /\n/.test(between),
      position: out.length,
    });
  }
  return out;
}

/** Folded words of a text, in order; the fast path for indexing, without token details. */
export function words(text: string): string[] {
  return fold(text.replace(ABBREVIATION_ENDING, "$1")).match(WORD) ?? [];
}

/**
 * words() remembered per text while an index is built, where the same text is split for the
 * vocabulary, the term sets and the full-text index; done() forgets them, and words() is called
 * afresh for whatever comes later (queries).
 */
export class WordSplits {
  private known: Map<string, string[]> | null = new Map();

  words(text: string): string[] {
    if (!this.known) return words(text);
    let ws = this.known.get(text);
    if (!ws) this.known.set(text, (ws = words(text)));
    return ws;
  }

  done(): void {
    this.known = null;
  }
}
