import { createAdapter } from "../bot/adapter";
import { createServer, type BotServer } from "../bot/server";
import { SamverkansBot } from "../bot/teams-bot";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { botText } from "../core/strings";
import type { ConversationStore } from "../data/conversations";
import { MessageRouter } from "../dialogs/router";
import { TeamsTestClient, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// onTurnError over the real protocol: a card action whose handler throws still gets an invoke
// response, carrying the Swedish apology as the card that replaces the clicked one.

describe("a failing card action over HTTP", () => {
  let http: BotServer;
  let client: TeamsTestClient;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent" });
    const logger = createLogger("silent");
    const router = new MessageRouter({
      features: [
        {
          name: "failing",
          answer: async () => [{ text: "svar" }],
          cardActions: {
            "meetings.rsvp": {
              execute: async () => {
                throw new Error("boom");
              },
            },
          },
        },
      ],
    });
    // Installs are not part of this test; the store is never reached.
    const bot = new SamverkansBot({} as ConversationStore, router, logger);
    http = createServer({
      adapter: createAdapter(config, logger),
      bot,
      logger,
      healthy: async () => true,
      allowedTenants: [],
    });
    const port = await http.listen(0, "127.0.0.1");
    client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await http.drain(1000);
  });

  it("answers the invoke with 200 and an apology card instead of an error", async () => {
    const res = await client.post(
      client.activity({
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "meetings.rsvp", data: { x: 1 } }, trigger: "manual" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(cardProblems(res.body.value)).toEqual([]);
    const text = cardText({ attachments: [{ content: res.body.value }] });
    expect(text).toContain(botText.errors.apologyTitle);
    expect(text).toContain(botText.errors.apology);
    // The apology replaces the card; no extra chat message.
    expect(res.replies).toHaveLength(0);
  });

  it("still apologises in chat for a failing message", async () => {
    const failingRouter = { handle: async () => Promise.reject(new Error("boom")) } as unknown as MessageRouter;
    const config = loadConfig({ LOG_LEVEL: "silent" });
    const logger = createLogger("silent");
    const server = createServer({
      adapter: createAdapter(config, logger),
      bot: new SamverkansBot({} as ConversationStore, failingRouter, logger),
      logger,
      healthy: async () => true,
      allowedTenants: [],
    });
    const port = await server.listen(0, "127.0.0.1");
    const other = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
    try {
      const { replies } = await other.say("Vem betalar HVB?");
      expect(replies.map((r) => r.text)).toEqual([botText.errors.apology]);
    } finally {
      await other.close();
      await server.drain(1000);
    }
  });
});
