import { newStemmer } from "snowball-stemmers";

const snowball = newStemmer("swedish");
const cache = new Map<string, string>();

/**
 * Snowball Swedish stem of an already folded word, normalised where Snowball leaves forms of one
 * word apart:
 * - the definite "-et" is kept ("kostnadsansvaret" vs "kostnadsansvar", "mötet" vs "möte");
 * - definite "-n" after "-i"/"-a" is kept ("vuxenpsykiatrin", "hälsan", "samverkan");
 * - "-s" is dropped from "insats" but kept in "insatser" → "insats", and "-ar" is dropped from
 *   "ansvar" but kept in "ansvarar" → "ansvar";
 * - action nouns in "-ing" are stemmed to their verb ("revidering" → "revider", like "revideras");
 * - final double consonants are undoubled only inside Snowball's R1 ("rätten" → "ratt" but
 *   "förvaltningsrätten" → "forvaltningsrat"), so we always undouble.
 * Folding happens before stemming, so "hälsa" and "halsa" get the same stem.
 */
export function stem(folded: string): string {
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  const hit = cache.get(folded);
  if (hit !== undefined) return hit;
  let s = snowball.stem(folded);
  if (folded.length >= 5 && folded.endsWith("et") && s.endsWith("et")) s = snowball.stem(folded.slice(0, -2));
  else if (s.length >= 6 && /[ia]n$/.test(s)) s = snowball.stem(s.slice(0, -1));
  if (s.length >= 5 && /[bcdfghjklmnoprtvy]s$/.test(s)) s = s.slice(0, -1);
  else if (s.length >= 6 && s.endsWith("ar")) s = s.slice(0, -2);
  // Action nouns meet their verbs: "revidering"/"revideras", "behandling"/"behandla",
  // "uppföljning"/"följa upp" (uppfölj), "betalning"/"betala".
  if (s.length >= 7 && s.endsWith("ing")) {
    s = s.slice(0, -3);
    if (/[lj]n$/.test(s)) s = s.slice(0, -1);
  }
  s = s.replace(/([bcdfghjklmnpqrstvwxz])\1$/, "$1");
  if (cache.size > 50_000) cache.clear();
  cache.set(folded, s);
  return s;
}
