import type { KbEntry } from "../../data/kb/schema";

/** The searchable text of one entry, split into fields that are boosted differently. */
export interface IndexDocument {
  id: string;
  title: string;
  /** What the entry is about by name: the term, its expansion and synonyms, the topic. */
  keys: string;
  phrasings: string;
  /** The situations the entry applies to ("Gäller i situationer"). */
  cues: string;
  section: string;
  body: string;
}

export const FIELDS = ["title", "keys", "phrasings", "cues", "section", "body"] as const;
export type Field = (typeof FIELDS)[number];

export function toIndexDocument(e: KbEntry): IndexDocument {
  const keys: string[] = [];
  const extra: string[] = [];
  switch (e.kind) {
    case "term":
      keys.push(e.term, e.expansion, ...e.synonyms);
      break;
    case "responsibility":
      keys.push(e.topic);
      break;
    case "forum":
      extra.push(...e.members, e.convenor ?? "", e.frequency ?? "", e.mandate ?? "", ...e.tasks);
      break;
    case "routine":
      extra.push(e.appliesWhen);
      break;
    case "decision":
      extra.push(e.decidedBy);
      break;
    default:
      break;
  }
  const sections = [e.source, ...e.alsoSources].map((s) => s.section.replace(/>/g, " "));
  const duties = e.responsibilities.map((r) => `${r.actor} ${r.duty}${r.cost ? " kostnadsansvar" : ""}`);
  return {
    id: e.id,
    title: e.title,
    keys: keys.join(" \n "),
    phrasings: e.phrasings.join(" \n "),
    cues: e.cues.join(" \n "),
    section: sections.join(" \n "),
    body: [e.answer, ...duties, ...extra].filter(Boolean).join(" \n "),
  };
}
