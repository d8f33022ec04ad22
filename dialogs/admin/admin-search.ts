import { adminText as t } from "../../core/strings";
import { adminEntryCard, adminHomeCard } from "../../cards/admin-cards";
import type { KnowledgeEntryDoc } from "../../data/kb/knowledge-docs";
import { fold } from "../qa/text";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";

/** Longer lists make a long card to scroll; the title says how many matched, so the admin can narrow the search. */
export const MAX_RESULTS = 15;

/**
 * Entries that contain every word of the query (id, title, phrasings or answer, accents folded),
 * those with more of the words in their id or title first, then by title. An empty query matches all.
 */
export function searchEntries(
  docs: KnowledgeEntryDoc[],
  query: string,
  max = MAX_RESULTS,
): { shown: KnowledgeEntryDoc[]; total: number } {
  const words = fold(query)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  const matches = docs
    .map((d) => {
      const title = fold(`${d.id} ${d.entry.title}`);
      const body = fold(`${d.entry.phrasings.join(" ")} ${d.entry.answer}`);
      if (!words.every((w) => title.includes(w) || body.includes(w))) return undefined;
      return { d, score: words.filter((w) => title.includes(w)).length };
    })
    .filter((x): x is { d: KnowledgeEntryDoc; score: number } => x !== undefined)
    .sort((a, b) => b.score - a.score || a.d.entry.title.localeCompare(b.d.entry.title, "sv"));
  return { shown: matches.slice(0, max).map((x) => x.d), total: matches.length };
}

/** Finding an entry from the admin home card and opening it. */
export class AdminSearch {
  constructor(private readonly deps: Pick<AdminDialogDeps, "editor">) {}

  home(): Reply[] {
    return [{ text: t.home.title, card: adminHomeCard("", undefined) }];
  }

  async search(query: string): Promise<Reply[]> {
    const { shown, total } = searchEntries(await this.deps.editor.all(), query);
    return [{ text: t.home.resultsTitle(query, shown.length, total), card: adminHomeCard(query, shown, total) }];
  }

  async open(id: string): Promise<Reply[]> {
    const found = await this.deps.editor.get(id);
    if (!found) return textReply(t.entry.notFound(id));
    return [{ text: `${found.doc.entry.title} (${found.doc.id})`, card: adminEntryCard(found.doc, found.etag) }];
  }
}
