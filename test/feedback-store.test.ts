import { createLogger } from "../core/logger";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { FeedbackStore, type ReviewDoc } from "../data/feedback";
import { groupReviews } from "../dialogs/admin/review-queue";

const ASKER = "0123456789abcdef0123456789abcdef";

describe("FeedbackStore review queue on the embedded Cosmos server", () => {
  let store: CosmosStore;
  let feedback: FeedbackStore;
  let tick = Date.parse("2025-03-01T08:00:00Z");

  beforeAll(async () => {
    store = await openCosmos(
      { databaseId: `feedback-${Date.now()}-${Math.round(Math.random() * 1e6)}` },
      createLogger("silent"),
    );
    // Each document one second newer than the last, so "newest first" is well defined.
    feedback = new FeedbackStore(store.containers.feedback, () => new Date((tick += 1000)));
  });
  afterAll(() => store.close());

  it("stores queued votes off the turn, reads and erasure see them, invalid ones throw and store nothing", async () => {
    const asker = "fedcba9876543210fedcba9876543210";
    await feedback.queueFeedback({ entryId: "term-sip", vote: "down", question: "Köad fråga?", asker, kbVersion: 1 });
    await feedback.queueUnanswered({
      question: "Köad avböjd fråga?",
      outcome: "decline",
      reason: "no-match",
      confidence: 0,
      offered: [],
      asker,
      kbVersion: 1,
    });
    expect(await feedback.countByAsker([asker])).toBe(2);
    await expect(
      feedback.queueFeedback({ entryId: "term-sip", vote: "down", question: "x", asker: "not-a-hash", kbVersion: 1 }),
    ).rejects.toThrow();
    expect(await feedback.countByAsker([asker, "not-a-hash"])).toBe(2);
    await feedback.queueFeedback({ entryId: "term-sip", vote: "up", question: "Sista?", asker, kbVersion: 1 });
    expect(await feedback.deleteByAsker([asker])).toBe(3);
  });

  it("keeps open items that more than 200 newer 👍 and reviewed items would have pushed out", async () => {
    const openQuestion = await feedback.addUnanswered({
      question: "Vem ansvarar för tolk vid SIP?",
      outcome: "decline",
      reason: "no-match",
      confidence: 0.1,
      offered: [],
      asker: ASKER,
      kbVersion: 1,
    });
    const openDown = await feedback.addFeedback({
      entryId: "term-sip",
      vote: "down",
      question: "Vad är SIP?",
      asker: ASKER,
      kbVersion: 1,
    });
    const newer: Promise<ReviewDoc>[] = [];
    for (let i = 0; i < 210; i++) {
      newer.push(
        feedback.addFeedback({
          entryId: "term-sip",
          vote: "up",
          question: `Vad är SIP ${i}?`,
          asker: ASKER,
          kbVersion: 1,
        }),
      );
      newer.push(
        feedback.addUnanswered({
          question: `Fråga ${i} om väder`,
          outcome: "decline",
          reason: "out-of-scope",
          confidence: 0,
          offered: [],
          asker: ASKER,
          kbVersion: 1,
        }),
      );
    }
    const docs = await Promise.all(newer);
    const reviewed = docs.filter((d) => d.kind === "unanswered").map((d) => ({ kind: d.kind, id: d.id }));
    expect(await feedback.markReviewed(reviewed)).toBe(210);

    const unanswered = await feedback.openForReview("unanswered", 200);
    const down = await feedback.openForReview("feedback", 200);
    expect(unanswered.map((d) => d.id)).toEqual([openQuestion.id]);
    expect(down.map((d) => d.id)).toEqual([openDown.id]);
    const groups = groupReviews([...unanswered, ...down]);
    expect(groups.flatMap((g) => g.items.map((i) => i.id)).sort()).toEqual([openQuestion.id, openDown.id].sort());
  });

  it("lists open items newest first and respects the limit", async () => {
    const a = await feedback.addFeedback({
      entryId: "term-biv",
      vote: "down",
      question: "Vad är BIV?",
      asker: ASKER,
      kbVersion: 1,
    });
    const b = await feedback.addFeedback({
      entryId: "term-vus",
      vote: "down",
      question: "Vad är VuS?",
      asker: ASKER,
      kbVersion: 1,
    });
    expect((await feedback.openForReview("feedback", 2)).map((d) => d.id)).toEqual([b.id, a.id]);
  });
});
