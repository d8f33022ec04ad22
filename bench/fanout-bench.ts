// Fan-out of one meeting reminder to 1,000 members, end to end: two bot instances on one embedded
// Cosmos, the real scheduler, claims, rate limiter and CloudAdapter sends to a mock Bot Connector.
// Prints the time taken at the configured rate (MEETINGS_TENANT_SENDS_PER_SECOND), duplicates and losses.
//
//   npm run bench:fanout            (MEMBERS=200 npm run bench:fanout for a quicker run)
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp } from "../bot/app";
import { startEmbeddedCosmos } from "../data/cosmos";
import { ConversationStore } from "../data/conversations";
import { memberDocId } from "../data/meetings/vus-store";
import type { Clock } from "../core/clock";
import { TeamsTestClient, TENANT } from "../test/support/teams-client";

const MEMBERS = Number(process.env.MEMBERS ?? 1000);
const KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

/** Real time shifted forward, so the reminder planned for tomorrow is due now while sleeps stay real. */
class ShiftedClock implements Clock {
  offsetMs = 0;
  now = () => new Date(Date.now() + this.offsetMs);
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
}

async function main(): Promise<void> {
  const { endpoint, server } = await startEmbeddedCosmos();
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: "silent",
    COSMOS_ENDPOINT: endpoint,
    COSMOS_KEY: KEY,
    EVALUATION_SECRET: "bench-secret-that-is-long-enough-0123456789",
    COSMOS_DATABASE: `bench-${Date.now()}`,
    MEETINGS_REMINDER_OFFSETS: "1d",
  });
  const clocks = [new ShiftedClock(), new ShiftedClock()];
  const apps = [];
  for (let i = 0; i < 2; i++)
    apps.push(
      await createApp(config, createLogger("silent"), {
        clock: clocks[i],
        instanceId: `bench-${i}`,
        startScheduler: false,
      }),
    );
  const port = await apps[0].start(0);
  await apps[1].start(0);
  const connector = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);

  const conversations = new ConversationStore(apps[0].store.containers.conversations);
  const { vus } = apps[0];
  const { planner } = apps[0].meetings;
  const seedStart = Date.now();
  const now = new Date().toISOString();
  for (let i = 0; i < MEMBERS; i++) {
    const aad = `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`;
    const conversationId = `a:bench-${i}`;
    await conversations.saveInstall({
      tenantId: TENANT,
      conversationId,
      conversationType: "personal",
      aadObjectId: aad,
      reference: {
        channelId: "msteams",
        serviceUrl: connector.serviceUrl,
        conversation: { id: conversationId },
        bot: { id: "28:bot" },
        user: { id: `29:bench-${i}` },
      },
    });
    await vus.createMember({
      id: memberDocId(aad),
      type: "member",
      groupId: "vasteras",
      tenantId: TENANT,
      aadObjectId: aad,
      userId: `29:bench-${i}`,
      serviceUrl: connector.serviceUrl,
      name: `Medlem ${i}`,
      organisation: "Västerås",
      function: "ifo",
      role: "member",
      joinedAt: now,
      updatedAt: now,
    });
  }
  const seedMs = Date.now() - seedStart;
  const start = new Date(Date.now() + 2 * 86_400_000);
  start.setUTCSeconds(0, 0);
  const meeting = await planner.create(
    { groupId: "vasteras", start: start.toISOString(), durationMinutes: 120, place: "Västerås", agenda: ["Inledning"] },
    "bench",
  );
  for (const c of clocks) c.offsetMs = 86_400_000 + 5_000; // the "1d" reminder is due

  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = Date.now();
  await Promise.all(apps.map((a) => a.scheduler.tick()));
  const elapsed = (Date.now() - t0) / 1000;

  const perConversation = new Map<string, number>();
  for (const s of connector.sent)
    if (s.activity.type === "message")
      perConversation.set(s.activity.conversation.id, (perConversation.get(s.activity.conversation.id) ?? 0) + 1);
  const duplicates = [...perConversation.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
  const losses = MEMBERS - perConversation.size;
  const job = (await apps[0].jobs.jobsOfMeeting(meeting.id)).find((j) => j.kind === "reminder");

  console.log(`fan-out bench: 1 meeting, ${MEMBERS} members, 2 instances on one embedded Cosmos`);
  console.log(
    `  configured rate     ${config.MEETINGS_TENANT_SENDS_PER_SECOND}/s per tenant, concurrency ${config.MEETINGS_SEND_CONCURRENCY}`,
  );
  console.log(`  seeding             ${(seedMs / 1000).toFixed(1)} s (not part of the fan-out)`);
  console.log(
    `  fan-out time        ${elapsed.toFixed(1)} s (floor at the rate: ${(MEMBERS / config.MEETINGS_TENANT_SENDS_PER_SECOND).toFixed(1)} s)`,
  );
  console.log(`  achieved rate       ${(MEMBERS / elapsed).toFixed(1)} messages/s`);
  console.log(`  messages received   ${[...perConversation.values()].reduce((a, b) => a + b, 0)}`);
  console.log(`  duplicates          ${duplicates}`);
  console.log(`  losses              ${losses}`);
  console.log(`  job                 ${job?.status} ${JSON.stringify(job?.counts)}`);
  console.log(`  heap growth         ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB`);

  await connector.close();
  for (const a of apps) await a.stop();
  await new Promise((r) => server.close(r));
  process.exit(duplicates === 0 && losses === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
