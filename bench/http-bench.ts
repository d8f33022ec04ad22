// POST /api/messages of Samverkansboten against a bare botbuilder echo bot, the way production runs:
// echo bot, our bot, mock Bot Connector, load generator (autocannon) and — in the "store" shape — the
// Cosmos-compatible store each in a process of its own; requests rotate over BENCH_USERS users and
// conversations and over real questions; rounds interleave the echo bot and every scenario, and the
// median round is reported, with the ratios to the echo bot of the same run.
//
//   npm run bench:http
//   BENCH_SECONDS=8 BENCH_CONNECTIONS=16 BENCH_ROUNDS=3 BENCH_USERS=50 BENCH_SHAPES=embedded,store
//   BENCH_SCENARIOS=questions,answered,declined,feedback,evaluation
//   BENCH_QUESTIONS=path/to/set.jsonl (default data/eval/questions.jsonl)
//   BENCH_BOTS=before=/path/to/old/dist/bot/main.js,after=dist/bot/main.js (several builds, same rounds)
//   BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (profile the bot; BENCH_STORE_NODE_ARGS the store)
//
// Shapes: "embedded" is `npm start` without COSMOS_ENDPOINT (the store inside the bot's process, so
// its CPU and heap count against the bot); "store" runs the store in its own process and points
// COSMOS_ENDPOINT at it (production shape). Evaluation submissions need a held meeting and members,
// which the bench writes into the store before the rounds, so they run in the "store" shape only.
import { fork } from "node:child_process";
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import { loadSeed } from "../data/kb/seed";
import { QaEngine } from "../dialogs/qa/qa-engine";
import { VusStore } from "../data/meetings/vus-store";
import { containerSpecs } from "../data/containers";
import type { LoadRequest, LoadResult } from "./support/load-process";
import {
  TENANT,
  aadObjectIdOf,
  askForReplies,
  signedVotesIn,
  userIdOf,
  type ScenarioSpec,
  type SignedVote,
} from "./support/scenarios";
import { cpuMs, freePort, rssMb, start, startWithLine, stop, waitFor200, type Child } from "./support/processes";

const ROOT = join(__dirname, "..", "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const USERS = Number(process.env.BENCH_USERS ?? 50);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const SHAPES = (process.env.BENCH_SHAPES ?? "embedded,store").split(",").filter(Boolean) as Shape[];
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? "questions,answered,declined,feedback,evaluation")
  .split(",")
  .filter(Boolean);
const QUESTIONS = process.env.BENCH_QUESTIONS ?? join(ROOT, "data", "eval", "questions.jsonl");
/** "label=entry.js,…": several builds of the bot measured in the same interleaved rounds (before/after). */
const BOTS: [string, string][] = (process.env.BENCH_BOTS ?? `samverkansboten=${join(ROOT, "dist", "bot", "main.js")}`)
  .split(",")
  .filter(Boolean)
  .map((b) => b.split("=") as [string, string]);
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? "").split(" ").filter(Boolean);
const STORE_NODE_ARGS = (process.env.BENCH_STORE_NODE_ARGS ?? "").split(" ").filter(Boolean);
/** Any base64 key is accepted by the Cosmos-compatible store. */
const STORE_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
const EVALUATION_SECRET = "bench-only-evaluation-secret-0123456789abcdef";
const MEETINGS = 20;

type Shape = "embedded" | "store";

interface Scenario {
  name: string;
  spec: ScenarioSpec;
}

/** The question set, split by what the engine does with each (the base served is the seed). */
function questionScenarios(): Scenario[] {
  const texts = readFileSync(QUESTIONS, "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { q: string }).q);
  const engine = new QaEngine(loadSeed().entries);
  const outcome = new Map(texts.map((q) => [q, engine.ask(q).outcome]));
  return [
    { name: "questions", spec: { kind: "text", texts } },
    { name: "answered", spec: { kind: "text", texts: texts.filter((q) => outcome.get(q) === "answer") } },
    { name: "declined", spec: { kind: "text", texts: texts.filter((q) => outcome.get(q) === "decline") } },
  ];
}

/** POST on a connection of its own (a pooled one may have been closed by the bot's keep-alive timeout). */
function postForJson(url: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`POST ${url}: HTTP ${res.statusCode}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * 👍/👎 on answers, as Teams sends them: the bot refuses votes without its signature, so the bench asks
 * each entry's first phrasing once (expectReplies) and takes the signed button data from the answer card.
 */
async function feedbackScenario(botUrl: string, serviceUrl: string): Promise<Scenario> {
  const entries = loadSeed().entries.filter((e) => !e.retired);
  const votes = new Map<string, SignedVote>();
  for (const e of entries) {
    const replies = await postForJson(botUrl, askForReplies(e.phrasings[0] ?? e.title, serviceUrl));
    for (const v of signedVotesIn(replies)) votes.set(`${v.entryId}\n${v.question}`, v);
  }
  if (votes.size === 0) throw new Error("no signed 👍/👎 button in the answer cards");
  return { name: "feedback", spec: { kind: "feedback", votes: [...votes.values()] } };
}

/** Held meetings of VuS Sala with the bench users as members, written straight into the store. */
async function seedEvaluations(endpoint: string, databaseId: string, serviceUrl: string): Promise<Scenario> {
  const client = new CosmosClient({ endpoint, key: STORE_KEY, connectionPolicy: { enableEndpointDiscovery: false } });
  const vus = new VusStore(client.database(databaseId).container(containerSpecs.vus.id));
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const meetings: { groupId: string; meetingId: string }[] = [];
  for (let m = 0; m < MEETINGS; m++) {
    const start = iso(now - (4 + m) * 3600_000);
    const meetingId = `bench-meeting-${String(m).padStart(3, "0")}`;
    await vus.createMeeting({
      id: meetingId,
      type: "meeting",
      groupId: "sala",
      start,
      durationMinutes: 60,
      agenda: ["Lägesbild", "Gemensamma ärenden"],
      status: "planned",
      revision: 1,
      createdBy: "bench",
      createdAt: start,
      updatedBy: "bench",
      updatedAt: start,
    });
    meetings.push({ groupId: "sala", meetingId });
  }
  for (let u = 0; u < USERS; u++) {
    await vus.createMember({
      id: `member.${aadObjectIdOf(u)}`,
      type: "member",
      groupId: "sala",
      tenantId: TENANT,
      aadObjectId: aadObjectIdOf(u),
      userId: userIdOf(u),
      serviceUrl,
      name: `Användare ${u}`,
      organisation: "Sala",
      function: "ifo",
      role: "member",
      joinedAt: iso(now - 86400_000),
      updatedAt: iso(now - 86400_000),
    });
  }
  client.dispose();
  return { name: "evaluation", spec: { kind: "evaluation", meetings } };
}

interface Row {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Measured extends LoadResult {
  /** CPU ms per request of each process watched (the bot, then its store). */
  cpuPerRequest: number[];
}

const median = (rs: Measured[]): Measured => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)];
const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const connector = await startWithLine<{ serviceUrl: string }>(
    process.execPath,
    [join(__dirname, "support", "connector-process.js")],
    {},
    ROOT,
  );
  const serviceUrl = connector.line.serviceUrl;
  const echo = await startWithLine<{ url: string }>(
    process.execPath,
    [join(__dirname, "support", "echo-process.js")],
    { PORT: String(await freePort()) },
    ROOT,
  );
  const load = fork(join(__dirname, "support", "load-process.js"), [], { stdio: "inherit" });
  let nextId = 0;
  /** One load run; with pids, also the CPU those processes spent per request (robust on a busy machine). */
  const measure = async (url: string, spec: ScenarioSpec, seconds: number, pids: number[] = []): Promise<Measured> => {
    const before = pids.map(cpuMs);
    const r = await measureOnce(url, spec, seconds);
    const used = pids.map((pid, i) => cpuMs(pid) - before[i]);
    return { ...r, cpuPerRequest: used.map((ms) => ms / Math.max(1, r.requests)) };
  };
  const measureOnce = (url: string, spec: ScenarioSpec, seconds: number): Promise<LoadResult> =>
    new Promise((resolve) => {
      const id = nextId++;
      const onMessage = (r: LoadResult) => {
        if (r.id !== id) return;
        load.off("message", onMessage);
        resolve(r);
      };
      load.on("message", onMessage);
      const req: LoadRequest = { id, url, seconds, connections: CONNECTIONS, users: USERS, serviceUrl, spec };
      load.send(req);
    });
  const echoSpec: ScenarioSpec = questionScenarios()[0].spec;
  const children: Child[] = [connector.child, echo.child];

  console.log(
    `POST /api/messages: ${CONNECTIONS} connections, ${USERS} users, ${ROUNDS} interleaved rounds of ${SECONDS} s, ` +
      `median round; echo bot, bot, connector, load generator (and store) in separate processes; node ${process.version}, ` +
      `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  try {
    for (const shape of SHAPES) {
      const bots: Bot[] = [];
      for (const [label, entry] of BOTS) bots.push(await startBot(label, entry, shape, serviceUrl, children));
      const echoRuns: Measured[] = [];
      const loadStart = performance.now();
      await measure(echo.line.url, echoSpec, WARMUP_SECONDS);
      for (const bot of bots) for (const s of bot.scenarios) await measure(bot.url, s.spec, WARMUP_SECONDS);
      // Rounds interleave the echo bot and every bot and scenario, so a busy machine slows them alike.
      for (let round = 0; round < ROUNDS; round++) {
        echoRuns.push(await measure(echo.line.url, echoSpec, SECONDS, [echo.child.process.pid!]));
        for (const bot of bots) {
          const pids = [bot.child.process.pid!, ...(bot.store ? [bot.store.process.pid!] : [])];
          for (const s of bot.scenarios) bot.runs.get(s.name)!.push(await measure(bot.url, s.spec, SECONDS, pids));
          bot.rssRounds.push(rssMb(bot.child.process.pid!));
        }
      }
      const loadSeconds = Math.round((performance.now() - loadStart) / 1000);

      const e = median(echoRuns);
      const echoCpu = medianOf(echoRuns.map((r) => r.cpuPerRequest[0]));
      const line = (name: string, r: Row, cells: string[]) =>
        console.log(
          [
            name.padEnd(30),
            `${Math.round(r.rps)}`.padStart(7),
            `${r.p50}`.padStart(7),
            `${r.p99}`.padStart(7),
            `${r.errors}`.padStart(7),
            ...cells,
          ].join(" "),
        );
      console.log(
        `\nshape "${shape}" (${shape === "store" ? "store in its own process" : "embedded store inside the bot"}), ` +
          `${loadSeconds} s of load, load average now ${loadavg()[0].toFixed(1)}:`,
      );
      console.log(
        [
          "".padEnd(30),
          "req/s".padStart(7),
          "p50 ms".padStart(7),
          "p99 ms".padStart(7),
          "errors".padStart(7),
          "req/s÷echo".padStart(10),
          "p99÷echo".padStart(9),
          "CPU ms/req".padStart(10),
          "CPU÷echo".padStart(9),
          "store CPU ms/req".padStart(16),
        ].join(" "),
      );
      line("echo bot", e, ["".padStart(10), "".padStart(9), echoCpu.toFixed(2).padStart(10)]);
      for (const bot of bots)
        for (const s of bot.scenarios) {
          const runs = bot.runs.get(s.name)!;
          const r = median(runs);
          const cpu = medianOf(runs.map((x) => x.cpuPerRequest[0]));
          const storeCpu = bot.store ? medianOf(runs.map((x) => x.cpuPerRequest[1])).toFixed(2) : "";
          line(`${bot.label}: ${s.name}`, r, [
            `${(r.rps / e.rps).toFixed(2)}×`.padStart(10),
            `${(r.p99 / e.p99).toFixed(2)}×`.padStart(9),
            cpu.toFixed(2).padStart(10),
            `${(cpu / echoCpu).toFixed(2)}×`.padStart(9),
            storeCpu.padStart(16),
          ]);
        }
      for (const bot of bots) {
        console.log(
          `${bot.label}: start-up to /healthz 200 ${Math.round(bot.startupMs)} ms (${bot.startupCpuMs} ms CPU); ` +
            `RSS ${bot.rssStart} MB 1 s after start, after each round ${bot.rssRounds.join(" / ")} MB`,
        );
        // A refused vote or submission still answers 200 (with a Swedish message): say so, or the figures mislead.
        const refusals = bot.child.log.join("").match(/rejected|refused/g)?.length ?? 0;
        if (refusals > 0) console.log(`${bot.label}: WARNING ${refusals} refused submissions in the bot's log`);
        await stop(bot.child);
        if (bot.store) await stop(bot.store);
      }
    }
  } finally {
    load.disconnect();
    for (const c of children) await stop(c);
  }
}

interface Bot {
  label: string;
  child: Child;
  store?: Child;
  url: string;
  scenarios: Scenario[];
  runs: Map<string, Measured[]>;
  startupMs: number;
  startupCpuMs: number;
  rssStart: number;
  rssRounds: number[];
}

/** Starts one bot (and in the "store" shape its own store), waits until it answers, prepares its scenarios. */
async function startBot(
  label: string,
  entry: string,
  shape: Shape,
  serviceUrl: string,
  children: Child[],
): Promise<Bot> {
  let store: Child | undefined;
  const env: NodeJS.ProcessEnv = {
    PORT: String(await freePort()),
    LOG_LEVEL: "warn",
    COSMOS_DATABASE: `bench-${Date.now()}`,
    EVALUATION_SECRET,
  };
  if (shape === "store") {
    const s = await startWithLine<{ endpoint: string }>(
      process.execPath,
      [...STORE_NODE_ARGS, join(ROOT, "dist", "scripts", "cosmos-store.js")],
      { COSMOS_STORE_PORT: "0" },
      ROOT,
    );
    store = s.child;
    children.push(store);
    env.COSMOS_ENDPOINT = s.line.endpoint;
    env.COSMOS_KEY = STORE_KEY;
  }
  const t0 = performance.now();
  const child = start(process.execPath, [...BOT_NODE_ARGS, entry], env, ROOT);
  children.push(child);
  const base = `http://127.0.0.1:${env.PORT}`;
  const startupMs = await waitFor200(`${base}/healthz`, t0, child);
  const startupCpuMs = cpuMs(child.process.pid!);
  await new Promise((r) => setTimeout(r, 1000));
  const rssStart = rssMb(child.process.pid!);
  const scenarios: Scenario[] = [];
  for (const name of SCENARIOS) {
    if (["questions", "answered", "declined"].includes(name))
      scenarios.push(questionScenarios().find((s) => s.name === name)!);
    else if (name === "feedback") scenarios.push(await feedbackScenario(`${base}/api/messages`, serviceUrl));
    else if (name === "evaluation" && shape === "store")
      scenarios.push(await seedEvaluations(env.COSMOS_ENDPOINT!, env.COSMOS_DATABASE!, serviceUrl));
  }
  return {
    label,
    child,
    store,
    url: `${base}/api/messages`,
    scenarios,
    runs: new Map(scenarios.map((s) => [s.name, []])),
    startupMs,
    startupCpuMs,
    rssStart,
    rssRounds: [],
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
