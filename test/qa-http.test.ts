import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { qaText, botText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import type { FeedbackStore } from "../data/feedback";
import { TeamsTestClient, TENANT, cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// Real questions through the real protocol: the bot is started with the real seed in the embedded
// Cosmos server, and Teams-shaped activities are POSTed to /api/messages.

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

/** Everything the card's buttons would send. */
const buttons = (reply: Record<string, any>) => submitActions(reply.attachments?.[0]?.content?.body);

describe("questions and feedback over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;
  let feedback: FeedbackStore;

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `qa-http-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"));
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    feedback = app.feedback;
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("loaded the seed into Cosmos and serves it", async () => {
    expect(app.knowledge.engine.size).toBeGreaterThan(200);
    expect(app.knowledge.version).toBe(1);
    expect((await app.knowledgeStore.readEntries()).docs.length).toBeGreaterThan(200);
  });

  it("answers with a valid card: title, answer, source line, feedback buttons, and the answer as plain-text fallback", async () => {
    const { status, replies } = await client.say("Vem har kostnadsansvar för HVB-placering?");
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    expect(reply.attachments[0].contentType).toBe(ADAPTIVE);
    expect(cardProblems(reply.attachments[0].content)).toEqual([]);
    const body = cardText(reply);
    expect(body).toContain("Källa: Överenskommelsen, avsnitt");
    expect(body).toMatch(/socialtjänsten/i);
    // The plain-text fallback travels as summary and card fallbackText, not as text, which Teams
    // would post as a second message above the card.
    expect(reply.text ?? "").toBe("");
    expect(reply.summary).toMatch(/socialtjänsten/i);
    expect(reply.summary).toContain("Källa: Överenskommelsen, avsnitt");
    expect(reply.attachments[0].content.fallbackText).toBe(reply.summary);
    const votes = buttons(reply).filter((b) => b.data?.action === "qa.feedback");
    expect(votes.map((v) => v.data.vote)).toEqual(["up", "down"]);
    expect(votes[0].data.question).toBe("Vem har kostnadsansvar för HVB-placering?");
  });

  it("shows 'Vem gör vad' for an entry with responsibilities", async () => {
    const { replies } = await client.say("Vem kallar till SIP?");
    expect(cardText(replies[0])).toContain(qaText.whoDoesWhat);
    expect(cardProblems(replies[0].attachments[0].content)).toEqual([]);
  });

  it("offers 'Menade du…?' buttons that send the question text in the grey zone, and logs the question", async () => {
    const question = "Vem är sammankallande för BIV-nätverket?";
    const { replies } = await client.say(question);
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0])).toContain(qaText.didYouMean);
    expect(cardText(replies[0])).toContain(qaText.unsure);
    expect(cardProblems(replies[0].attachments[0].content)).toEqual([]);
    const asks = buttons(replies[0]).filter((b) => b.data?.action === "qa.ask");
    expect(asks.length).toBeGreaterThanOrEqual(1);
    const alt = asks[0].data;
    expect(alt.question.length).toBeGreaterThan(2);

    // Pressing it: an Action.Submit sends the data and no text; the bot answers that entry.
    const pressed = await client.say("", { value: alt });
    expect(pressed.replies).toHaveLength(1);
    expect(cardText(pressed.replies[0])).toContain(app.knowledge.engine.entry(alt.entryId)!.title);

    const logged = await feedback.newest("unanswered");
    expect(logged.find((d) => d.kind === "unanswered" && d.question === question)).toMatchObject({
      outcome: "suggest",
      reason: "low-confidence",
    });
  });

  it.each(["qa.ask", "ask"])(
    "answers the example question a welcome-card button sends as %s (data only, no text)",
    async (action) => {
      // "ask" is the verb on cards sent before the verbs were namespaced; they still work.
      const pressed = await client.say("", { value: { action, question: "Vem kallar till SIP?" } });
      expect(pressed.replies).toHaveLength(1);
      expect(cardText(pressed.replies[0])).toContain("Källa:");
    },
  );

  it("declines a question outside the agreement without sending the asker to Välfärd", async () => {
    const { replies } = await client.say("Vad blir vädret i Västerås i morgon?");
    expect(replies).toHaveLength(1);
    expect(replies[0].summary).toMatch(/ligger utanför/);
    expect(replies[0].summary).not.toContain("Välfärd");
    expect(cardProblems(replies[0].attachments[0].content)).toEqual([]);
    const logged = await feedback.newest("unanswered");
    expect(logged[0]).toMatchObject({
      kind: "unanswered",
      outcome: "decline",
      question: "Vad blir vädret i Västerås i morgon?",
    });
  });

  it("declines a look-up of a named person and does not keep the question", async () => {
    const { replies } = await client.say("Har Anna Svensson en SIP hos vuxenpsykiatrin?");
    expect(replies[0].summary).toBe(qaText.decline.individual);
    expect(cardText(replies[0])).toContain(qaText.decline.individual);
    const [latest] = await feedback.newest("unanswered", 1);
    expect(latest).toMatchObject({ kind: "unanswered", reason: "individual", question: null });
    expect(JSON.stringify(latest)).not.toContain("Anna");
  });

  it("stores 👍/👎 pseudonymously and thanks in Swedish", async () => {
    const { replies } = await client.say("Vem kallar till SIP?");
    const down = buttons(replies[0]).find((b) => b.data?.vote === "down")!;
    const sent = await client.post(client.activity({ type: "message", value: down.data }));
    expect(sent.replies.map((r) => r.text)).toEqual([qaText.feedback.thanksDown]);

    const [stored] = await feedback.newest("feedback", 1);
    expect(stored).toMatchObject({
      kind: "feedback",
      vote: "down",
      entryId: down.data.entryId,
      question: "Vem kallar till SIP?",
      status: "new",
      kbVersion: 1,
    });
    expect(stored.asker).toMatch(/^[0-9a-f]{32}$/);
    const raw = JSON.stringify(stored);
    for (const id of [client.user.id, client.user.aadObjectId, TENANT, client.user.name]) expect(raw).not.toContain(id);

    // The same person gets the same pseudonym, so the queue can group without knowing who.
    await client.post(client.activity({ type: "message", value: { ...down.data, vote: "up" } }));
    const [second] = await feedback.newest("feedback", 1);
    expect(second).toMatchObject({ vote: "up", asker: stored.asker });
  });

  it.each([
    ["an unknown vote", { action: "feedback", entryId: "term-sip", vote: "maybe", question: "x" }],
    ["an entry that does not exist", { action: "feedback", entryId: "term-finns-inte", vote: "up", question: "x" }],
    ["a malformed entry id", { action: "feedback", entryId: "term-sip'; DROP", vote: "up", question: "x" }],
    ["an oversized question", { action: "feedback", entryId: "term-sip", vote: "up", question: "x".repeat(5000) }],
    ["a missing question", { action: "feedback", entryId: "term-sip", vote: "up" }],
  ])("answers a tampered feedback submission (%s) in Swedish and stores nothing", async (_name, value) => {
    const before = (await feedback.newest("feedback", 100)).length;
    const { status, replies } = await client.post(client.activity({ type: "message", value }));
    expect(status).toBe(200);
    expect(replies.map((r) => r.text)).toEqual([qaText.badSubmission]);
    expect((await feedback.newest("feedback", 100)).length).toBe(before);
  });

  it("answers a button it does not know with a Swedish message", async () => {
    const { replies } = await client.post(client.activity({ type: "message", value: { action: "okänd" } }));
    expect(replies.map((r) => r.text)).toEqual([botText.errors.unknownButton]);
  });
});
