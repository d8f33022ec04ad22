import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { botText } from "../core/strings";
import { ConversationStore } from "../data/conversations";
import type { Reply } from "../core/types";
import { TeamsTestClient, TENANT, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

async function startBot(answer?: (question: string) => Promise<Reply>, env: Record<string, string> = {}) {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    COSMOS_DATABASE: `http-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    ...env,
  });
  const answerQuestion = answer && (async (question: string) => [await answer(question)]);
  const app = await createApp(config, createLogger("silent"), { answerQuestion });
  const port = await app.start(0);
  const client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
  return { app, client, port, conversations: new ConversationStore(app.store.containers.conversations) };
}

describe("bot over HTTP with Teams-shaped activities", () => {
  let app: App;
  let client: TeamsTestClient;
  let port: number;
  let conversations: ConversationStore;

  beforeAll(async () => {
    ({ app, client, port, conversations } = await startBot(async (q) => ({ text: `svar: ${q.length}` })));
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("welcomes a personal install with a valid card and stores the conversation reference", async () => {
    const { status, replies } = await client.install({ conversationId: "a:personal-1" });
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    const card = replies[0].attachments[0];
    expect(card.contentType).toBe(ADAPTIVE);
    expect(cardProblems(card.content)).toEqual([]);
    expect(cardText(replies[0])).toContain("Välkommen till Samverkansboten");
    expect(replies[0].summary).toContain("Välkommen");

    const stored = await conversations.get(TENANT, "a:personal-1");
    expect(stored).toMatchObject({
      active: true,
      conversationType: "personal",
      aadObjectId: client.user.aadObjectId,
      tenantId: TENANT,
    });
    expect(stored?.reference).toMatchObject({
      serviceUrl: client.serviceUrl,
      channelId: "msteams",
      conversation: { id: "a:personal-1" },
    });
    expect(await conversations.personalFor(TENANT, client.user.aadObjectId)).toMatchObject({
      conversationId: "a:personal-1",
    });
  });

  it("does not welcome twice when Teams also sends conversationUpdate for the same install", async () => {
    const again = await client.post(
      client.activity({ type: "conversationUpdate", conversationId: "a:personal-1", membersAdded: [client.bot] }),
    );
    expect(again.status).toBe(200);
    expect(again.replies).toHaveLength(0);
  });

  it("welcomes once when Teams announces a new install twice at the same moment", async () => {
    // What Teams (and the Agents Playground) send on install: both events, concurrently.
    const before = client.sent.length;
    const [install, update] = await Promise.all([
      client.install({ conversationId: "a:personal-race" }),
      client.post(
        client.activity({ type: "conversationUpdate", conversationId: "a:personal-race", membersAdded: [client.bot] }),
      ),
    ]);
    expect([install.status, update.status]).toEqual([200, 200]);
    // Each response lists every reply sent while it was in flight, so count the connector's log instead.
    const welcomes = client.sent
      .slice(before)
      .filter((s) => s.activity.type === "message" && s.activity.conversation?.id === "a:personal-race");
    expect(welcomes).toHaveLength(1);
    expect(await conversations.get(TENANT, "a:personal-race")).toMatchObject({ active: true });
  });

  it("stores team and group chat installs", async () => {
    const team = await client.post(
      client.activity({
        type: "conversationUpdate",
        conversationId: "19:general@thread.tacv2",
        conversationType: "channel",
        membersAdded: [client.bot],
        channelData: {
          tenant: { id: TENANT },
          team: { id: "19:team@thread.tacv2", name: "VuS Västerås" },
          eventType: "teamMemberAdded",
        },
      }),
    );
    expect(team.replies).toHaveLength(1);
    expect(await conversations.get(TENANT, "19:general@thread.tacv2")).toMatchObject({
      conversationType: "channel",
      teamName: "VuS Västerås",
      active: true,
    });
    expect((await conversations.get(TENANT, "19:general@thread.tacv2"))?.aadObjectId).toBeUndefined();

    await client.install({ conversationId: "19:group@thread.v2", conversationType: "groupChat" });
    expect(await conversations.get(TENANT, "19:group@thread.v2")).toMatchObject({
      conversationType: "groupChat",
      active: true,
    });
  });

  it("marks the conversation inactive on uninstall and welcomes again on reinstall", async () => {
    await client.install({ conversationId: "a:personal-2" });
    const removed = await client.post(
      client.activity({ type: "installationUpdate", action: "remove", conversationId: "a:personal-2" }),
    );
    expect(removed.status).toBe(200);
    expect((await conversations.get(TENANT, "a:personal-2"))?.active).toBe(false);
    expect((await conversations.listActive(TENANT)).map((c) => c.conversationId)).not.toContain("a:personal-2");
    const back = await client.install({ conversationId: "a:personal-2" });
    expect(back.replies).toHaveLength(1);
    expect((await conversations.get(TENANT, "a:personal-2"))?.active).toBe(true);
  });

  it.each(["hjälp", "Hjälp!", "hjalp", "help", "<at>Samverkansboten</at> hjälp"])(
    "answers %j with the help card",
    async (text) => {
      const { status, replies } = await client.say(
        text,
        text.startsWith("<at>")
          ? { entities: [{ type: "mention", text: "<at>Samverkansboten</at>", mentioned: client.bot }] }
          : {},
      );
      expect(status).toBe(200);
      expect(replies).toHaveLength(1);
      expect(cardText(replies[0])).toContain("Kommandon");
      expect(cardProblems(replies[0].attachments[0].content)).toEqual([]);
    },
  );

  it("shows everyone's commands to a user who is neither coordinator nor admin", async () => {
    const { replies } = await client.say("hjälp");
    const text = cardText(replies[0]);
    for (const c of app.router.helpSections("everyone")[0].commands) expect(text).toContain(c.title);
    expect(text).not.toContain(botText.help.coordinatorTitle);
    expect(text).not.toContain(botText.help.adminTitle);
    expect(text).not.toContain("granska");
  });

  it("hands other text to the question handler", async () => {
    const { replies } = await client.say("Vem kallar till SIP?");
    expect(replies.map((r) => r.text)).toEqual(["svar: 20"]);
  });

  it("answers a malformed activity with 400 and keeps serving", async () => {
    const url = `http://127.0.0.1:${port}/api/messages`;
    const badJson = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(badJson.status).toBe(400);
    const noType = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hej" }),
    });
    expect(noType.status).toBe(400);
    const badServiceUrl = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(client.activity({ type: "message", text: "x", serviceUrl: "not a url" })),
    });
    expect(badServiceUrl.status).toBe(400);
    expect((await client.say("hjälp")).status).toBe(200);
  });

  it("reports health only while the store answers", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
});

describe("help for an admin", () => {
  it("lists the coordinator's and the admin's commands too", async () => {
    const { app, client } = await startBot(async () => ({ text: "svar" }), {
      ADMIN_AAD_OBJECT_IDS: "00000000-0000-4000-8000-00000000a001",
    });
    try {
      const { replies } = await client.say("hjälp");
      const text = cardText(replies[0]);
      expect(cardProblems(replies[0].attachments[0].content)).toEqual([]);
      for (const c of app.router.helpSections("admin").flatMap((s) => s.commands)) expect(text).toContain(c.title);
      expect(replies[0].summary).toContain("granska");
    } finally {
      await client.close();
      await app.stop();
    }
  });
});

describe("tenant restriction", () => {
  it("serves only the tenants in ALLOWED_TENANT_IDS", async () => {
    const other = "11111111-2222-4333-8444-555555555555";
    const { app, client, conversations } = await startBot(async () => ({ text: "svar" }), {
      ALLOWED_TENANT_IDS: other,
    });
    try {
      const refused = await client.install({ conversationId: "a:outsider" });
      expect(refused.status).toBe(403);
      expect(refused.replies).toHaveLength(0);
      expect(await conversations.get(TENANT, "a:outsider")).toBeUndefined();
      const allowed = await client.install({
        conversationId: "a:insider",
        conversation: { id: "a:insider", conversationType: "personal", tenantId: other },
        channelData: { tenant: { id: other } },
      });
      expect(allowed.status).toBe(200);
      expect(allowed.replies).toHaveLength(1);
    } finally {
      await client.close();
      await app.stop();
    }
  });
});

describe("errors and shutdown", () => {
  it("turns a failing turn into a short Swedish apology", async () => {
    const { app, client } = await startBot(async () => {
      throw new Error("boom");
    });
    try {
      const { replies } = await client.say("Vem betalar HVB?");
      expect(replies).toHaveLength(1);
      expect(replies[0].text).toMatch(/^Förlåt, något gick fel/);
    } finally {
      await client.close();
      await app.stop();
    }
  });

  it("finishes a turn in flight before stopping, then reports unhealthy", async () => {
    let release!: () => void;
    const started = new Promise<void>((r) => (release = r));
    const { app, client, port } = await startBot(async () => {
      release();
      await new Promise((r) => setTimeout(r, 300));
      return { text: "klart" };
    });
    const pending = client.say("långsam fråga");
    await started;
    const stopped = app.stop();
    const { status, replies } = await pending;
    await stopped;
    expect(status).toBe(200);
    expect(replies.map((r) => r.text)).toEqual(["klart"]);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(await app.store.ping()).toBe(false);
    await client.close();
  });
});
