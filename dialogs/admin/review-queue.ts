import type { ReviewDoc } from "../../data/feedback";
import type { ReviewGroup } from "../../cards/admin-cards";
import { Analyzer } from "../qa/analyzer";

// The admins' review queue: unanswered questions and 👎 on answers, newest first, grouped by
// similar question. Similarity uses the question answering's own analysis (folding, stop words,
// Snowball stemming), so "Vem betalar HVB?" and "vem betalar hvb-placeringen" land together.

/** Share of content stems two questions must have in common to be grouped. */
const SIMILARITY = 0.6;

const analyzer = new Analyzer([]);

function questionStems(question: string): Set<string> {
  return new Set(analyzer.contentStems(question));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Open items (status "new") that belong in the queue: every unanswered question and every 👎. */
function openItems(docs: ReviewDoc[]): ReviewDoc[] {
  return docs.filter((d) => d.status === "new" && (d.kind === "unanswered" || d.vote === "down"));
}

/** Groups open items, newest group first; each item joins the first group it is similar enough to. */
export function groupReviews(docs: ReviewDoc[]): ReviewGroup[] {
  const sorted = openItems(docs).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const groups: { stems: Set<string>; group: ReviewGroup; askers: Set<string>; entries: Map<string, number> }[] = [];
  for (const d of sorted) {
    const stems = d.question ? questionStems(d.question) : new Set<string>();
    let target = d.question
      ? groups.find((g) => g.group.question !== null && similarity(g.stems, stems) >= SIMILARITY)
      : groups.find((g) => g.group.question === null);
    if (!target) {
      target = {
        stems,
        askers: new Set(),
        entries: new Map(),
        group: {
          question: d.question,
          latestAt: d.createdAt,
          count: 0,
          people: 0,
          unanswered: 0,
          suggested: 0,
          thumbsDown: 0,
          entryIds: [],
          items: [],
        },
      };
      groups.push(target);
    }
    const g = target.group;
    g.count++;
    target.askers.add(d.asker);
    g.people = target.askers.size;
    g.items.push({ kind: d.kind, id: d.id });
    const ids = d.kind === "feedback" ? [d.entryId] : d.offered.slice(0, 1);
    if (d.kind === "feedback") g.thumbsDown++;
    else if (d.outcome === "suggest") g.suggested++;
    else g.unanswered++;
    for (const id of ids) target.entries.set(id, (target.entries.get(id) ?? 0) + 1);
    g.entryIds = [...target.entries.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }
  return groups.map((g) => g.group);
}
