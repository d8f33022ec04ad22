import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { escalationText, qaText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import { TeamsTestClient, TENANT } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// The message extension over the Teams protocol: composeExtension/query invokes as Teams sends them
// from the compose box, against the real knowledge base in the embedded Cosmos server.

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";
const THUMBNAIL = "application/vnd.microsoft.card.thumbnail";

describe("message extension search over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `me-http-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"), { instanceId: "me-test", startScheduler: false });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  /** A composeExtension/query invoke from a group chat, as Teams sends it. */
  const query = (value: unknown, fields: Record<string, unknown> = {}) =>
    client.post(
      client.activity({
        type: "invoke",
        name: "composeExtension/query",
        conversationId: "19:colleagues@thread.v2",
        conversationType: "groupChat",
        value,
        ...fields,
      }),
    );
  const search = (text: string | undefined, skip = 0, count = 25) =>
    query({
      commandId: "searchKnowledge",
      parameters: text === undefined ? [{ name: "initialRun", value: "true" }] : [{ name: "searchQuery", value: text }],
      queryOptions: { skip, count },
    });
  const titles = (body: any): string[] => body.composeExtension.attachments.map((a: any) => a.preview.content.title);

  /** Every result: a valid answer card without buttons, with its source, and a one-line thumbnail preview. */
  function expectWellFormed(body: any) {
    expect(body.composeExtension.type).toBe("result");
    expect(body.composeExtension.attachmentLayout).toBe("list");
    for (const a of body.composeExtension.attachments) {
      expect(a.contentType).toBe(ADAPTIVE);
      expect(cardProblems(a.content)).toEqual([]);
      const json = JSON.stringify(a.content);
      expect(json).toContain("Källa:");
      expect(json).not.toContain("Action.");
      expect(json).not.toContain(qaText.feedback.prompt);
      expect(a.preview.contentType).toBe(THUMBNAIL);
      expect(a.preview.content.title.length).toBeGreaterThan(1);
      expect(a.preview.content.text.length).toBeLessThanOrEqual(120);
      expect(a.preview.content.text).not.toContain("\n");
    }
  }

  it("finds the answer to a Swedish question and inserts the answer card with its source", async () => {
    const { status, body } = await search("Vem kallar till SIP?");
    expect(status).toBe(200);
    expectWellFormed(body);
    const first = body.composeExtension.attachments[0];
    expect(JSON.stringify(first.content)).toMatch(/SIP/);
    expect(titles(body).length).toBeGreaterThan(1);
    expect(titles(body).length).toBeLessThanOrEqual(25);
  });

  it("tolerates typos and missing å/ä/ö", async () => {
    const right = await search("kostnadsansvar HVB-placering");
    const typo = await search("kostnadsansvr hvb placerng");
    expectWellFormed(typo.body);
    expect(titles(typo.body)[0]).toBe(titles(right.body)[0]);
    const folded = await search("vardplanering utskrivning fran slutenvard");
    expectWellFormed(folded.body);
    expect(titles(folded.body).join(" ")).toMatch(/utskrivning|slutenvård/i);
  });

  it("pages with queryOptions.skip and count, in the same order as one long page", async () => {
    const all = titles((await search("samverkan", 0, 12)).body);
    expect(all.length).toBe(12);
    const first = titles((await search("samverkan", 0, 6)).body);
    const second = titles((await search("samverkan", 6, 6)).body);
    expect([...first, ...second]).toEqual(all);
    const past = await search("samverkan", 500, 25);
    expect(past.body.composeExtension).toMatchObject({ type: "result", attachments: [] });
  });

  it("shows the most asked entries for an empty query, and counts what people ask", async () => {
    const opened = await search(undefined);
    expectWellFormed(opened.body);
    expect(titles(opened.body).length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) await client.say("Vad är en samordnad individuell plan?");
    const asked = app.knowledge.engine.ask("Vad är en samordnad individuell plan?");
    expect(asked.outcome).toBe("answer");
    await app.askTally.flush();
    // A new tally reads what was stored (no cache), as another instance would.
    const { AskTally } = await import("../data/search/ask-tally");
    const other = new AskTally(app.store.containers.askCounts, "other", () => new Date());
    expect((await other.mostAsked())[0]).toBe(asked.outcome === "answer" ? asked.entry.id : "");
    const empty = await search("   ");
    expect(empty.body.composeExtension.type).toBe("result");
  });

  it("does not look up individuals", async () => {
    const { body } = await search("Vilken diagnos har Anna Svensson?");
    expect(body.composeExtension).toEqual({ type: "message", text: escalationText.search.individual });
    const pnr = await search("19900101-0017");
    expect(pnr.body.composeExtension).toEqual({ type: "message", text: escalationText.search.individual });
  });

  it("says so when nothing matches", async () => {
    const { body } = await search("xqzvw plonk");
    expect(body.composeExtension).toEqual({ type: "message", text: escalationText.search.none });
  });

  it.each([
    [
      "markup",
      { commandId: "searchKnowledge", parameters: [{ name: "searchQuery", value: "<script>alert(1)</script> SIP" }] },
    ],
    [
      "sql-like",
      { commandId: "searchKnowledge", parameters: [{ name: "searchQuery", value: "'; DROP TABLE c; -- SIP" }] },
    ],
    [
      "a very long text",
      { commandId: "searchKnowledge", parameters: [{ name: "searchQuery", value: "SIP ".repeat(5000) }] },
    ],
    [
      "control characters",
      { commandId: "searchKnowledge", parameters: [{ name: "searchQuery", value: "S\u0000I\u0007P\u001b[31m" }] },
    ],
    ["a number as value", { commandId: "searchKnowledge", parameters: [{ name: "searchQuery", value: 42 }] }],
    ["parameters not a list", { commandId: "searchKnowledge", parameters: "SIP" }],
    [
      "negative and huge paging",
      {
        commandId: "searchKnowledge",
        parameters: [{ name: "searchQuery", value: "SIP" }],
        queryOptions: { skip: -5, count: 100000 },
      },
    ],
    [
      "paging as strings",
      {
        commandId: "searchKnowledge",
        parameters: [{ name: "searchQuery", value: "SIP" }],
        queryOptions: { skip: "x", count: "y" },
      },
    ],
    ["no value at all", undefined],
  ])("answers hostile input (%s) cleanly", async (_name, value) => {
    const { status, body } = await query(value);
    expect(status).toBe(200);
    expect(["result", "message"]).toContain(body.composeExtension.type);
    if (body.composeExtension.type === "result") {
      expectWellFormed(body);
      expect(body.composeExtension.attachments.length).toBeLessThanOrEqual(25);
    }
    expect(JSON.stringify(body)).not.toContain("<script>");
  });

  it("answers an unknown command with a message, not an error", async () => {
    const { status, body } = await query({ commandId: "somethingElse", parameters: [] });
    expect(status).toBe(200);
    expect(body.composeExtension.type).toBe("message");
  });

  it("refuses a tenant outside ALLOWED_TENANT_IDS like any activity", async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ALLOWED_TENANT_IDS: "11111111-1111-4111-8111-111111111111",
      COSMOS_DATABASE: `me-tenant-${Date.now()}`,
    });
    const strict = await createApp(config, createLogger("silent"), {
      answerQuestion: async () => ({ text: "" }),
      startScheduler: false,
    });
    const other = await TeamsTestClient.start(`http://127.0.0.1:${await strict.start(0)}/api/messages`);
    try {
      const res = await other.post(
        other.activity({ type: "invoke", name: "composeExtension/query", value: { commandId: "searchKnowledge" } }),
      );
      expect(res.status).toBe(403);
      expect(TENANT).not.toBe("11111111-1111-4111-8111-111111111111");
    } finally {
      await other.close();
      await strict.stop();
    }
  });
});
