// Production shape, with a crash: the store in its own process (`npm run store`), two bot processes
// (`node dist/bot/main.js`, as two App Service instances) sharing it, one meeting reminder to MEMBERS members,
// and `kill -9` of the instance that runs the fan-out once a third of the members have it. The other instance
// takes the job over when its lease runs out. Prints what the mock Bot Connector received per member.
//
//   npm run build && node dist/bench/kill9-fanout.js        (MEMBERS=500 for a bigger run)
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp } from "../bot/app";
import { ConversationStore } from "../data/conversations";
import { memberDocId } from "../data/meetings/vus-store";
import { TeamsTestClient, TENANT } from "../test/support/teams-client";

export interface KillRunOptions {
  members: number;
  /** Where dist/ is (the repository root). */
  root: string;
  /** Sends per second per instance; low enough that the kill lands mid fan-out. */
  sendsPerSecond?: number;
  leaseSeconds?: number;
  log?: (line: string) => void;
}

export interface KillRunFigures {
  members: number;
  received: number;
  reachedMembers: number;
  duplicates: number;
  /** Duplicated members whose first copy had reached the connector before the kill (the claim-to-record window). */
  duplicatedInFlightAtKill: number;
  losses: number;
  receivedBeforeKill: number;
  killedInstance: string;
  /** From the kill to the last member reached. */
  recoverySeconds: number;
  totalSeconds: number;
  job: { status?: string; counts?: unknown; owner?: string };
}

interface Proc {
  name: string;
  child: ChildProcess;
  /** The first JSON line with a `port` (the bot's "listening" line) or the store's endpoint. */
  ready: Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function start(
  name: string,
  script: string,
  root: string,
  env: Record<string, string>,
  isReady: (j: any) => boolean,
): Proc {
  const child = spawn(process.execPath, [join(root, "dist", script)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const j = JSON.parse(line);
        if (isReady(j)) resolve(j);
        if (j.level >= 50) process.stderr.write(`[${name}] ${line}\n`);
      } catch {
        /* not a JSON line */
      }
    });
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it was ready`)));
  });
  ready.catch(() => undefined);
  child.stderr!.on("data", (d) => process.stderr.write(`[${name}] ${d}`));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { name, child, ready, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runKillNineFanout(options: KillRunOptions): Promise<KillRunFigures> {
  const log = options.log ?? (() => undefined);
  const { members, root } = options;
  const procs: Proc[] = [];
  let connector: TeamsTestClient | undefined;
  let driver: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    const store = start("store", "scripts/cosmos-store.js", root, { COSMOS_STORE_PORT: "0" }, (j) =>
      Boolean(j.endpoint),
    );
    procs.push(store);
    const { endpoint, key } = (await store.ready) as { endpoint: string; key: string };
    const env = {
      COSMOS_ENDPOINT: endpoint,
      COSMOS_KEY: key,
      COSMOS_DATABASE: `kill9-${Date.now()}`,
      EVALUATION_SECRET: "kill9-evaluation-secret-0123456789abcdef",
      MEETINGS_REMINDER_OFFSETS: "1m",
      MEETINGS_SCHEDULER_INTERVAL_SECONDS: "1",
      MEETINGS_LEASE_SECONDS: String(options.leaseSeconds ?? 5),
      MEETINGS_TENANT_SENDS_PER_SECOND: String(options.sendsPerSecond ?? 20),
    };
    // Both instances start at the same moment on the empty database, as after a deployment.
    const bots = ["bot-a", "bot-b"].map((name) =>
      start(
        name,
        "bot/main.js",
        root,
        { ...env, PORT: "0", WEBSITE_INSTANCE_ID: name },
        (j) => typeof j.port === "number",
      ),
    );
    procs.push(...bots);
    const t0 = Date.now();
    await Promise.all(bots.map((b) => b.ready));
    log(`store and two bots up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // The driver plans through the same code on the same store; it never sends (no scheduler).
    connector = await TeamsTestClient.start("http://127.0.0.1:1/unused");
    driver = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }), createLogger("silent"), {
      startScheduler: false,
      answerQuestion: async () => ({ text: "" }),
    });
    const conversations = new ConversationStore(driver.store.containers.conversations);
    const now = new Date().toISOString();
    for (let i = 0; i < members; i++) {
      const aad = `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`;
      const conversationId = `a:kill9-${i}`;
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
          user: { id: `29:kill9-${i}` },
        },
      });
      await driver.vus.createMember({
        id: memberDocId(aad),
        type: "member",
        groupId: "vasteras",
        tenantId: TENANT,
        aadObjectId: aad,
        userId: `29:kill9-${i}`,
        serviceUrl: connector.serviceUrl,
        name: `Medlem ${i}`,
        organisation: "Västerås",
        function: "ifo",
        role: "member",
        joinedAt: now,
        updatedAt: now,
      });
    }
    // The "1m" reminder of a meeting 63 s from now is due in about 3 s.
    const meeting = await driver.meetings.planner.create(
      {
        groupId: "vasteras",
        start: new Date(Math.ceil((Date.now() + 63_000) / 1000) * 1000).toISOString(),
        durationMinutes: 60,
        place: "Västerås",
        agenda: ["Inledning"],
      },
      "kill9",
    );
    log(`${members} members and the meeting planned`);
    const reminderJob = async () => (await driver!.jobs.jobsOfMeeting(meeting.id)).find((j) => j.kind === "reminder");
    const memberMessages = () => connector!.sent.filter((s) => /^a:kill9-\d+$/.test(s.activity.conversation?.id ?? ""));

    // Kill the instance running the fan-out at a moment picked by the clock, not by a delivery (a crash
    // does not wait for a message to be acknowledged): between a third and two thirds into the time the
    // fan-out takes at the configured rate, counted from the first delivery.
    const rate = options.sendsPerSecond ?? 20;
    const fanoutStart = Date.now();
    while (memberMessages().length === 0) {
      if (Date.now() - fanoutStart > 120_000) throw new Error("the fan-out did not start within 120 s");
      await sleep(10);
    }
    await sleep(((1 + Math.random()) / 3) * (members / rate) * 1000);
    const owner = (await reminderJob())?.owner ?? "";
    const victim = bots.find((b) => owner.startsWith(b.name));
    if (!victim) throw new Error(`no bot owns the running job (owner ${owner})`);
    victim.child.kill("SIGKILL");
    const killedAt = Date.now();
    await victim.exited;
    const receivedBeforeKill = memberMessages().length;
    const firstCopies = new Set(memberMessages().map((m) => m.activity.conversation.id as string));
    log(`kill -9 ${victim.name} after ${receivedBeforeKill} deliveries`);

    // The survivor takes over when the lease runs out; wait until the job is done.
    let job = await reminderJob();
    let lastReached = killedAt;
    let reached = new Set<string>();
    while (Date.now() - killedAt < 120_000) {
      job = await reminderJob();
      const now = new Set(memberMessages().map((s) => s.activity.conversation.id as string));
      if (now.size > reached.size) lastReached = Date.now();
      reached = now;
      if (job?.status === "done") break;
      await sleep(200);
    }
    await sleep(2000); // anything still in flight arrives and counts
    const received = memberMessages();
    const perMember = new Map<string, number>();
    for (const s of received)
      perMember.set(s.activity.conversation.id, (perMember.get(s.activity.conversation.id) ?? 0) + 1);
    const duplicated = [...perMember].filter(([, n]) => n > 1).map(([id]) => id);
    return {
      members,
      duplicatedInFlightAtKill: duplicated.filter((id) => firstCopies.has(id)).length,
      received: received.length,
      reachedMembers: perMember.size,
      duplicates: [...perMember.values()].reduce((n, c) => n + c - 1, 0),
      losses: members - perMember.size,
      receivedBeforeKill,
      killedInstance: victim.name,
      recoverySeconds: (lastReached - killedAt) / 1000,
      totalSeconds: (Date.now() - fanoutStart) / 1000,
      job: { status: job?.status, counts: job?.counts, owner: job?.owner },
    };
  } finally {
    await driver?.stop();
    await connector?.close();
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
    await Promise.all(procs.map((p) => Promise.race([p.exited, sleep(15_000)])));
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  }
}

if (require.main === module) {
  const members = Number(process.env.MEMBERS ?? 250);
  runKillNineFanout({ members, root: join(__dirname, "..", ".."), log: (l) => console.log(`  ${l}`) }).then(
    (f) => {
      console.log(
        `kill -9 fan-out: ${f.members} members, store + 2 bot processes, ${f.killedInstance} killed mid fan-out`,
      );
      console.log(`  received before the kill  ${f.receivedBeforeKill}`);
      console.log(`  messages received         ${f.received}`);
      console.log(`  members reached           ${f.reachedMembers}`);
      console.log(
        `  duplicates                ${f.duplicates} (${f.duplicatedInFlightAtKill} of them in flight at the kill)`,
      );
      console.log(`  losses                    ${f.losses}`);
      console.log(`  kill → last member        ${f.recoverySeconds.toFixed(1)} s (lease + takeover + the rest)`);
      console.log(`  total                     ${f.totalSeconds.toFixed(1)} s`);
      console.log(`  job                       ${f.job.status} ${JSON.stringify(f.job.counts)}`);
      process.exit(f.duplicates === 0 && f.losses === 0 ? 0 : 1);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
