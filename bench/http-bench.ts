// Throughput and latency of POST /api/messages with autocannon on loopback: Samverkansboten
// (embedded Cosmos, real router and cards) next to a bare botbuilder echo bot measured in the same
// run, so the ratio shows what our own code costs per request.
//
//   npm run bench:http        (BENCH_SECONDS=10 BENCH_CONNECTIONS=10 by default)
import autocannon from "autocannon";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp } from "../bot/app";
import { startEchoBot } from "./support/echo-bot";
import { startMockConnector } from "./support/mock-connector";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

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
    conversation: { id: "a:bench-personal", conversationType: "personal", tenantId: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11" },
    channelData: { tenant: { id: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11" } },
    locale: "sv-SE",
    text,
  });
}

async function measure(url: string, body: string): Promise<autocannon.Result> {
  // A short warm-up so JIT and connection pools are in the same state for both bots.
  await autocannon({ url, method: "POST", headers: { "content-type": "application/json" }, body, connections: CONNECTIONS, duration: 1 });
  return autocannon({ url, method: "POST", headers: { "content-type": "application/json" }, body, connections: CONNECTIONS, duration: SECONDS });
}

function row(name: string, r: autocannon.Result): string {
  const errors = r.errors + r.non2xx + r.timeouts;
  return [name.padEnd(34), `${Math.round(r.requests.average)}`.padStart(8), `${r.latency.p50}`.padStart(8), `${r.latency.p99}`.padStart(8), `${errors}`.padStart(7)].join(" ");
}

async function main(): Promise<void> {
  const connector = await startMockConnector();
  const echo = await startEchoBot();
  const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `bench-${Date.now()}` });
  const app = await createApp(config, createLogger("silent"));
  const port = await app.start(0);
  const ours = `http://127.0.0.1:${port}/api/messages`;

  console.log(`POST /api/messages, ${CONNECTIONS} connections, ${SECONDS} s each, loopback, node ${process.version}`);
  console.log(["".padEnd(34), "req/s".padStart(8), "p50 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7)].join(" "));
  const echoBody = activity(connector.serviceUrl, "hej");
  // The baseline runs before and after our scenarios; the first run also pays for warming up the process.
  const before = await measure(echo.url, echoBody);
  console.log(row("botbuilder echo bot (before)", before));
  const ourResults: [string, autocannon.Result][] = [];
  for (const s of SCENARIOS) {
    const r = await measure(ours, activity(connector.serviceUrl, s.text));
    ourResults.push([s.name, r]);
    console.log(row(`samverkansboten: ${s.name}`, r));
  }
  const after = await measure(echo.url, echoBody);
  console.log(row("botbuilder echo bot (after)", after));
  const baselineRate = (before.requests.average + after.requests.average) / 2;
  for (const [name, r] of ourResults) {
    console.log(`time per request, ${name}: ${(baselineRate / r.requests.average).toFixed(2)}× the echo bot's (mean of both baseline runs)`);
  }
  await app.stop();
  await echo.close();
  await connector.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
