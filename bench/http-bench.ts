// Throughput and latency of POST /api/messages with autocannon on loopback: Samverkansboten
// (embedded Cosmos, real router and cards) next to a bare botbuilder echo bot measured in the same
// run, so the ratio shows what our own code costs per request.
//
//   npm run bench:http        (BENCH_SECONDS=5 BENCH_CONNECTIONS=10 BENCH_ROUNDS=3 by default)
import autocannon from "autocannon";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp } from "../bot/app";
import { startEchoBot } from "./support/echo-bot";
import { startMockConnector } from "./support/mock-connector";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Scenario {
  name: string;
  text: string;
}

/** What the bench sends to our bot: the help card, and questions when the knowledge base answers them. */
const SCENARIOS: Scenario[] = [
  { name: "help card", text: "hjälp" },
  { name: "question", text: "Vem kallar till SIP-möte?" },
];

function activity(serviceUrl: string, text: string): string {
  return JSON.stringify({
    type: "message",
    id: "bench-1",
    channelId: "msteams",
    serviceUrl,
    from: { id: "29:bench-user", aadObjectId: "00000000-0000-4000-8000-00000000b001" },
    recipient: { id: "28:bot" },
    conversation: {
      id: "a:bench-personal",
      conversationType: "personal",
      tenantId: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11",
    },
    channelData: { tenant: { id: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11" } },
    locale: "sv-SE",
    text,
  });
}

async function measure(url: string, body: string): Promise<autocannon.Result> {
  // A short warm-up so JIT and connection pools are in the same state for both bots.
  await autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: CONNECTIONS,
    duration: 1,
  });
  return autocannon({
    url,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
}

/** The round with the median throughput, so one disturbed round does not skew the figures. */
function median(results: autocannon.Result[]): autocannon.Result {
  return [...results].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(results.length / 2)];
}

function row(name: string, r: autocannon.Result): string {
  const errors = r.errors + r.non2xx + r.timeouts;
  return [
    name.padEnd(34),
    `${Math.round(r.requests.average)}`.padStart(8),
    `${r.latency.p50}`.padStart(8),
    `${r.latency.p99}`.padStart(8),
    `${errors}`.padStart(7),
  ].join(" ");
}

async function main(): Promise<void> {
  const connector = await startMockConnector();
  const echo = await startEchoBot();
  const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `bench-${Date.now()}` });
  const app = await createApp(config, createLogger("silent"));
  const port = await app.start(0);
  const ours = `http://127.0.0.1:${port}/api/messages`;

  console.log(
    `POST /api/messages, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s per bot, loopback, node ${process.version}`,
  );
  // Rounds interleave the bots so a busy machine slows them alike; the median round is reported.
  const runs: { name: string; url: string; body: string; results: autocannon.Result[] }[] = [
    { name: "botbuilder echo bot (baseline)", url: echo.url, body: activity(connector.serviceUrl, "hej"), results: [] },
    ...SCENARIOS.map((s) => ({
      name: `samverkansboten: ${s.name}`,
      url: ours,
      body: activity(connector.serviceUrl, s.text),
      results: [],
    })),
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of runs) run.results.push(await measure(run.url, run.body));
  }
  console.log(
    ["".padEnd(34), "req/s".padStart(8), "p50 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7)].join(" "),
  );
  const medians = runs.map((run) => ({ name: run.name, r: median(run.results) }));
  for (const { name, r } of medians) console.log(row(name, r));
  const baseline = medians[0].r.requests.average;
  for (const { name, r } of medians.slice(1)) {
    console.log(
      `time per request, ${name.replace("samverkansboten: ", "")}: ${(baseline / r.requests.average).toFixed(2)}× the echo bot's`,
    );
  }
  // Let turns that autocannon abandoned at its deadline finish before the connector goes away.
  await new Promise((r) => setTimeout(r, 1000));
  await app.stop();
  await echo.close();
  await connector.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
