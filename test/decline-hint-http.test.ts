import { createApp, type App } from "../bot/app";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { qaText } from "../core/strings";
import { HINT_AFTER_DECLINES, nextDeclineStreak } from "../dialogs/qa/decline-streak";
import { TeamsTestClient } from "./support/teams-client";

const OUTSIDE = ["Hur blir vädret i Västerås i morgon?", "Vilken dos Sertralin ska jag ge?", "Vad kostar en pizza i Sala?"];
const INSIDE = "Vem kallar till SIP?";

describe("the decline streak rule", () => {
  it("hints once, at the second decline in a row, and any answer resets it", () => {
    expect(HINT_AFTER_DECLINES).toBe(2);
    expect(nextDeclineStreak(0, "decline")).toEqual({ count: 1, hint: false });
    expect(nextDeclineStreak(1, "decline")).toEqual({ count: 2, hint: true });
    expect(nextDeclineStreak(2, "decline")).toEqual({ count: 3, hint: false });
    expect(nextDeclineStreak(3, "answer")).toEqual({ count: 0, hint: false });
    expect(nextDeclineStreak(1, "suggest")).toEqual({ count: 0, hint: false });
  });
});

describe("a hint after two declines in a row, kept in conversation state (over HTTP)", () => {
  let app: App;
  let client: TeamsTestClient;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `hint-${Date.now()}-${Math.round(Math.random() * 1e6)}` });
    app = await createApp(config, createLogger("silent"));
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  const texts = (r: { replies: any[] }) => r.replies.map((x) => x.text ?? "");
  const ask = (q: string, conversationId: string) => client.say(q, { conversationId });

  it("adds the hint after the second decline, not the first or third, and starts over after an answer", async () => {
    const c = "a:hint-1";
    const first = await ask(OUTSIDE[0], c);
    expect(first.replies).toHaveLength(1);
    const second = await ask(OUTSIDE[1], c);
    expect(second.replies).toHaveLength(2);
    expect(texts(second)[1]).toBe(qaText.declineHint);
    // The decline itself comes first (the card), the hint after it.
    expect(second.replies[0].attachments?.length).toBe(1);
    expect((await ask(OUTSIDE[2], c)).replies).toHaveLength(1);

    const answered = await ask(INSIDE, c);
    expect(answered.replies).toHaveLength(1);
    expect(texts(answered)).not.toContain(qaText.declineHint);
    expect((await ask(OUTSIDE[0], c)).replies).toHaveLength(1);
    const again = await ask(OUTSIDE[1], c);
    expect(texts(again)).toEqual(["", qaText.declineHint]);
  });

  it("counts per conversation, and commands in between do not break the streak", async () => {
    await ask(OUTSIDE[0], "a:hint-2");
    await ask(OUTSIDE[0], "a:hint-3");
    expect((await ask("hjälp", "a:hint-2")).replies).toHaveLength(1);
    const second = await ask(OUTSIDE[1], "a:hint-2");
    expect(texts(second)).toContain(qaText.declineHint);
  });

  it("stores the count in the bot state container in Cosmos", async () => {
    await ask(OUTSIDE[0], "a:hint-4");
    const { resources } = await app.store.containers.botState.items.query("SELECT * FROM c").fetchAll();
    const states = resources.filter((r) => String(r.key).includes("a:hint-4"));
    expect(states).toHaveLength(1);
    expect(states[0].state.consecutiveDeclines).toBe(1);
  });
});
