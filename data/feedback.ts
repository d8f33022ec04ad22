import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { EntryId } from "./kb/schema";
import { ConflictError } from "./errors";
import { Repository } from "./repository";
import { BackgroundWrites } from "../core/background-writes";

// Documents of the `feedback` container (partition key /kind): the admins' review queue
// lists one kind at a time, newest first, so every query names its kind in WHERE.
//
// Pseudonymous: `asker` is a keyed hash of tenant + user (core/pseudonym.ts), never a raw Teams or
// Entra id, so the queue can tell "one person asked five times" from "five people asked" and
// nothing more.

const common = {
  id: z.string().uuid(),
  createdAt: z.string().datetime({ offset: true }),
  asker: z.string().regex(/^[0-9a-f]{32}$/, "keyed hash"),
  /** Review state for the admins' queue. */
  status: z.enum(["new", "reviewed"]).default("new"),
  /** Version of the knowledge base that produced the answer. */
  kbVersion: z.number().int().min(0),
};

export const FeedbackDoc = z.object({
  ...common,
  kind: z.literal("feedback"),
  entryId: EntryId,
  vote: z.enum(["up", "down"]),
  /** The question the answer was given to, as the user typed it. */
  question: z.string().max(600),
});

export const UnansweredDoc = z.object({
  ...common,
  kind: z.literal("unanswered"),
  /** Null for requests about an individual: those may name a person and are not kept. */
  question: z.string().max(600).nullable(),
  /** "decline" (no answer given) or "suggest" (best guess plus "Menade du…?"). */
  outcome: z.enum(["decline", "suggest"]),
  reason: z.enum(["no-match", "out-of-scope", "individual", "low-confidence"]),
  confidence: z.number().min(0).max(1),
  /** The entries offered, best first. */
  offered: z.array(EntryId).max(4),
});

export const ReviewDoc = z.discriminatedUnion("kind", [FeedbackDoc, UnansweredDoc]);
export type ReviewDoc = z.infer<typeof ReviewDoc>;
export type ReviewKind = ReviewDoc["kind"];
export type FeedbackInput = Omit<z.input<typeof FeedbackDoc>, "id" | "createdAt" | "kind" | "status">;
export type UnansweredInput = Omit<z.input<typeof UnansweredDoc>, "id" | "createdAt" | "kind" | "status">;

/** Feedback on answers and questions the bot could not answer well, for the admins' review queue. */
export class FeedbackStore {
  private readonly repo: Repository<typeof ReviewDoc>;

  constructor(
    container: Container,
    private readonly now: () => Date = () => new Date(),
    /** Where queueFeedback/queueUnanswered write; every read waits for them first. */
    private readonly writes: BackgroundWrites = new BackgroundWrites(),
  ) {
    this.repo = new Repository(container, ReviewDoc, (d) => d.kind);
  }

  private docOf(input: FeedbackInput | UnansweredInput, kind: ReviewKind): ReviewDoc {
    return ReviewDoc.parse({ ...input, kind, id: randomUUID(), createdAt: this.now().toISOString() });
  }

  async addFeedback(input: FeedbackInput): Promise<ReviewDoc> {
    return (await this.repo.create(this.docOf(input, "feedback"))).doc;
  }

  async addUnanswered(input: UnansweredInput): Promise<ReviewDoc> {
    return (await this.repo.create(this.docOf(input, "unanswered"))).doc;
  }

  /**
   * Validates the vote now (invalid input throws, nothing is stored) and stores it in the background:
   * the turn answers without waiting for the round trip.
   */
  async queueFeedback(input: FeedbackInput): Promise<void> {
    const doc = this.docOf(input, "feedback");
    await this.writes.run("feedback", () => this.repo.create(doc));
  }

  /** As queueFeedback, for a question the bot declined or only guessed at. */
  async queueUnanswered(input: UnansweredInput): Promise<void> {
    const doc = this.docOf(input, "unanswered");
    await this.writes.run("unanswered", () => this.repo.create(doc));
  }

  /** The newest documents of one kind, newest first. */
  async newest(kind: ReviewKind, limit = 50): Promise<ReviewDoc[]> {
    await this.writes.idle();
    const rows = await this.repo.query(
      "SELECT TOP @limit * FROM c WHERE c.kind = @kind ORDER BY c.createdAt DESC",
      [
        { name: "@kind", value: kind },
        { name: "@limit", value: limit },
      ],
      kind,
    );
    return rows.map((r) => r.doc);
  }

  /**
   * The newest items still waiting in the admins' review queue: status "new", and for feedback only
   * 👎. Filtered in the query, not afterwards, so a burst of 👍 or reviewed items cannot push open
   * ones past the limit.
   */
  async openForReview(kind: ReviewKind, limit = 200): Promise<ReviewDoc[]> {
    await this.writes.idle();
    const votes = kind === "feedback" ? " AND c.vote = 'down'" : "";
    const rows = await this.repo.query(
      `SELECT TOP @limit * FROM c WHERE c.kind = @kind AND c.status = 'new'${votes} ORDER BY c.createdAt DESC`,
      [
        { name: "@kind", value: kind },
        { name: "@limit", value: limit },
      ],
      kind,
    );
    return rows.map((r) => r.doc);
  }

  /** Retention: deletes feedback and unanswered questions stored before `before`; returns how many. */
  async purgeBefore(before: Date): Promise<number> {
    await this.writes.idle();
    let deleted = 0;
    for (const kind of ["feedback", "unanswered"] as const)
      deleted += await this.repo.deleteWhere(
        "SELECT * FROM c WHERE c.kind = @kind AND c.createdAt < @before",
        [
          { name: "@kind", value: kind },
          { name: "@before", value: before.toISOString() },
        ],
        kind,
      );
    return deleted;
  }

  /** How many documents are stored under these pseudonyms (for the erasure card). */
  async countByAsker(askers: string[]): Promise<number> {
    await this.writes.idle();
    let total = 0;
    for (const kind of ["feedback", "unanswered"] as const)
      total += (
        await this.repo.query(
          "SELECT * FROM c WHERE c.kind = @kind AND ARRAY_CONTAINS(@askers, c.asker)",
          [
            { name: "@kind", value: kind },
            { name: "@askers", value: askers },
          ],
          kind,
        )
      ).length;
    return total;
  }

  /** Erasure: deletes everything stored under these pseudonyms (a person's, one per tenant); returns how many. */
  async deleteByAsker(askers: string[]): Promise<number> {
    await this.writes.idle();
    let deleted = 0;
    for (const kind of ["feedback", "unanswered"] as const)
      deleted += await this.repo.deleteWhere(
        "SELECT * FROM c WHERE c.kind = @kind AND ARRAY_CONTAINS(@askers, c.asker)",
        [
          { name: "@kind", value: kind },
          { name: "@askers", value: askers },
        ],
        kind,
      );
    return deleted;
  }

  /** Marks queue items reviewed (dismissed or answered by an admin); unknown ids are skipped. Returns how many changed. */
  async markReviewed(items: { kind: ReviewKind; id: string }[]): Promise<number> {
    await this.writes.idle();
    let changed = 0;
    for (const { kind, id } of items) {
      const found = await this.repo.read(id, kind);
      if (!found || found.doc.status === "reviewed") continue;
      try {
        await this.repo.replace({ ...found.doc, status: "reviewed" }, found.etag);
        changed++;
      } catch (err) {
        // Another admin reviewed it at the same moment: the outcome is the same.
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    return changed;
  }
}
