import { createApp } from "../bot/app";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { TeamsTestClient } from "../test/support/teams-client";

// Message extension search over HTTP: composeExtension/query invokes with real Swedish queries (and an
// empty one), sequentially, against the real knowledge base. Prints p50/p99 latency; asserts nothing.

const QUERIES = [
  "Vem kallar till SIP?",
  "kostnadsansvar HVB",
  "kostnadsansvr hvb placerng",
  "samordnad individuell plan",
  "VuS-grupp",
  "utskrivning från slutenvård",
  "",
  "Hur ofta ska VuS-gruppen träffas?",
  "LVM",
  "brukarinflytande",
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

async function main(): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `bench-me-${Date.now()}` });
  const app = await createApp(config, createLogger("silent"), { startScheduler: false });
  const client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
  const times: number[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++)
      for (const q of QUERIES) {
        const started = process.hrtime.bigint();
        const res = await client.post(
          client.activity({
            type: "invoke",
            name: "composeExtension/query",
            conversationType: "groupChat",
            value: {
              commandId: "searchKnowledge",
              parameters: [{ name: "searchQuery", value: q }],
              queryOptions: { skip: 0, count: 25 },
            },
          }),
        );
        if (res.status !== 200) throw new Error(`status ${res.status}`);
        if (r > 0) times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
  } finally {
    await client.close();
    await app.stop();
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`composeExtension/query over HTTP: ${times.length} queries, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
