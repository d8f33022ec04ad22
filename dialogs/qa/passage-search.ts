import MiniSearch from "minisearch";
import type { SourceText } from "../../data/kb/source-texts";
import type { Analyzer, AnalyzedQuery } from "./analyzer";
import { coverageDetail } from "./confidence";
import { splitPassages, type Passage } from "./passages";
import { WordSplits } from "./text";

export interface PassageHit {
  passage: Passage;
  /** Share of the question the passage covers (see coverageDetail). */
  coverage: number;
}

/**
 * A passage is quoted only when it covers this share of the question: below it the passage merely
 * shares a word or two with a question the agreement does not answer.
 */
const MIN_COVERAGE = 0.55;
const DEPTH = 12;
const LONG_QUESTION_WORDS = 9;
/** In a long question, a word no passage contains is mostly the story around it. */
const UNKNOWN_WORD_WEIGHT = 0.4;

/** Full-text search over the source documents' passages, with the analysis the entries use. */
export class PassageSearch {
  private readonly passages: Passage[];
  private readonly index: MiniSearch<{ id: number; text: string }>;
  private readonly terms: Set<string>[] = [];
  private readonly df = new Map<string, number>();

  constructor(
    sources: readonly SourceText[],
    private readonly analyzer: Analyzer,
  ) {
    this.passages = splitPassages(sources);
    // Each passage is split into words once, for its term set and for the index.
    const split = new WordSplits();
    for (const p of this.passages) {
      const set = new Set<string>();
      for (const w of split.words(p.text)) for (const t of analyzer.indexTerms(w) ?? []) set.add(t);
      this.terms.push(set);
      for (const t of set) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.index = new MiniSearch({
      idField: "id",
      fields: ["text"],
      tokenize: (text) => split.words(text),
      processTerm: (term) => analyzer.indexTerms(term),
    });
    this.index.addAll(this.passages.map((p) => ({ id: p.id, text: p.text })));
    split.done();
  }

  get size(): number {
    return this.passages.length;
  }

  /** The passage that covers the question best, when it covers enough of it. */
  best(query: AnalyzedQuery): PassageHit | undefined {
    const terms = query.terms.filter((t) => t.groups.some((g) => g >= 0));
    if (terms.length === 0 || query.groups.length === 0) return undefined;
    const hits = this.index
      .search(terms.map((t) => t.term).join(" "), {
        tokenize: (s) => s.split(" "),
        processTerm: (t) => t,
        boostTerm: (_t, i) => terms[i]?.weight ?? 1,
        combineWith: "OR",
      })
      .slice(0, DEPTH);
    if (hits.length === 0) return undefined;
    const n = this.passages.length;
    const idf = (t: string) => {
      const df = this.df.get(t) ?? 0;
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    };
    const long = query.groups.length >= LONG_QUESTION_WORDS;
    const weight = (g: number) => (long && !this.df.has(query.groups[g].head) ? UNKNOWN_WORD_WEIGHT : 1);
    let best: { hit: PassageHit; score: number } | undefined;
    for (const h of hits) {
      const { share } = coverageDetail(query, new Set(h.queryTerms), this.terms[h.id as number], idf, weight);
      const score = (h.score / hits[0].score) * share * share;
      if (!best || score > best.score)
        best = { hit: { passage: this.passages[h.id as number], coverage: share }, score };
    }
    return best && best.hit.coverage >= MIN_COVERAGE ? best.hit : undefined;
  }
}
