import { stem } from "./stem";
import { isStopWord } from "./stopwords";
import { fold } from "./text";

// Domain words that should split compounds even when the knowledge base happens not to use them
// on their own ("samverkansrutin" needs "rutin", "hälsoundersökning" needs "undersökning").
const BASE_LEXICON = `
ansvar kostnad vård plan rutin möte grupp hem stöd insats insatser behandling boende placering tjänst
social psykiatri vuxen barn ung unga äldre hälsa sjukvård sjuk undersökning uppföljning ledning forum
region kommun kommunal skola elev familj anhörig beroende bruk missbruk spel alkohol narkotika drog test
prov samverkan samordning samordnad överenskommelse avtal beslut nämnd rätt domstol förvaltning polis
kriminalvård arbete sysselsättning bostad ekonomi medel läkemedel mottagning central primärvård
team personal chef politik strategi mål indikator analys rapport läge uppdrag mandat riktlinje
process information utbildning kompetens resurs behov individ person brukare patient klient
styr styra dokument handbok handling
`;

// Derivational endings that look like words of their own but never are a compound's tail.
const NOT_A_TAIL = new Set(
  "het heten heter ning ningen ande ende andet else elsen skap skapet lig liga ligt isk iska iskt are arna erna orna ares ing ingar".split(
    " ",
  ),
);

// Prefixes that happen to be words or abbreviations in the base but are no compound's first part
// ("samtycke" is not sam + tycke).
const NOT_A_HEAD = new Set(["sam", "van", "ans", "ova", "for", "till", "under", "mot", "inte"]);

const MIN_PART = 3;
const MIN_WORD = 6;

/**
 * Splits Swedish compounds into parts known from a vocabulary ("kostnadsansvaret" → kostnad + ansvar,
 * "hälsoundersökning" → hälsa + undersökning), handling the linking -s- and the -a/-o/-e/-u stem
 * variants of the first part. Returns the stems of the parts, or null when the word is not a
 * compound of known parts.
 */
export class CompoundSplitter {
  private readonly words = new Set<string>();
  private readonly stems = new Set<string>();
  private readonly cache = new Map<string, string[] | null>();

  /** @param vocabulary folded words of the knowledge base */
  constructor(vocabulary: Iterable<string>) {
    for (const w of [...vocabulary, ...BASE_LEXICON.split(/\s+/).filter(Boolean).map(fold)]) {
      if (w.length < MIN_PART || isStopWord(w) || /\d/.test(w)) continue;
      this.words.add(w);
      const s = stem(w);
      if (s.length >= MIN_PART) this.stems.add(s);
    }
  }

  split(word: string): string[] | null {
    if (word.length < MIN_WORD || /\d/.test(word)) return null;
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const parts = this.splitRec(word, 0);
    this.cache.set(word, parts);
    return parts;
  }

  private splitRec(word: string, depth: number): string[] | null {
    if (depth > 3) return null;
    // Longest head first: "samverkansrutin" is samverkan+s + rutin, not sam + verkansrutin.
    for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
      const head = this.knownHead(word.slice(0, i));
      if (!head) continue;
      const tail = word.slice(i);
      if (this.knownTail(tail)) return [head, stem(tail)];
      if (tail.length >= MIN_WORD) {
        const rest = this.splitRec(tail, depth + 1);
        if (rest) return [head, ...rest];
      }
    }
    return null;
  }

  /** The stem of a first part, allowing linking forms: kostnad-s-, hälso- (hälsa), skol- (skola). */
  private knownHead(head: string): string | null {
    // A function word is no first part, not even with a linking vowel added: "för" + e is "före",
    // which would split "fördelaktigt" into före + delaktigt.
    if (isStopWord(head) || NOT_A_HEAD.has(head)) return null;
    const candidates = [head];
    if (head.endsWith("s")) candidates.push(head.slice(0, -1));
    if (/[oeu]$/.test(head)) candidates.push(head.slice(0, -1) + "a", head.slice(0, -1));
    candidates.push(head + "a", head + "e");
    for (const c of candidates) {
      if (c.length < MIN_PART || isStopWord(c) || NOT_A_HEAD.has(c)) continue;
      if (this.words.has(c)) return stem(c);
    }
    return null;
  }

  private knownTail(tail: string): boolean {
    if (tail.length < MIN_PART || NOT_A_TAIL.has(tail) || isStopWord(tail)) return false;
    if (this.words.has(tail)) return true;
    // An inflected tail must keep a stem of some length: "kommelse" → "kom" is no part of "överenskommelse".
    const s = stem(tail);
    return s.length > MIN_PART && this.stems.has(s);
  }
}
