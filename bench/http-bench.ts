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
//   BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" (profile the bot; BENCH_STORE_NODE_ARGS the store)
//
// Shapes: "embedded" is `npm start` without COSMOS_ENDPOINT (the store inside the bot's process, so
// its CPU and heap count against the bot); "store" runs the store in its own process and points
// COSMOS_ENDPOINT at it (production shape). Evaluation submissions need a held meeting and members,
// which the bench writes into the store before the rounds, so they run in the "store" shape only.
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import { loadSeed } from "../data/kb/seed";
import { QaEngine } from "../dialogs/qa/qa-engine";
import { VusStore } from "../data/meetings/vus-store";
import { containerSpecs } from "../data/containers";
import type { LoadRequest, LoadResult } from "./support/load-process";
import { TENANT, aadObjectIdOf, userIdOf, type ScenarioSpec } from "./support/scenarios";
import { freePort, rssMb, start, startWithLine, stop, waitFor200, type Child } from "./support/processes";

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
const BOT_ENTRY = process.env.BENCH_BOT_ENTRY ?? join(ROOT, "dist", "bot", "main.js");
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

function feedbackScenario(): Scenario {
  const entries = loadSeed().entries.filter((e) => !e.retired);
  return {
    name: "feedback",
    spec: { kind: "feedback", votes: entries.map((e) => ({ entryId: e.id, question: e.phrasings[0] ?? e.title })) },
  };
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
    await vus.meetings.upsert({
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
    await vus.members.upsert({
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

const median = (rs: LoadResult[]): LoadResult => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)];

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
  const measure = (url: string, spec: ScenarioSpec, seconds: number): Promise<LoadResult> =>
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
      `load average ${(await import("node:os")).loadavg()[0].toFixed(1)} on ${(await import("node:os")).cpus().length} cores`,
  );
  try {
    for (const shape of SHAPES) {
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
          [...STORE_NODE_ARGS, join(__dirname, "support", "store-process.js")],
          {},
          ROOT,
        );
        store = s.child;
        children.push(store);
        env.COSMOS_ENDPOINT = s.line.endpoint;
        env.COSMOS_KEY = STORE_KEY;
      }
      const t0 = performance.now();
      const bot = start(process.execPath, [...BOT_NODE_ARGS, BOT_ENTRY], env, ROOT);
      children.push(bot);
      const base = `http://127.0.0.1:${env.PORT}`;
      const startupMs = await waitFor200(`${base}/healthz`, t0, bot);
      await new Promise((r) => setTimeout(r, 1000));
      const rssStart = rssMb(bot.process.pid!);

      const scenarios: Scenario[] = [];
      for (const name of SCENARIOS) {
        if (["questions", "answered", "declined"].includes(name))
          scenarios.push(questionScenarios().find((s) => s.name === name)!);
        else if (name === "feedback") scenarios.push(feedbackScenario());
        else if (name === "evaluation" && shape === "store")
          scenarios.push(await seedEvaluations(env.COSMOS_ENDPOINT!, env.COSMOS_DATABASE!, serviceUrl));
      }
      const url = `${base}/api/messages`;
      await measure(echo.line.url, echoSpec, WARMUP_SECONDS);
      for (const s of scenarios) await measure(url, s.spec, WARMUP_SECONDS);

      const echoRuns: LoadResult[] = [];
      const runs = new Map<string, LoadResult[]>(scenarios.map((s) => [s.name, []]));
      const rssRounds: number[] = [];
      const loadStart = performance.now();
      for (let round = 0; round < ROUNDS; round++) {
        echoRuns.push(await measure(echo.line.url, echoSpec, SECONDS));
        for (const s of scenarios) runs.get(s.name)!.push(await measure(url, s.spec, SECONDS));
        rssRounds.push(rssMb(bot.process.pid!));
      }
      const loadSeconds = Math.round((performance.now() - loadStart) / 1000);

      const e = median(echoRuns);
      const line = (name: string, r: Row, ratios: string) =>
        console.log(
          [
            name.padEnd(22),
            `${Math.round(r.rps)}`.padStart(7),
            `${r.p50}`.padStart(7),
            `${r.p99}`.padStart(7),
            `${r.errors}`.padStart(7),
            ratios,
          ].join(" "),
        );
      console.log(
        `\nshape "${shape}" (${shape === "store" ? "store in its own process" : "embedded store inside the bot"}):`,
      );
      console.log(
        [
          "".padEnd(22),
          "req/s".padStart(7),
          "p50 ms".padStart(7),
          "p99 ms".padStart(7),
          "errors".padStart(7),
          "  req/s ÷ echo, p99 ÷ echo",
        ].join(" "),
      );
      line("echo bot", e, "");
      for (const s of scenarios) {
        const r = median(runs.get(s.name)!);
        line(`bot: ${s.name}`, r, `  ${(r.rps / e.rps).toFixed(2)}×, ${(r.p99 / e.p99).toFixed(2)}×`);
      }
      console.log(
        `bot start-up to /healthz 200: ${Math.round(startupMs)} ms; RSS ${rssStart} MB 1 s after start, ` +
          `after each round ${rssRounds.join(" / ")} MB (${loadSeconds} s of load)`,
      );
      await stop(bot);
      if (store) await stop(store);
    }
  } finally {
    load.disconnect();
    for (const c of children) await stop(c);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
