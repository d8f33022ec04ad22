// Start-up of the bot, process by process: wall time from spawn to /healthz 200, the CPU the process
// used until then, and its RSS 1 s later, with the machine's load average next to every figure
// (on a shared machine wall time follows the load; CPU time much less so).
//
//   npm run build && node dist/bench/startup-bench.js
//   BENCH_RUNS=3 BENCH_SHAPES=embedded,store
//   BENCH_BOTS=before=/path/to/old/dist/bot/main.js,after=dist/bot/main.js (several builds, alternating)
//   BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (profile the start-up)
import { loadavg } from "node:os";
import { join } from "node:path";
import { cpuMs, freePort, rssMb, start, startWithLine, stop, waitFor200, type Child } from "./support/processes";

const ROOT = join(__dirname, "..", "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SHAPES = (process.env.BENCH_SHAPES ?? "embedded,store").split(",").filter(Boolean);
const BOTS: [string, string][] = (process.env.BENCH_BOTS ?? `samverkansboten=${join(ROOT, "dist", "bot", "main.js")}`)
  .split(",")
  .filter(Boolean)
  .map((b) => b.split("=") as [string, string]);
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(" ").filter(Boolean);
/** Any base64 key is accepted by the Cosmos-compatible store. */
const STORE_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

interface Run {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  load: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startOnce(entry: string, shape: string): Promise<Run> {
  const children: Child[] = [];
  try {
    const env: NodeJS.ProcessEnv = {
      PORT: String(await freePort()),
      LOG_LEVEL: "warn",
      COSMOS_DATABASE: `startup-${Date.now()}`,
      EVALUATION_SECRET: "bench-only-evaluation-secret-0123456789abcdef",
    };
    if (shape === "store") {
      const s = await startWithLine<{ endpoint: string }>(
        process.execPath,
        [join(ROOT, "dist", "scripts", "cosmos-store.js")],
        { COSMOS_STORE_PORT: "0" },
        ROOT,
      );
      children.push(s.child);
      env.COSMOS_ENDPOINT = s.line.endpoint;
      env.COSMOS_KEY = STORE_KEY;
    }
    const load = loadavg()[0];
    const t0 = performance.now();
    const child = start(process.execPath, [...BOT_NODE_ARGS, entry], env, ROOT);
    children.push(child);
    const wallMs = await waitFor200(`http://127.0.0.1:${env.PORT}/healthz`, t0, child);
    const cpu = cpuMs(child.process.pid!);
    await new Promise((r) => setTimeout(r, 1000));
    return { wallMs, cpuMs: cpu, rssMb: rssMb(child.process.pid!), load };
  } finally {
    for (const c of children.reverse()) await stop(c);
  }
}

async function main(): Promise<void> {
  for (const shape of SHAPES) {
    const runs = new Map<string, Run[]>(BOTS.map(([label]) => [label, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const [label, entry] of BOTS) {
        const r = await startOnce(entry, shape);
        runs.get(label)!.push(r);
        console.log(
          `${shape} ${label} run ${i + 1}: wall ${Math.round(r.wallMs)} ms, CPU ${r.cpuMs} ms, ` +
            `RSS ${r.rssMb} MB 1 s after start (load average ${r.load.toFixed(2)})`,
        );
      }
    }
    for (const [label, rs] of runs) {
      console.log(
        `${shape} ${label} median of ${rs.length}: wall ${Math.round(median(rs.map((r) => r.wallMs)))} ms, ` +
          `CPU ${median(rs.map((r) => r.cpuMs))} ms, RSS ${median(rs.map((r) => r.rssMb))} MB ` +
          `(load average ${Math.min(...rs.map((r) => r.load)).toFixed(2)}–${Math.max(...rs.map((r) => r.load)).toFixed(2)})`,
      );
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
