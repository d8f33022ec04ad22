/**
 * Corrects a misspelt word to a word of the knowledge base, one edit or one swap of neighbouring
 * letters away ("anhörgia" → "anhöriga", "kostnadsansvr" → "kostnadsansvar"). Correcting the word
 * before stemming matters: the misspelt form stems differently and fuzzy matching of stems then
 * misses. Candidates are found through shared single-letter deletions (the SymSpell idea), so the
 * cost does not grow with the size of the vocabulary.
 */
export class Speller {
  private readonly byDeletion = new Map<string, string[]>();
  private readonly frequency = new Map<string, number>();

  /** @param words folded words of the knowledge base, repeated as often as they occur */
  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < MIN_LENGTH || /\d/.test(w)) continue;
      const seen = this.frequency.get(w);
      this.frequency.set(w, (seen ?? 0) + 1);
      if (seen !== undefined) continue;
      for (const d of variants(w)) {
        const list = this.byDeletion.get(d);
        if (list) list.push(w);
        else this.byDeletion.set(d, [w]);
      }
    }
  }

  /** The most frequent known word within one edit, or null. Known words are returned as they are. */
  correct(word: string): string | null {
    if (this.frequency.has(word)) return word;
    if (word.length < MIN_LENGTH || /\d/.test(word)) return null;
    let best: string | null = null;
    let bestCount = 0;
    for (const d of variants(word)) {
      for (const candidate of this.byDeletion.get(d) ?? []) {
        const count = this.frequency.get(candidate) ?? 0;
        if (count > bestCount && withinOneEdit(word, candidate)) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  }
}

// Short words have too many neighbours one edit away ("lss"/"lvm" are two edits, "sip"/"sis" one).
const MIN_LENGTH = 5;

/** The word itself and every form with one letter deleted. */
function variants(word: string): Set<string> {
  const out = new Set([word]);
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** One insertion, deletion or substitution, or one swap of neighbouring letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
