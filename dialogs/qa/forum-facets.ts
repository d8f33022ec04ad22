import type { KbEntry } from "../../data/kb/schema";
import type { Token } from "./text";

/** A detail of a forum that a question can ask for and that a forum entry may lack. */
export type AskedFacet = "frequency";

/**
 * "Hur ofta träffas Chefsforum?", "hur många gånger per år möts BUS-gruppen": a question about how
 * often a forum meets. Only with a meeting verb or noun, so "hur ofta följs analyserna upp i
 * Chefsforum" (how often something is followed up there) is not one.
 */
export function askedFacet(tokens: readonly Token[]): AskedFacet | undefined {
  const text = ` ${tokens.map((t) => t.word).join(" ")} `;
  const often = /\b(hur ofta|hur manga ganger|hur manga moten|how often)\b/.test(text);
  const meets = /\b(traffas|motes|mots|ses|sammantrader|moten|mote|meet|meets|meeting|meetings)\b/.test(text);
  return often && meets ? "frequency" : undefined;
}

/** The names a forum goes by: its title before a dash or parenthesis, each of "A/B" apart. */
export function forumNames(entry: KbEntry): string[] {
  if (entry.kind !== "forum") return [];
  return entry.title
    .split(/\s+[–-]\s+|\s*\(/)[0]
    .split("/")
    .map((n) => n.trim())
    .filter((n) => n.length >= 2);
}

/**
 * The one forum a question names, by the content stems of its names; a name inside a longer named
 * one ("Chefsforum" in "Chefsforum barn och unga") gives way to it. Undefined when none or several.
 */
export function namedForum(stems: ReadonlySet<string>, names: ReadonlyMap<string, string[][]>): string | undefined {
  const hits: { id: string; name: string[] }[] = [];
  for (const [id, list] of names) {
    const best = list.filter((n) => n.every((st) => stems.has(st))).sort((a, b) => b.length - a.length)[0];
    if (best) hits.push({ id, name: best });
  }
  const kept = hits.filter(
    (h) => !hits.some((o) => o !== h && o.name.length > h.name.length && h.name.every((st) => o.name.includes(st))),
  );
  return kept.length === 1 ? kept[0].id : undefined;
}
