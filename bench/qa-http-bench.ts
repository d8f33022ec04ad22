// Question-answering latency over HTTP: the bot is started with the real knowledge base (seeded into
// the embedded Cosmos server) and the dev + own question sets are POSTed to /api/messages as
// Teams-shaped activities, one new personal conversation per question. A request's time is the
// whole turn: Bot Framework parsing, routing, search, card rendering and the reply to the (mock)
// Bot Connector, which CloudAdapter awaits before answering the POST. The mock connector runs in
// the same process, so the figures are a little pessimistic.
//
//   npx tsc -p . && node dist/bench/qa-http-bench.js
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp } from "../bot/app";
import { DEV_SET, OWN_SET, loadQuestions } from "../scripts/eval-harness";
import { TeamsTestClient } from "../test/support/teams-client";

const ROUNDS = 3;
const CONCURRENCY = 8;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

async function timed(client: TeamsTestClient, q: string): Promise<number> {
  const t = process.hrtime.bigint();
  const { status, replies } = await client.say(q);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (status !== 200 || replies.length !== 1)
    throw new Error(`unexpected reply to ${JSON.stringify(q)}: HTTP ${status}, ${replies.length} replies`);
  return ms;
}

function row(label: string, times: number[], wallMs: number): string {
  return `${label.padEnd(24)} ${String(times.length).padStart(6)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ${percentile(times, 0.99).toFixed(1).padStart(8)} ${Math.max(
    ...times,
  )
    .toFixed(1)
    .padStart(8)} ${((times.length / wallMs) * 1000).toFixed(0).padStart(8)}`;
}

async function main(): Promise<void> {
  const questions = [...(loadQuestions(DEV_SET) ?? []), ...(loadQuestions(OWN_SET) ?? [])].map((q) => q.q);
  if (questions.length === 0) throw new Error("no eval questions found");
  const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `bench-${Date.now()}` });
  const t0 = Date.now();
  const app = await createApp(config, createLogger("silent"));
  const port = await app.start(0);
  const startMs = Date.now() - t0;
  const client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
  try {
    console.log(
      `${app.knowledge.engine.size} entries, ${questions.length} questions, Node ${process.version}; start-up incl. seeding ${startMs} ms\n`,
    );
    console.log("over HTTP                  turns   p50 ms   p99 ms   max ms  turns/s");
    for (const q of questions.slice(0, 20)) await timed(client, q); // warm up

    const seq: number[] = [];
    let t = Date.now();
    for (let r = 0; r < ROUNDS; r++) for (const q of questions) seq.push(await timed(client, q));
    console.log(row("sequential", seq, Date.now() - t));

    const par: number[] = [];
    const queue = Array.from({ length: ROUNDS }, () => questions).flat();
    t = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let q = queue.shift(); q !== undefined; q = queue.shift()) par.push(await timed(client, q));
      }),
    );
    console.log(row(`${CONCURRENCY} concurrent`, par, Date.now() - t));
  } finally {
    await client.close();
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
