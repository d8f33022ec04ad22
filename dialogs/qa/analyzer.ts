import type { KbEntry } from "../../data/kb/schema";
import { CompoundSplitter } from "./compounds";
import { FIELDS, toIndexDocument } from "./documents";
import { ENGLISH_GLOSSARY } from "./english-glossary";
import { SWEDISH_THESAURUS, ageWords } from "./swedish-thesaurus";
import { Speller } from "./spelling";
import { stem } from "./stem";
import { ENGLISH_MARKERS, INTENT_WORDS, isStopWord, isStopWordTypo } from "./stopwords";
import { buildSynonymGroups, findRun, type SynonymGroup } from "./synonyms";
import { tokenize, words, type Token } from "./text";

/** One search term of a question, with the question word ("group") it stands for. */
export interface QueryTerm {
  term: string;
  weight: number;
  /** Question words this term stands for (a synonym can stand for several); -1 for intent words. */
  groups: number[];
  /** Whether typo tolerance applies (never to short terms: "lss" must not match "lvm"). */
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
}

export interface AnalyzedQuery {
  tokens: Token[];
  english: boolean;
  terms: QueryTerm[];
  groups: QueryGroup[];
}

// Compound parts say less than the whole word; synonym forms and glossary words a little less than
// what the user typed.
const PART_WEIGHT = 0.5;
const SYNONYM_WEIGHT = 0.7;
const GLOSSARY_WEIGHT = 0.9;
const PART_CREDIT = 0.6;
const INTENT_WEIGHT = 0.25;
const THESAURUS_WEIGHT = 0.6;
const THESAURUS_CREDIT = 0.9;
const SPELLING_WEIGHT = 0.9;
const SPELLING_CREDIT = 0.9;

/**
 * Swedish analysis shared by the index and the questions: folding, stop words, stemming, compound
 * splitting against the knowledge base's own vocabulary, term-entry synonyms and an English glossary.
 */
export class Analyzer {
  private readonly compounds: CompoundSplitter;
  private readonly synonyms: SynonymGroup[];
  private readonly thesaurus: { from: string[]; to: string[] }[];
  private readonly vocabulary: ReadonlySet<string>;
  private readonly speller: Speller;
  private readonly indexCache = new Map<string, string[] | null>();

  constructor(entries: readonly KbEntry[]) {
    const all: string[] = [];
    for (const e of entries) {
      const d = toIndexDocument(e);
      for (const f of FIELDS) all.push(...words(d[f]));
    }
    const vocabulary = new Set(all);
    this.vocabulary = vocabulary;
    this.speller = new Speller(all);
    this.compounds = new CompoundSplitter(vocabulary);
    this.synonyms = buildSynonymGroups(entries, (p) => this.contentStems(p));
    this.thesaurus = SWEDISH_THESAURUS.map(([from, to]) => ({ from: words(from).map(stem), to: words(to).filter((w) => !isNoise(w)) })).filter(
      (t) => t.from.length > 0 && t.to.length > 0,
    );
  }

  /** Whether a folded word occurs anywhere in the knowledge base. */
  knows(folded: string): boolean {
    return this.vocabulary.has(folded);
  }

  /** Index terms of one folded token: its stem plus the stems of its compound parts; null for stop words. */
  indexTerms(word: string): string[] | null {
    const hit = this.indexCache.get(word);
    if (hit !== undefined) return hit;
    let terms: string[] | null;
    if (INTENT_WORDS.has(word)) terms = [word];
    else if (isNoise(word)) terms = null;
    else {
      const s = stem(word);
      const parts = this.compounds.split(word);
      terms = parts ? [s, ...parts.filter((p) => p !== s)] : [s];
    }
    this.indexCache.set(word, terms);
    return terms;
  }

  /** Content stems of a phrase, in order, without compound parts. */
  contentStems(text: string): string[] {
    return words(text)
      .filter((w) => !isNoise(w))
      .map(stem);
  }

  analyzeQuery(question: string): AnalyzedQuery {
    const tokens = tokenize(question);
    const english = looksEnglish(tokens);
    const terms = new Map<string, QueryTerm>();
    const groups: QueryGroup[] = [];
    const add = (term: string, weight: number, group: number, fuzzy = 0, prefix = false, credit = 1) => {
      const t = terms.get(term);
      if (!t) terms.set(term, { term, weight, groups: [group], fuzzy, prefix, credit });
      else {
        t.weight = Math.max(t.weight, weight);
        t.credit = Math.max(t.credit, credit);
        if (!t.groups.includes(group)) t.groups.push(group);
        t.fuzzy = Math.max(t.fuzzy, fuzzy);
        t.prefix ||= prefix;
      }
    };
    const addWord = (word: string, weight: number, group: number) => {
      const s = stem(word);
      add(s, weight, group, fuzziness(s), s.length >= 6);
      for (const p of this.compounds.split(word) ?? []) if (p !== s) add(p, weight * PART_WEIGHT, group, 0, false, PART_CREDIT);
      return s;
    };

    // Content stems in question order, for synonym phrases; each remembers its group.
    const sequence: { stem: string; group: number }[] = [];
    // Every token's stem and group (-1 for stop words), for thesaurus phrases such as "följa upp".
    const everyStem: { stem: string; group: number }[] = [];
    for (const tok of tokens) {
      if (INTENT_WORDS.has(tok.word)) add(tok.word, INTENT_WEIGHT, -1);
      const gloss = english ? ENGLISH_GLOSSARY.get(tok.word) : undefined;
      const swedish = gloss ? words(gloss).filter((w) => !isNoise(w)) : [];
      const noise =
        isNoise(tok.word) || (gloss !== undefined && swedish.length === 0) || (!gloss && !this.vocabulary.has(tok.word) && isStopWordTypo(tok.word));
      const group = groups.length;
      everyStem.push({ stem: stem(tok.word), group: noise ? -1 : group });
      if (noise) continue;
      if (gloss) {
        groups.push({ word: tok.word, head: stem(swedish[0]) });
        swedish.forEach((w, i) => {
          const s = addWord(w, i === 0 ? GLOSSARY_WEIGHT : GLOSSARY_WEIGHT * 0.8, group);
          sequence.push({ stem: s, group });
        });
        // English words also occur in the entries' English phrasings.
        add(stem(tok.word), 0.6, group, 0, false, 0.8);
      } else {
        // A word the base does not know is searched as typed (fuzzily) and as corrected.
        const corrected = this.vocabulary.has(tok.word) ? null : this.speller.correct(tok.word);
        groups.push({ word: tok.word, head: stem(corrected ?? tok.word) });
        sequence.push({ stem: addWord(tok.word, 1, group), group });
        if (corrected) {
          const s = stem(corrected);
          add(s, SPELLING_WEIGHT, group, 0, false, SPELLING_CREDIT);
          for (const p of this.compounds.split(corrected) ?? []) if (p !== s) add(p, SPELLING_WEIGHT * PART_WEIGHT, group, 0, false, PART_CREDIT);
          sequence[sequence.length - 1] = { stem: s, group };
        }
      }
    }

    // Ages: "en 17-åring", "78 år", "fyller 18" → the age groups the agreement talks about.
    tokens.forEach((tok, i) => {
      if (!/^\d{1,3}$/.test(tok.word)) return;
      const next = tokens[i + 1]?.word ?? "";
      const prev = tokens[i - 1]?.word ?? "";
      if (!/^ar(ing|ingen|ig|iga|s|sald\w*)?$/.test(next) && !/^fyll/.test(prev)) return;
      const group = groups.findIndex((g) => g.word === tok.word);
      if (group < 0) return;
      for (const w of words(ageWords(Number(tok.word)))) addWord(w, THESAURUS_WEIGHT, group);
    });

    const allStems = everyStem.map((x) => x.stem);
    for (const t of this.thesaurus) {
      const at = findRun(allStems, t.from);
      if (at < 0) continue;
      const covered = everyStem.slice(at, at + t.from.length).map((x) => x.group).filter((g) => g >= 0);
      if (covered.length === 0) covered.push(-1);
      for (const w of t.to) {
        const s = stem(w);
        for (const g of covered) add(s, THESAURUS_WEIGHT, g, 0, false, THESAURUS_CREDIT);
        for (const p of this.compounds.split(w) ?? []) if (p !== s) for (const g of covered) add(p, THESAURUS_WEIGHT * PART_WEIGHT, g, 0, false, PART_CREDIT);
      }
    }

    const stems = sequence.map((x) => x.stem);
    for (const syn of this.synonyms) {
      for (const form of syn.forms) {
        const at = findRun(stems, form);
        if (at < 0) continue;
        const covered = sequence.slice(at, at + form.length).map((x) => x.group);
        for (const other of syn.forms) {
          if (other === form) continue;
          const w = SYNONYM_WEIGHT / Math.sqrt(other.length);
          for (const s of other) for (const g of covered) add(s, w, g);
        }
        break;
      }
    }
    return { tokens, english, terms: [...terms.values()], groups };
  }
}

function isNoise(word: string): boolean {
  return (word.length < 2 && !/\d/.test(word)) || isStopWord(word);
}

/** Edit distance allowed for a stem: none for short ones, where one edit turns one acronym into another. */
function fuzziness(s: string): number {
  if (s.length >= 9) return 2;
  if (s.length >= 5) return 1;
  return 0;
}

function looksEnglish(tokens: Token[]): boolean {
  const markers = tokens.filter((t) => ENGLISH_MARKERS.has(t.word)).length;
  return markers >= 2 || (markers === 1 && tokens.length > 0 && ENGLISH_MARKERS.has(tokens[0].word));
}
