import type { AnalyzedQuery } from "./analyzer";

/** What the confidence is made of, kept apart so scripts/qa-calibrate.ts can show each part. */
export interface ConfidenceParts {
  /** Share of the question's content words the entry covers, each word weighted by its rarity (0..1). */
  coverage: number;
  /** How far the best entry is ahead of the second: 1 − s2/s1 (0..1). */
  margin: number;
}

// A fuzzy or prefix hit is probably the word meant, but less certainly so than an exact one.
const INEXACT_CREDIT = 0.7;

/**
 * Coverage of the question by one entry: a term counts when the entry contains it, or when the
 * search matched it inexactly (typo, prefix). Rarity is BM25's idf over the knowledge base, so a word
 * no entry uses (a topic outside the agreement: "melatonin", "uppsägningstid") weighs the most, and
 * an entry that leaves it uncovered cannot reach a high coverage however well it matches the rest.
 * Being a ratio of idfs, it changes little as the base grows. Returns the share and the credit
 * each question word got (0 = not covered).
 */
export function coverageDetail(
  query: AnalyzedQuery,
  matchedQueryTerms: ReadonlySet<string>,
  entryTerms: ReadonlySet<string>,
  idf: (term: string) => number,
  groupWeight: (group: number) => number = () => 1,
): { share: number; credits: number[] } {
  if (query.groups.length === 0) return { share: 0, credits: [] };
  const best = new Array<number>(query.groups.length).fill(0);
  for (const t of query.terms) {
    const exact = entryTerms.has(t.term);
    if (!exact && !matchedQueryTerms.has(t.term)) continue;
    const credit = t.credit * (exact ? 1 : INEXACT_CREDIT);
    for (const g of t.groups) if (g >= 0) best[g] = Math.max(best[g], credit);
  }
  let covered = 0;
  let total = 0;
  query.groups.forEach((g, i) => {
    const w = idf(g.head) * groupWeight(i);
    covered += w * best[i];
    total += w;
  });
  return { share: total > 0 ? covered / total : 0, credits: best };
}

/**
 * The confidence the engine acts on: coverage, lifted a little by a clear lead over the runner-up.
 * Coverage carries most of it because it is what separates questions outside the agreement from
 * those inside; the margin mostly separates "answer" from "suggest".
 */
export function combine(p: ConfidenceParts): number {
  return Math.min(1, p.coverage * (MARGIN_FLOOR + (1 - MARGIN_FLOOR) * p.margin));
}

export const MARGIN_FLOOR = 0.75;
