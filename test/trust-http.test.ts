import pino from "pino";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { TeamsTestClient, TENANT, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// The HTTP boundary under hostile input: authentication before anything else is looked at, tenant
// ids that must agree, malformed optional fields, unknown invokes and card actions answered in
// Swedish, and no internals in any error body.

const APP_ID = "11111111-2222-4333-8444-555555555555";
const OTHER_TENANT = "99999999-8888-4777-8666-555555555555";

function fakeBotFrameworkToken(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return [
    b64({ alg: "RS256", kid: "trust-test-key", typ: "JWT" }),
    b64({ iss: "https://api.botframework.com", aud: APP_ID, nbf: now - 60, exp: now + 3600 }),
    "c2lnbmF0dXJl",
  ].join(".");
}

describe("with authentication on", () => {
  let app: App;
  let url: string;
  let client: TeamsTestClient;

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-password",
      PSEUDONYM_SECRET: "trust-test-pseudonym-secret-0123456789",
      ALLOW_IN_MEMORY_STORE: "true",
      ALLOWED_TENANT_IDS: TENANT,
      HOST: "127.0.0.1",
    });
    app = await createApp(config, createLogger("silent"), {
      answerQuestion: async () => ({ text: "svar" }),
      startScheduler: false,
    });
    const port = await app.start(0);
    url = `http://127.0.0.1:${port}/api/messages`;
    client = await TeamsTestClient.start(url);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };

  it("refuses a malformed activity without a token with 401 and no field names", async () => {
    const res = await post({ type: "message", from: 5 });
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/fields|serviceUrl|conversation|channelId/);
  });

  it("refuses an activity of a tenant outside the list without a token with 401, not 403", async () => {
    const activity = client.activity({ type: "message", text: "hej" });
    activity.conversation.tenantId = OTHER_TENANT;
    activity.channelData = { tenant: { id: OTHER_TENANT } };
    const res = await post(activity);
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/tenant/i);
  });

  it("answers a failed key-metadata fetch without naming the URL or the reason", async () => {
    const res = await post(client.activity({ type: "message", text: "hej" }), {
      authorization: `Bearer ${fakeBotFrameworkToken()}`,
    });
    expect([401, 503]).toContain(res.status);
    expect(res.text).not.toMatch(/https?:|botframework|openid|Failed|load|keys|ENOTFOUND|EAI_AGAIN|fetch/i);
  });
});

describe("with authentication off", () => {
  let app: App;
  let client: TeamsTestClient;
  /** Error lines the bot logged (a failed turn logs "turn failed"). */
  const errors: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", ALLOWED_TENANT_IDS: TENANT });
    const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(line) });
    app = await createApp(config, logger, {
      answerQuestion: async () => ({ text: "svar" }),
      startScheduler: false,
    });
    const port = await app.start(0);
    client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("refuses an activity whose two tenant ids disagree", async () => {
    const activity = client.activity({ type: "message", text: "Vem betalar HVB?" });
    activity.channelData = { tenant: { id: OTHER_TENANT } };
    const res = await client.post(activity);
    expect(res.status).toBe(403);
    expect(res.replies).toHaveLength(0);
  });

  it("still serves an activity whose tenant ids agree", async () => {
    const res = await client.say("Vem betalar HVB?");
    expect(res.status).toBe(200);
    expect(res.replies.map((r) => r.text)).toEqual(["svar"]);
  });

  it.each([
    ["attachments as an object", { type: "message", text: "hjälp", attachments: { a: 1 } }],
    ["entities as a string", { type: "message", text: "hjälp", entities: "x" }],
    ["membersAdded with null", { type: "conversationUpdate", membersAdded: [null] }],
    ["membersRemoved as a number", { type: "conversationUpdate", membersRemoved: 3 }],
    ["value that is not JSON-like in an invoke", { type: "invoke", name: "adaptiveCard/action", value: "x" }],
  ])("does not crash the turn on %s", async (_name, fields) => {
    errors.length = 0;
    const res = await client.post(client.activity(fields));
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body ?? "")).not.toMatch(/Error|stack|at \w+ \(/);
    // No apology: nothing failed inside a turn.
    expect(res.replies.map((r) => r.text).join(" ")).not.toMatch(/något gick fel/);
    expect(errors.join("")).not.toMatch(/turn failed/);
  });

  it("answers a card action with unknown data with a Swedish card, not an English error", async () => {
    const res = await client.post(
      client.activity({
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "meetings.rsvp", data: { nonsense: true } } },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    expect(res.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardProblems(res.body.value)).toEqual([]);
    const text = cardText({ attachments: [{ content: res.body.value }] });
    expect(text).toMatch(/knapp|kort/i);
    expect(JSON.stringify(res.body)).not.toMatch(/Unknown card action|BadRequest/);
  });

  it("answers an unknown invoke in Swedish instead of 501", async () => {
    const res = await client.post(client.activity({ type: "invoke", name: "something/unknown", value: {} }));
    expect(res.status).toBe(200);
    expect(res.replies.map((r) => r.text).join(" ")).toMatch(/känner inte igen/);
  });
});
