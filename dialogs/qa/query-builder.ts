import type { CompoundSplitter } from "./compounds";
import { stem } from "./stem";

/** One search term of a question, with the question word ("group") it stands for. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** Question words this term stands for (a synonym can stand for several); -1 for intent words. */
  groups: number[];
  /** Edit distance allowed when the base lacks the term (never for short terms: "lss" is not "lvm"). */
  fuzzy: number;
  prefix: boolean;
  /** How much of its question word a match on this term covers (a compound part covers less). */
  credit: number;
}

/** One content word of the question; the confidence asks how many of these an entry covers. */
export interface QueryGroup {
  word: string;
  /** The term whose rarity stands for the word's importance. */
  head: string;
  /** Index of the question token the group stands for (see Token.position). */
  position: number;
}

/** A stem in question order with its group (-1 for a stop word), for matching phrases. */
export interface Positioned {
  stem: string;
  group: number;
}

/** Compound parts say less than the whole word. */
export const PART_WEIGHT = 0.5;
export const PART_CREDIT = 0.6;

/** Collects a question's terms, merging repeats so that each term is searched once. */
export class QueryBuilder {
  readonly groups: QueryGroup[] = [];
  /** Content stems in question order, for synonym phrases. */
  readonly content: Positioned[] = [];
  /** Every token's stem, stop words included, for thesaurus phrases such as "följa upp". */
  readonly every: Positioned[] = [];
  private readonly terms = new Map<string, QueryTerm>();

  constructor(private readonly compounds: CompoundSplitter) {}

  add(
    term: string,
    weight: number,
    group: number,
    opts: { fuzzy?: number; prefix?: boolean; credit?: number } = {},
  ): void {
    const fuzzy = opts.fuzzy ?? 0;
    const prefix = opts.prefix ?? false;
    const credit = opts.credit ?? 1;
    const t = this.terms.get(term);
    if (!t) {
      this.terms.set(term, { term, weight, groups: [group], fuzzy, prefix, credit });
      return;
    }
    t.weight = Math.max(t.weight, weight);
    t.credit = Math.max(t.credit, credit);
    if (!t.groups.includes(group)) t.groups.push(group);
    t.fuzzy = Math.max(t.fuzzy, fuzzy);
    t.prefix ||= prefix;
  }

  /** A word as typed: its stem (typo-tolerant when long enough) and its compound parts. Returns the stem. */
  addTyped(word: string, weight: number, group: number): string {
    const s = stem(word);
    this.add(s, weight, group, { fuzzy: fuzziness(s), prefix: s.length >= 6 });
    this.addParts(word, s, weight, group);
    return s;
  }

  /** A word standing in for what was typed (synonym, correction, thesaurus): exact only. */
  addStandIn(word: string, weight: number, credit: number, groups: number[]): string {
    const s = stem(word);
    for (const g of groups) {
      this.add(s, weight, g, { credit });
      this.addParts(word, s, weight, g);
    }
    return s;
  }

  build(): QueryTerm[] {
    return [...this.terms.values()];
  }

  private addParts(word: string, s: string, weight: number, group: number): void {
    for (const p of this.compounds.split(word) ?? [])
      if (p !== s) this.add(p, weight * PART_WEIGHT, group, { credit: PART_CREDIT });
  }
}

/** Edit distance allowed for a stem: none for short ones, where one edit turns one acronym into another. */
function fuzziness(s: string): number {
  if (s.length >= 9) return 2;
  if (s.length >= 5) return 1;
  return 0;
}
