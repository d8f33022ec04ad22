import { adminText as t } from "../../core/strings";
import { adminReviewCard } from "../../cards/admin-cards";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";
import { groupReviews } from "./review-queue";
import { ReviewItems } from "./submissions";

/** One card's worth; the rest come up as these are answered or dismissed. */
const MAX_REVIEW_GROUPS = 15;
/** Open items read per kind (newest first) before grouping, so one review is one bounded query each. */
const REVIEW_DEPTH = 200;

/** The review queue: unanswered questions and 👎, grouped by similar question, and dismissing them. */
export class FeedbackReview {
  constructor(private readonly deps: Pick<AdminDialogDeps, "feedback" | "knowledge" | "moreReview">) {}

  async show(): Promise<Reply[]> {
    const [unanswered, feedback] = await Promise.all([
      this.deps.feedback.openForReview("unanswered", REVIEW_DEPTH),
      this.deps.feedback.openForReview("feedback", REVIEW_DEPTH),
    ]);
    const groups = groupReviews([...unanswered, ...feedback]).slice(0, MAX_REVIEW_GROUPS);
    const engine = this.deps.knowledge.engine;
    const lines = groups.map((g) => `${g.question ?? t.review.hiddenQuestion} (${t.review.group(g.count, g.people)})`);
    const more = await this.deps.moreReview?.();
    return [
      {
        text: [t.review.title, ...(groups.length ? lines : [t.review.empty])].join("\n"),
        card: adminReviewCard(groups, (id) => engine.entry(id)?.title),
      },
      ...(more ? [more] : []),
    ];
  }

  async dismiss(items: string): Promise<Reply[]> {
    const n = await this.markReviewed(items);
    return textReply(t.review.dismissed(n));
  }

  /** `items` comes back from a card: an unreadable list marks nothing. */
  async markReviewed(items: string): Promise<number> {
    const parsed = ReviewItems.safeParse(items);
    if (!parsed.success) return 0;
    return this.deps.feedback.markReviewed(parsed.data);
  }
}
