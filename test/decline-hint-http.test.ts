import { createApp, type App } from "../bot/app";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { qaText } from "../core/strings";
import { ManualClock } from "../core/clock";
import { HINT_AFTER_DECLINES, STREAK_WINDOW_MS, nextDeclineStreak } from "../dialogs/qa/decline-streak";
import { TeamsTestClient } from "./support/teams-client";

const OUTSIDE = [
  "Hur blir vädret i Västerås i morgon?",
  "Vilken dos Sertralin ska jag ge?",
  "Vad kostar en pizza i Sala?",
];
const INSIDE = "Vem kallar till SIP?";

describe("the decline streak rule", () => {
  const t0 = new Date("2026-12-01T10:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("hints once, at the second decline in a row", () => {
    expect(HINT_AFTER_DECLINES).toBe(2);
    const first = nextDeclineStreak(undefined, t0);
    expect(first).toEqual({ streak: { count: 1, lastAt: t0.toISOString() }, hint: false });
    const second = nextDeclineStreak(first.streak, at(60_000));
    expect(second).toMatchObject({ streak: { count: 2 }, hint: true });
    expect(nextDeclineStreak(second.streak, at(120_000))).toMatchObject({ streak: { count: 3 }, hint: false });
  });

  it("starts a new streak when the previous decline is older than the window", () => {
    const first = nextDeclineStreak(undefined, t0);
    expect(nextDeclineStreak(first.streak, at(STREAK_WINDOW_MS))).toMatchObject({ streak: { count: 2 }, hint: true });
    expect(nextDeclineStreak(first.streak, at(STREAK_WINDOW_MS + 1))).toMatchObject({
      streak: { count: 1 },
      hint: false,
    });
  });
});

describe("a hint after two declines in a row, kept in conversation state (over HTTP)", () => {
  let app: App;
  let client: TeamsTestClient;
  const clock = new ManualClock("2026-12-01T10:00:00.000Z");

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `hint-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"), { clock, startScheduler: false });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  const texts = (r: { replies: any[] }) => r.replies.map((x) => x.text ?? "");
  const ask = (q: string, conversationId: string) => client.say(q, { conversationId });
  const statesOf = async (conversationId: string) => {
    await app.writes.idle();
    const { resources } = await app.store.containers.botState.items.query("SELECT * FROM c").fetchAll();
    return resources.filter((r) => String(r.key).includes(conversationId));
  };

  it("adds the hint after the second decline, not the first or third, and again after a pause", async () => {
    const c = "a:hint-1";
    const first = await ask(OUTSIDE[0], c);
    expect(first.replies).toHaveLength(1);
    const second = await ask(OUTSIDE[1], c);
    expect(second.replies).toHaveLength(2);
    expect(texts(second)[1]).toBe(qaText.declineHint);
    // The decline itself comes first (the card), the hint after it.
    expect(second.replies[0].attachments?.length).toBe(1);
    expect((await ask(OUTSIDE[2], c)).replies).toHaveLength(1);

    clock.advance(STREAK_WINDOW_MS + 1000);
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

  it("stores the streak in the bot state container in Cosmos, and an answered question stores nothing", async () => {
    await ask(OUTSIDE[0], "a:hint-4");
    const states = await statesOf("a:hint-4");
    expect(states).toHaveLength(1);
    expect(states[0].state.declineStreak).toMatchObject({ count: 1 });

    const answered = await ask(INSIDE, "a:hint-5");
    expect(texts(answered)).not.toContain(qaText.declineHint);
    expect(await statesOf("a:hint-5")).toHaveLength(0);
  });
});
