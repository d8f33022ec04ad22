import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { escapeMarkdown } from "../core/markdown";
import { createApp, type App } from "../bot/app";
import type { FeedbackStore } from "../data/feedback";
import { adminReviewCard, adminAdminsCard, adminImportCard } from "../cards/admin-cards";
import { meetingCard, representationCard } from "../cards/meeting-cards";
import type { Meeting } from "../data/meetings/schema";
import { trustText } from "../core/strings";
import { TeamsTestClient, submitActions } from "./support/teams-client";

// User text on cards: shown as typed, never as live Markdown (a pasted link must not become a
// clickable link on an admin's screen); 👎 stores the question the bot answered, not whatever a
// client sends back; text with broken characters is refused.

const PHISH = "[Klicka här för att logga in](https://evil.example/login) **BRÅDSKANDE**";

/** Every text a card shows as Markdown (TextBlock text, FactSet values), anywhere in the card. */
function markdownTexts(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    const el = n as Record<string, any>;
    if (el.type === "TextBlock") out.push(String(el.text));
    if (el.type === "FactSet") for (const f of el.facts ?? []) out.push(String(f.title), String(f.value));
    for (const v of Object.values(el)) if (typeof v === "object") walk(v);
  };
  walk(node);
  return out;
}

/** A Markdown link or emphasis that is not escaped. */
const LIVE_MARKDOWN = /(?<!\\)\[[^\]]*(?<!\\)\]\(|(?<!\\)\*\*/;

describe("escaping user text", () => {
  it("escapes links, emphasis, lists and headings and leaves plain Swedish alone", () => {
    expect(escapeMarkdown(PHISH)).not.toMatch(LIVE_MARKDOWN);
    expect(escapeMarkdown("- punkt\n1. första\n# rubrik")).toBe("\\- punkt\n1\\. första\n\\# rubrik");
    expect(escapeMarkdown("Vem betalar HVB? Å, ä och ö (kommunen).")).toBe("Vem betalar HVB? Å, ä och ö (kommunen).");
  });

  it("review cards show the question as typed", () => {
    const card = adminReviewCard(
      [
        {
          question: PHISH,
          latestAt: "2026-01-01T10:00:00.000Z",
          count: 1,
          people: 1,
          unanswered: 1,
          suggested: 0,
          thumbsDown: 0,
          entryIds: [],
          items: [{ kind: "unanswered", id: "00000000-0000-4000-8000-000000000001" }],
        },
      ],
      () => undefined,
    );
    const texts = markdownTexts(card.content);
    expect(texts.some((t) => t.includes("Klicka här"))).toBe(true);
    for (const t of texts) expect(t).not.toMatch(LIVE_MARKDOWN);
  });

  it("meeting, representation, admin and import cards show names, places, themes and agendas as typed", () => {
    const meeting: Meeting = {
      id: "11111111-2222-4333-8444-555555555555",
      type: "meeting",
      groupId: "sala",
      start: "2027-03-29T07:00:00.000Z",
      durationMinutes: 60,
      place: PHISH,
      theme: PHISH,
      agenda: [PHISH],
      status: "planned",
      revision: 1,
      createdBy: "x",
      createdAt: "2027-03-01T07:00:00.000Z",
      updatedBy: "x",
      updatedAt: "2027-03-01T07:00:00.000Z",
    };
    const cards = [
      meetingCard(meeting, { title: "Påminnelse", rsvpOpen: true }),
      representationCard({
        title: "Representation",
        when: "i morgon",
        counts: "",
        missing: [],
        answers: [{ title: PHISH, value: PHISH }],
      }),
      adminAdminsCard(
        [],
        [
          {
            id: "x",
            kind: "admin",
            active: true,
            name: PHISH,
            addedBy: "y",
            addedByName: PHISH,
            addedAt: "2026-01-01T10:00:00.000Z",
          } as never,
        ],
        [],
      ),
      adminImportCard(
        "00000000-0000-4000-8000-000000000001",
        PHISH,
        { added: 1, changed: 0, retired: 0, unchanged: 0 },
        0,
      ),
    ];
    for (const card of cards) {
      const texts = markdownTexts(card.content);
      expect(texts.join("\n")).toContain("Klicka här");
      for (const t of texts) expect(t).not.toMatch(LIVE_MARKDOWN);
    }
  });
});

describe("👎 and broken text over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;
  let feedback: FeedbackStore;

  beforeAll(async () => {
    app = await createApp(loadConfig({ LOG_LEVEL: "silent" }), createLogger("silent"), { startScheduler: false });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    feedback = app.feedback;
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  const downVote = async (question: string) => {
    const { replies } = await client.say(question);
    return submitActions(replies[0].attachments[0].content).find((b) => b.data?.vote === "down")!.data;
  };

  it("stores the question that was answered", async () => {
    const data = await downVote("Vem kallar till SIP?");
    await client.post(client.activity({ type: "message", value: data }));
    const [stored] = await feedback.newest("feedback", 1);
    expect(stored).toMatchObject({ vote: "down", question: "Vem kallar till SIP?" });
  });

  it("refuses a 👎 whose question was replaced by the client, and stores nothing", async () => {
    const data = await downVote("Vem kallar till SIP?");
    const before = (await feedback.newest("feedback", 100)).length;
    const res = await client.post(client.activity({ type: "message", value: { ...data, question: PHISH } }));
    expect(res.replies).toHaveLength(1);
    expect((await feedback.newest("feedback", 100)).length).toBe(before);
    expect(JSON.stringify(await feedback.newest("feedback", 100))).not.toContain("evil.example");
  });

  it("refuses a 👎 moved to another entry", async () => {
    const data = await downVote("Vem kallar till SIP?");
    const before = (await feedback.newest("feedback", 100)).length;
    await client.post(client.activity({ type: "message", value: { ...data, entryId: "term-hvb" } }));
    expect((await feedback.newest("feedback", 100)).length).toBe(before);
  });

  it("refuses text with a lone surrogate in Swedish and stores nothing", async () => {
    const before = (await feedback.newest("unanswered", 100)).length;
    const res = await client.say("Vad är \ud800 vädret?");
    expect(res.replies.map((r) => r.text)).toEqual([trustText.unreadableText]);
    const submit = await client.post(
      client.activity({ type: "message", value: { action: "ask", question: "fråga \udc00" } }),
    );
    expect(submit.replies.map((r) => r.text)).toEqual([trustText.unreadableText]);
    expect((await feedback.newest("unanswered", 100)).length).toBe(before);
  });
});
