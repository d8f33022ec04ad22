import { escalationText } from "../../core/strings";
import type { KbEntry } from "../../data/kb/schema";
import { sharedAnswerCard } from "../../cards/share-cards";
import type { CardAttachment } from "../../core/types";
import type { QaEngine } from "../qa/qa-engine";

// The message extension's search: the compose box's query runs through the same engine as a question
// in chat, with the same privacy rule (no look-ups of individuals), and each hit inserts the answer card.

/** Teams asks for 25 results a page; more would not show anyway. */
export const MAX_PAGE = 25;
/** A search box query; a pasted text is cut here, like a question in chat. */
const MAX_QUERY_CHARS = 300;
/** Ranked candidates the engine hands back for one query (its re-ranking depth is 20). */
const SEARCH_DEPTH = 50;
/** The one-line answer under a result's title. */
const PREVIEW_CHARS = 120;

export interface SearchRequest {
  text: string;
  skip?: number;
  count?: number;
}

export interface SearchHit {
  entryId: string;
  title: string;
  /** The first sentence of the answer, cut to one line. */
  preview: string;
  /** The full answer card with its source, inserted into the conversation. */
  card: CardAttachment;
}

export type SearchOutcome = { kind: "results"; hits: SearchHit[] } | { kind: "message"; text: string };

export interface KnowledgeSearchDeps {
  knowledge: { readonly engine: QaEngine };
  /** Entry ids, most asked first (may name entries that have since been retired). */
  mostAsked: () => Promise<string[]>;
}

/** The first sentence of an answer, at most one line long. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const sentence = flat.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? flat;
  if (sentence.length <= PREVIEW_CHARS) return sentence;
  const cut = sentence.slice(0, PREVIEW_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), PREVIEW_CHARS / 2))}…`;
}

function clampPage(skip: unknown, count: unknown): { skip: number; count: number } {
  const s = Number.isInteger(skip) && (skip as number) >= 0 ? Math.min(skip as number, 1000) : 0;
  const c = Number.isInteger(count) && (count as number) >= 1 ? Math.min(count as number, MAX_PAGE) : MAX_PAGE;
  return { skip: s, count: c };
}

export class KnowledgeSearch {
  constructor(private readonly deps: KnowledgeSearchDeps) {}

  async query(request: SearchRequest): Promise<SearchOutcome> {
    const { skip, count } = clampPage(request.skip, request.count);
    // Control characters and markup are just noise to the engine; nothing of the query is echoed back.
    const text = String(request.text ?? "")
      .replace(/\p{Cc}/gu, " ")
      .trim()
      .slice(0, MAX_QUERY_CHARS);
    const engine = this.deps.knowledge.engine;
    let entries: KbEntry[];
    if (!text) {
      entries = (await this.deps.mostAsked())
        .map((id) => engine.entry(id))
        .filter((e): e is KbEntry => e !== undefined);
    } else {
      const trace = engine.explain(text, SEARCH_DEPTH);
      if (trace.scope.kind === "individual") return { kind: "message", text: escalationText.search.individual };
      entries = trace.ranked.map((r) => engine.entry(r.id)).filter((e): e is KbEntry => e !== undefined);
    }
    const page = entries.slice(skip, skip + count);
    if (page.length === 0 && skip === 0) return { kind: "message", text: escalationText.search.none };
    return {
      kind: "results",
      hits: page.map((entry) => ({
        entryId: entry.id,
        title: entry.title,
        preview: oneLine(entry.answer),
        card: sharedAnswerCard(entry),
      })),
    };
  }
}
