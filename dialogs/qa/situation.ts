import { COMBINED_FACETS, FACETS, type FacetKind } from "./situation-lexicon";
import type { Token } from "./text";

export interface Facet {
  name: string;
  kind: FacetKind | "combined";
  /** The agreement's words for it. */
  words: string;
  /** Positions of the question tokens that raised it. */
  positions: number[];
}

/** What a question tells about the situation behind it: who asks, who the person is, what happens, what is asked. */
export interface Situation {
  facets: Facet[];
  /**
   * Positions of the tokens that tell the case (a person or an event; not the asker's profession,
   * which is mostly the story's frame): these words are the case, not idle story.
   */
  cuePositions: ReadonlySet<number>;
}

interface Pattern {
  facet: number;
  parts: { text: string; prefix: boolean }[];
}

const PATTERNS: Pattern[] = FACETS.flatMap((f, facet) =>
  f.triggers.map((t) => ({
    facet,
    parts: t
      .split(" ")
      .map((p) => (p.endsWith("*") ? { text: p.slice(0, -1), prefix: true } : { text: p, prefix: false })),
  })),
);
/** Patterns by their first word (exact) and by prefix, for a quick scan. */
const BY_FIRST = new Map<string, Pattern[]>();
const PREFIXED: Pattern[] = [];
for (const p of PATTERNS) {
  if (p.parts[0].prefix) PREFIXED.push(p);
  else {
    const list = BY_FIRST.get(p.parts[0].text) ?? [];
    list.push(p);
    BY_FIRST.set(p.parts[0].text, list);
  }
}

const matches = (part: { text: string; prefix: boolean }, word: string | undefined) =>
  word !== undefined && (part.prefix ? word.startsWith(part.text) : word === part.text);

// "vilken roll spelar vårdcentralen": playing a role is no gambling.
const ROLE = new Set(["roll", "rollen", "nagon", "ingen", "stor"]);

/** Finds the situation's facets in the tokens of a question. Cheap: one pass over the tokens. */
export function analyzeSituation(tokens: readonly Token[]): Situation {
  const found = new Map<number, Set<number>>();
  for (let i = 0; i < tokens.length; i++) {
    const candidates = [...(BY_FIRST.get(tokens[i].word) ?? []), ...PREFIXED];
    for (const p of candidates) {
      if (!p.parts.every((part, k) => matches(part, tokens[i + k]?.word))) continue;
      if (FACETS[p.facet].name === "spel" && isAboutARole(tokens, i)) continue;
      const at = found.get(p.facet) ?? new Set<number>();
      for (let k = 0; k < p.parts.length; k++) at.add(i + k);
      found.set(p.facet, at);
    }
  }
  const facets: Facet[] = [...found.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, at]) => ({
      name: FACETS[i].name,
      kind: FACETS[i].kind,
      words: FACETS[i].words,
      positions: [...at].sort((a, b) => a - b),
    }));
  for (const c of COMBINED_FACETS) {
    const parts = c.all.map((n) => facets.find((f) => f.name === n));
    if (parts.every((p) => p !== undefined))
      facets.push({ name: c.name, kind: "combined", words: c.words, positions: parts.flatMap((p) => p!.positions) });
  }
  const cuePositions = new Set(
    facets.filter((f) => f.kind === "person" || f.kind === "event").flatMap((f) => f.positions),
  );
  return { facets, cuePositions };
}

function isAboutARole(tokens: readonly Token[], i: number): boolean {
  for (let k = Math.max(0, i - 2); k <= Math.min(tokens.length - 1, i + 3); k++)
    if (k !== i && ROLE.has(tokens[k].word) && (tokens[k].word === "roll" || tokens[k].word === "rollen")) return true;
  return false;
}
