import type { KbEntry } from "../../data/kb/schema";
import { CompoundSplitter } from "./compounds";
import { decisionPersonNames } from "./decision-names";
import { FIELDS, toIndexDocument } from "./documents";
import { ENGLISH_GLOSSARY } from "./english-glossary";
import { QueryBuilder, type QueryGroup, type QueryTerm } from "./query-builder";
import { Speller } from "./spelling";
import { stem } from "./stem";
import {
  AGREEMENT_FRAME_BEFORE,
  AGREEMENT_WORDS,
  ENGLISH_FUNCTION_WORDS,
  ENGLISH_MARKERS,
  INTENT_WORDS,
  OWN_WORKPLACE_BEFORE,
  OWN_WORKPLACE_WORDS,
  isStopWord,
  isStopWordTypo,
} from "./stopwords";
import { isOffTopicWord } from "./scope";
import { SWEDISH_THESAURUS, ageWords } from "./swedish-thesaurus";
import { buildSynonymGroups, findRun, type SynonymGroup } from "./synonyms";
import { tokenize, words, type Token } from "./text";

export type { QueryGroup, QueryTerm } from "./query-builder";

export interface AnalyzedQuery {
  tokens: Token[];
  english: boolean;
  terms: QueryTerm[];
  groups: QueryGroup[];
}

// What the user typed weighs 1; what the analysis adds for it weighs less.
const GLOSSARY_WEIGHT = 0.9;
const ENGLISH_AS_TYPED_WEIGHT = 0.6;
const ENGLISH_AS_TYPED_CREDIT = 0.8;
const SYNONYM_WEIGHT = 0.7;
const EXPANSION_WORD_CREDIT = 0.7;
const INTENT_WEIGHT = 0.25;
const THESAURUS_WEIGHT = 0.6;
const THESAURUS_CREDIT = 0.9;
const SPELLING_WEIGHT = 0.9;
const SPELLING_CREDIT = 0.9;

/**
 * Swedish analysis shared by the index and the questions: folding, stop words, stemming, compound
 * splitting against the knowledge base's own vocabulary, spelling correction, term-entry synonyms,
 * an everyday-Swedish thesaurus and an English glossary.
 */
export class Analyzer {
  private readonly compounds: CompoundSplitter;
  private readonly synonyms: SynonymGroup[];
  private readonly thesaurus: { from: string[]; to: string[] }[];
  /** Words the thesaurus knows as typed ("slår"): words of their own, never typos of a stop word ("står"). */
  private readonly thesaurusWords: ReadonlySet<string>;
  private readonly vocabulary: ReadonlySet<string>;
  /** Words the base uses only as people's names in decision documents (see decisionPersonNames). */
  private readonly personNames: ReadonlySet<string>;
  private readonly speller: Speller;
  private readonly indexCache = new Map<string, string[] | null>();

  /**
   * @param fieldWords the words of every field of every entry's index document, when the caller has
   *   split them already (see QaEngine); split here otherwise
   */
  constructor(entries: readonly KbEntry[], fieldWords?: readonly (readonly string[])[]) {
    const all: string[] = [];
    for (const ws of fieldWords ?? entries.map(toIndexDocument).flatMap((d) => FIELDS.map((f) => words(d[f]))))
      for (const w of ws) all.push(w);
    this.vocabulary = new Set(all);
    this.personNames = decisionPersonNames(entries);
    this.speller = new Speller(all);
    this.compounds = new CompoundSplitter(this.vocabulary);
    this.synonyms = buildSynonymGroups(entries, (p) => this.contentStems(p));
    this.thesaurusWords = new Set(
      SWEDISH_THESAURUS.map(([from]) => words(from))
        .filter((w) => w.length === 1)
        .map((w) => w[0]),
    );
    this.thesaurus = SWEDISH_THESAURUS.map(([from, to]) => ({
      from: words(from).map(stem),
      to: words(to).filter((w) => !isNoise(w)),
    })).filter((t) => t.from.length > 0 && t.to.length > 0);
  }

  /** Whether a folded word occurs anywhere in the knowledge base. */
  knows(folded: string): boolean {
    return this.vocabulary.has(folded);
  }

  /** Like knows(), but a word the base uses only as a person's name in the decision documents is not known. */
  knowsBeyondNames(folded: string): boolean {
    return this.vocabulary.has(folded) && !this.personNames.has(folded);
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

  /**
   * Content stems of a phrase, in order, without compound parts. With `correct`, a word the base
   * does not know is first spelt as the nearest known word, so a question with a typo still matches
   * a phrasing word for word ("vad menas med samsjuklihet").
   */
  contentStems(text: string, correct = false): string[] {
    return words(text)
      .filter((w) => !isNoise(w))
      .map((w) => stem(correct && !this.vocabulary.has(w) ? (this.speller.correct(w) ?? w) : w));
  }

  analyzeQuery(question: string): AnalyzedQuery {
    const tokens = tokenize(question);
    const english = looksEnglish(tokens);
    const q = new QueryBuilder(this.compounds);
    const frames = english ? new Set<Token>() : agreementFrames(tokens);
    for (const tok of tokens) this.addToken(q, tok, english, frames.has(tok));
    this.addAges(q, tokens);
    this.addThesaurus(q);
    this.addSynonyms(q);
    return { tokens, english, terms: q.build(), groups: q.groups };
  }

  private addToken(q: QueryBuilder, tok: Token, english: boolean, frame: boolean): void {
    if (INTENT_WORDS.has(tok.word)) q.add(tok.word, INTENT_WEIGHT, -1);
    if (frame) {
      q.every.push({ stem: stem(tok.word), group: -1 });
      q.add(stem(tok.word), INTENT_WEIGHT, -1);
      return;
    }
    const gloss = english ? ENGLISH_GLOSSARY.get(tok.word) : undefined;
    const swedish = gloss ? words(gloss).filter((w) => !isNoise(w)) : [];
    const unknown = !this.vocabulary.has(tok.word);
    // An off-topic word ("lön", "semester") is never a typo of a stop word: it is what the question is about.
    const noise =
      isNoise(tok.word) ||
      (gloss !== undefined && swedish.length === 0) ||
      (!gloss &&
        unknown &&
        !this.thesaurusWords.has(tok.word) &&
        isStopWordTypo(tok.word) &&
        !isOffTopicWord(tok.word));
    const group = q.groups.length;
    q.every.push({ stem: stem(tok.word), group: noise ? -1 : group });
    if (noise) return;

    if (gloss) {
      q.groups.push({ word: tok.word, head: stem(swedish[0]), position: tok.position });
      swedish.forEach((w, i) =>
        q.content.push({ stem: q.addTyped(w, i === 0 ? GLOSSARY_WEIGHT : GLOSSARY_WEIGHT * 0.8, group), group }),
      );
      // English words also occur in the entries' English phrasings.
      q.add(stem(tok.word), ENGLISH_AS_TYPED_WEIGHT, group, { credit: ENGLISH_AS_TYPED_CREDIT });
      return;
    }
    // A word the base does not know is searched as typed (fuzzily) and as corrected.
    const corrected = unknown ? this.speller.correct(tok.word) : null;
    q.groups.push({ word: tok.word, head: stem(corrected ?? tok.word), position: tok.position });
    const typed = q.addTyped(tok.word, 1, group);
    const s = corrected ? q.addStandIn(corrected, SPELLING_WEIGHT, SPELLING_CREDIT, [group]) : typed;
    q.content.push({ stem: s, group });
  }

  /** Ages ("en 17-åring", "78 år", "fyller 18") become the age groups the agreement talks about. */
  private addAges(q: QueryBuilder, tokens: Token[]): void {
    tokens.forEach((tok, i) => {
      if (!/^\d{1,3}$/.test(tok.word)) return;
      const next = tokens[i + 1]?.word ?? "";
      const prev = tokens[i - 1]?.word ?? "";
      // "78 år", "en 17-åring", "fyller 18", and "hen är 17" (är and år both fold to "ar").
      if (!/^ar(ing|ingen|ig|iga|s|sald\w*)?$/.test(next) && !/^fyll/.test(prev) && prev !== "ar") return;
      const group = q.groups.findIndex((g) => g.word === tok.word);
      if (group < 0) return;
      for (const w of words(ageWords(Number(tok.word)))) q.addStandIn(w, THESAURUS_WEIGHT, THESAURUS_CREDIT, [group]);
    });
  }

  private addThesaurus(q: QueryBuilder): void {
    const stems = q.every.map((x) => x.stem);
    for (const t of this.thesaurus) {
      const at = findRun(stems, t.from);
      if (at < 0) continue;
      const covered = q.every
        .slice(at, at + t.from.length)
        .map((x) => x.group)
        .filter((g) => g >= 0);
      for (const w of t.to) q.addStandIn(w, THESAURUS_WEIGHT, THESAURUS_CREDIT, covered.length > 0 ? covered : [-1]);
    }
  }

  /** Abbreviation ⇄ expansion from the term entries ("SIP" ⇄ "samordnad individuell plan"). */
  private addSynonyms(q: QueryBuilder): void {
    const stems = q.content.map((x) => x.stem);
    for (const syn of this.synonyms) {
      for (const form of syn.forms) {
        const at = findRun(stems, form);
        if (at < 0) continue;
        const covered = q.content.slice(at, at + form.length).map((x) => x.group);
        for (const other of syn.forms) {
          if (other === form) continue;
          const w = SYNONYM_WEIGHT / Math.sqrt(other.length);
          // One word of a long expansion ("beroende" of "Beroende i Västmanland") also occurs in
          // unrelated text ("beroende på tema"), so alone it earns only part of the word's credit.
          const credit = other.length >= 2 ? EXPANSION_WORD_CREDIT : 1;
          for (const s of other) for (const g of covered) q.add(s, w, g, { credit });
        }
        break;
      }
    }
  }
}

/** Mentions of the agreement or of the asker's own workplace that only frame the question (see AGREEMENT_WORDS, OWN_WORKPLACE_WORDS). */
function agreementFrames(tokens: Token[]): Set<Token> {
  const frames = new Set(
    tokens.filter(
      (t, i) =>
        i > 0 &&
        ((AGREEMENT_WORDS.has(t.word) && AGREEMENT_FRAME_BEFORE.has(tokens[i - 1].word)) ||
          (OWN_WORKPLACE_WORDS.has(t.word) && OWN_WORKPLACE_BEFORE.has(tokens[i - 1].word))),
    ),
  );
  const other = tokens.some((t) => !frames.has(t) && !isNoise(t.word) && !INTENT_WORDS.has(t.word));
  return other ? frames : new Set();
}

function isNoise(word: string): boolean {
  return (word.length < 2 && !/\d/.test(word)) || isStopWord(word);
}

// Function words spelt alike in both languages once å/ä/ö are folded ("för" → for, "åt" → at,
// "än" → an) or plain Swedish words ("in", "by", "men"): no evidence either way.
const AMBIGUOUS = new Set("i in for at an by be get got must so no he me all and men man dit under".split(" "));
// Glossary keys that are also Swedish words of the agreement ("plan", "region", "risk").
const SHARED_WITH_SWEDISH = new Set(
  "adhd autism depression forum information organisation person plan region regional risk service social".split(" "),
);

function englishWord(w: string): boolean {
  if (AMBIGUOUS.has(w) || SHARED_WITH_SWEDISH.has(w)) return false;
  return ENGLISH_FUNCTION_WORDS.has(w) || ENGLISH_GLOSSARY.has(w);
}

function swedishWord(w: string): boolean {
  return !AMBIGUOUS.has(w) && !ENGLISH_FUNCTION_WORDS.has(w) && isStopWord(w);
}

/**
 * A question word ("who", "what") is the surest sign, but staff also type English as bare keywords
 * ("violence screening questions", "gambling treatment responsibility"): then most of the words
 * must be English words the glossary or the function-word list knows, and hardly any Swedish ones.
 */
function looksEnglish(tokens: Token[]): boolean {
  const markers = tokens.filter((t) => ENGLISH_MARKERS.has(t.word)).length;
  if (markers >= 2 || (markers === 1 && tokens.length > 0 && ENGLISH_MARKERS.has(tokens[0].word))) return true;
  const content = tokens.filter((t) => !t.acronym && !/\d/.test(t.word));
  const english = content.filter((t) => englishWord(t.word)).length;
  const swedish = content.filter((t) => swedishWord(t.word)).length;
  return english >= 2 && english >= 0.6 * content.length && swedish * 3 <= english;
}
