// A re-runnable trust probe of the running bot, in process on the embedded store, over HTTP with
// Teams-shaped activities and a mock Bot Connector (test/support/teams-client.ts). Prints figures:
// fuzzed card submissions to every card verb, malformed requests, non-admin attempts at admin commands
// and verbs, other-tenant requests, forged report links, an evaluation burst, and one check per defect
// of the trust issue that the probe can reach. A figure that should be 0 and is not is a finding.
//
//   npm run build && node dist/bench/trust-probe.js
//   FUZZ_PER_VERB=20 BURST=500 MEMBERS=100 npm run probe:trust
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { TeamsTestClient, TENANT } from "../test/support/teams-client";

const FUZZ_PER_VERB = Number(process.env.FUZZ_PER_VERB ?? 10);
const MEMBERS = Number(process.env.MEMBERS ?? 100);
const BURST = Number(process.env.BURST ?? 500);
const FORGED_LINKS = Number(process.env.FORGED_LINKS ?? 30);

const ADMIN = { id: "29:probe-admin", name: "Admin Välfärd", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const OTHER_TENANT = "99999999-8888-4777-8666-555555555555";
const APP_ID = "11111111-2222-4333-8444-555555555555";
const user = (i: number) => ({
  id: `29:probe-${i}`,
  name: `Medlem ${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
});
type Who = ReturnType<typeof user>;
const STACK = /\bat \S+ \(|Error:|\/node_modules\/|\.ts:\d+|\.js:\d+/;
const ENGLISH = /Unknown card action|Not Implemented|Bad Request|Internal Server Error/i;

const rnd = (n: number) => Math.floor(Math.random() * n);
/** A random, often malformed, value for a card field. */
function junk(depth = 0): unknown {
  const pick = [
    () => "",
    () => " ",
    () => "../../etc/passwd",
    () => "a/b#c\\d",
    () => "\ud800",
    () => "x".repeat(5000),
    () => "[klicka](https://evil.example)",
    () => rnd(1e9) - 5e8,
    () => 1e308,
    () => -0.5,
    () => true,
    () => null,
    () => "sala",
    () => "00000000-0000-4000-8000-000000000001",
    () => "2026-13-45",
    () => randomBytes(8).toString("hex"),
    () => (depth < 2 ? [junk(depth + 1), junk(depth + 1)] : []),
    () => (depth < 2 ? { a: junk(depth + 1), groupId: junk(depth + 1) } : {}),
  ];
  return pick[rnd(pick.length)]();
}
const FIELDS = ["groupId", "meetingId", "aadObjectId", "caseId", "id", "answer", "question", "q1", "q2", "entryId"];
function fuzzData(verb: string): Record<string, unknown> {
  const data: Record<string, unknown> = { action: verb };
  for (const f of FIELDS) if (Math.random() < 0.5) data[f] = junk();
  for (let i = 0; i < rnd(3); i++) data[randomBytes(3).toString("hex")] = junk();
  return data;
}

/**
 * A digest of every domain document (system fields left out): equal digests, no state change. A
 * question the bot could not answer is stored for the admins' review by design (any text that falls
 * through to Q&A, e.g. a non-admin's "samordnare"), so those documents are left out.
 */
async function digest(app: App): Promise<string> {
  const hash = createHash("sha256");
  const skip = new Set(["_rid", "_self", "_etag", "_attachments", "_ts"]);
  for (const name of [
    "vus",
    "evaluations",
    "feedback",
    "escalations",
    "cases",
    "admin",
    "knowledge",
    "jobs",
  ] as const) {
    const { resources } = await app.store.containers[name].items.query("SELECT * FROM c").fetchAll();
    const docs = resources
      .filter((d) => d.kind !== "unanswered")
      .map((d) => JSON.stringify(Object.fromEntries(Object.entries(d).filter(([k]) => !skip.has(k)))))
      .sort();
    hash.update(name).update(docs.join("\n"));
  }
  return hash.digest("hex");
}

interface Tally {
  requests: number;
  fivexx: number;
  stacks: number;
  turnErrors: number;
}
const tally = (): Tally => ({ requests: 0, fivexx: 0, stacks: 0, turnErrors: 0 });

async function main(): Promise<void> {
  const started = Date.now();
  const errors: string[] = [];
  const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(line) });
  const turnErrors = () => errors.filter((l) => /turn failed|unhandled/i.test(l)).length;
  const clock = new ManualClock("2026-03-01T08:00:00.000Z");
  const config = loadConfig({
    LOG_LEVEL: "silent",
    ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
    ALLOWED_TENANT_IDS: TENANT,
    EVALUATION_SECRET: "probe-evaluation-secret-that-is-long-enough-0123",
    PSEUDONYM_SECRET: "probe-pseudonym-secret-0123456789abcdef",
    COSMOS_DATABASE: `probe-${Date.now()}`,
  });
  const app = await createApp(config, logger, { clock, instanceId: "probe", startScheduler: false });
  const port = await app.start(0);
  const base = `http://127.0.0.1:${port}`;
  const client = await TeamsTestClient.start(`${base}/api/messages`);
  const chat = (who: Who) => `a:chat-${who.id}`;
  const submit = (who: Who, value: unknown, text?: string) =>
    client.as(who, () => client.post(client.activity({ type: "message", conversationId: chat(who), value, text })));
  const execute = (who: Who, verb: string, data: unknown) =>
    client.as(who, () => client.execute(verb, data, { conversationId: chat(who) }));
  const count = (t: Tally, res: { status: number; body: unknown; replies: Record<string, any>[] }) => {
    t.requests++;
    if (res.status >= 500) t.fivexx++;
    const text = JSON.stringify(res.body ?? "") + JSON.stringify(res.replies.map((r) => r.text ?? ""));
    if (STACK.test(text)) t.stacks++;
  };
  const out: Record<string, unknown> = {};

  // Setup: an admin, MEMBERS approved members of VuS Sala, a coordinator, a meeting that has ended.
  await client.as(ADMIN, () => client.install({ conversationId: chat(ADMIN) }));
  for (let i = 0; i < MEMBERS; i++) {
    const who = user(i);
    await client.as(who, () => client.install({ conversationId: chat(who) }));
    await submit(who, { action: "meetings.join", groupId: "sala", organisation: "Sala", function: "ifo" });
    await submit(ADMIN, { action: "meetings.approveJoin", groupId: "sala", aadObjectId: who.aadObjectId });
  }
  await submit(ADMIN, { action: "meetings.coordinator", member: `sala|${user(0).aadObjectId}` });
  await submit(user(0), {
    action: "meetings.save",
    meetingId: "",
    groupId: "sala",
    date: "2026-03-10",
    start: "09:00",
    length: "120",
    place: "Sala sjukhus",
    link: "",
    theme: "SIP",
    agenda: "SIP-rutinen",
  });
  const meetingId = (await app.vus.meetingsOf("sala"))[0]?.id ?? "";
  const meetingRef = { groupId: "sala", meetingId };
  clock.set("2026-03-10T11:00:30.000Z");
  await app.scheduler.tick();
  await app.scheduler.tick();
  out.setup = { members: (await app.vus.membersOf("sala")).length, meeting: Boolean(meetingId) };

  // 1. Fuzzed card submissions to every card verb, as a member who is not an admin.
  const verbs = [...new Set(app.features.flatMap((f) => Object.keys(f.cardActions ?? {})))].filter(
    (v) => !v.endsWith("*"),
  );
  const fuzzer = user(MEMBERS + 1);
  await client.as(fuzzer, () => client.install({ conversationId: chat(fuzzer) }));
  let before = await digest(app);
  let errorsBefore = turnErrors();
  const fuzz = tally();
  for (const verb of verbs)
    for (let i = 0; i < FUZZ_PER_VERB; i++) {
      const data = fuzzData(verb);
      count(fuzz, i % 2 ? await execute(fuzzer, verb, data) : await submit(fuzzer, data));
    }
  fuzz.turnErrors = turnErrors() - errorsBefore;
  out.fuzz = { verbs: verbs.length, ...fuzz, stateChanged: (await digest(app)) !== before };

  // 2. Malformed HTTP requests.
  const malformed = tally();
  const raw = async (body: string, headers: Record<string, string> = { "content-type": "application/json" }) => {
    const res = await fetch(`${base}/api/messages`, { method: "POST", headers, body });
    const text = await res.text();
    malformed.requests++;
    if (res.status >= 500) malformed.fivexx++;
    if (STACK.test(text)) malformed.stacks++;
  };
  const good = client.activity({ type: "message", text: "hej" });
  const bodies = [
    "",
    "{",
    "null",
    "[]",
    "42",
    '"x"',
    "{}",
    JSON.stringify({ type: "message" }),
    JSON.stringify({ ...good, from: 5 }),
    JSON.stringify({ ...good, conversation: null }),
    JSON.stringify({ ...good, serviceUrl: "not a url" }),
    JSON.stringify({ ...good, attachments: { a: 1 } }),
    JSON.stringify({ ...good, entities: "x" }),
    JSON.stringify({ ...good, type: "conversationUpdate", membersAdded: [null] }),
    JSON.stringify({ ...good, type: "invoke", name: "adaptiveCard/action", value: "x" }),
    JSON.stringify({ ...good, type: "invoke", name: "composeExtension/query", value: [1] }),
    JSON.stringify({ ...good, type: "invoke", name: "okänd/invoke" }),
    JSON.stringify({ ...good, text: "\ud800" }),
    JSON.stringify({ ...good, text: "x".repeat(200_000) }),
    JSON.stringify({ ...good, channelData: "x" }),
  ];
  for (const b of bodies) await raw(b);
  for (const b of bodies.slice(0, 8)) await raw(b, { "content-type": "text/plain" });
  for (let i = 0; i < 20; i++) await raw(randomBytes(64).toString("latin1"));
  malformed.turnErrors = turnErrors() - errorsBefore - fuzz.turnErrors;
  out.malformed = malformed;

  // 3. Non-admin attempts at every admin command and at admin, privacy and expert verbs.
  before = await digest(app);
  errorsBefore = turnErrors();
  const nonAdmin = tally();
  const adminCommands = [
    "admin",
    "granska",
    "exportera",
    "historik",
    "admins",
    `admin lägg till ${fuzzer.aadObjectId}`,
    "samordnare",
    "kommuner Sala: Sala, Heby",
    `radera användare ${user(1).name}`,
    "koppla expertkanal",
    "expertfrågor",
    "rapport 2b 2026",
  ];
  /** Which attempts changed stored state (each should be none). */
  const changedBy: string[] = [];
  let last = before;
  const check = async (label: string) => {
    const now = await digest(app);
    if (now !== last) changedBy.push(label);
    last = now;
  };
  for (const text of adminCommands) {
    count(nonAdmin, await client.as(user(5), () => client.say(text, { conversationId: chat(user(5)) })));
    await check(text);
  }
  const adminVerbs = verbs.filter((v) => /^(admin|privacy|escalation|meetings\.(approve|deny|coordinator))/.test(v));
  for (const verb of adminVerbs) {
    const data = { action: verb, aadObjectId: user(2).aadObjectId, ...meetingRef };
    count(nonAdmin, await submit(user(5), data));
    await check(`submit ${verb}`);
    count(nonAdmin, await execute(user(5), verb, data));
    await check(`execute ${verb}`);
  }
  nonAdmin.turnErrors = turnErrors() - errorsBefore;
  out.nonAdmin = { commands: adminCommands.length, verbs: adminVerbs.length, ...nonAdmin, stateChanged: changedBy };

  // 4. Other-tenant requests (the two tenant ids disagreeing too).
  const tenants = { requests: 0, served: 0 };
  for (const [conv, channel] of [
    [OTHER_TENANT, OTHER_TENANT],
    [TENANT, OTHER_TENANT],
    [OTHER_TENANT, TENANT],
    [OTHER_TENANT, undefined],
  ] as const)
    for (const text of ["hjälp", "Vem betalar HVB?", "admin"]) {
      const a = client.activity({ type: "message", text, conversationId: chat(user(3)) });
      a.conversation.tenantId = conv;
      a.channelData = channel ? { tenant: { id: channel } } : {};
      const res = await client.post(a);
      tenants.requests++;
      if (res.status < 400 || res.replies.length) tenants.served++;
    }
  out.otherTenant = tenants;

  // 5. Forged report links.
  const links = { requests: 0, served: 0, fivexx: 0, leaks: 0 };
  for (let i = 0; i < FORGED_LINKS; i++) {
    const token =
      i % 3 ? randomBytes(rnd(200) + 1).toString("base64url") : `${randomBytes(40).toString("base64url")}.${i}`;
    const res = await fetch(`${base}/api/reports/2b?t=${token}`);
    const text = await res.text();
    links.requests++;
    if (res.status === 200) links.served++;
    if (res.status >= 500) links.fivexx++;
    if (STACK.test(text)) links.leaks++;
  }
  out.forgedLinks = links;

  // 6. Evaluation burst: BURST concurrent submissions from the MEMBERS invited members.
  const t0 = Date.now();
  const burst = await Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      execute(user(i % MEMBERS), "evaluation.submit", {
        action: "evaluation.submit",
        ...meetingRef,
        q1: String((i % 5) + 1),
        q2: "4",
        orgType: "kommun",
      }),
    ),
  );
  const answers = (await app.evaluations.store.answersOfYear("2026")).filter((a) => a.meetingId === meetingId);
  out.burst = {
    submissions: BURST,
    members: MEMBERS,
    fivexx: burst.filter((r) => r.status >= 500).length,
    storedAnswers: answers.length,
    seconds: (Date.now() - t0) / 1000,
  };

  // 7. The defects, one check each where the probe reaches them.
  const defects: Record<string, unknown> = {};
  // 1: delivery records and jobs name nobody (no aad id, no recipient key, no Teams id).
  const { resources: jobDocs } = await app.store.containers.jobs.items.query("SELECT * FROM c").fetchAll();
  const jobText = JSON.stringify(jobDocs);
  defects["1 raw ids in jobs/delivery records"] = Array.from({ length: MEMBERS }, (_, i) => user(i)).filter(
    (u) => jobText.includes(u.aadObjectId) || jobText.includes(u.id),
  ).length;
  // 2: joining is a request; a member who joined after the survey opened cannot answer it.
  const late = user(MEMBERS + 2);
  await client.as(late, () => client.install({ conversationId: chat(late) }));
  await submit(late, { action: "meetings.join", groupId: "sala", organisation: "Sala", function: "ifo" });
  const memberBeforeApproval = Boolean(await app.vus.member("sala", late.aadObjectId));
  await submit(ADMIN, { action: "meetings.approveJoin", groupId: "sala", aadObjectId: late.aadObjectId });
  await execute(late, "evaluation.submit", {
    action: "evaluation.submit",
    ...meetingRef,
    q1: "5",
    q2: "5",
    orgType: "kommun",
  });
  const after = (await app.evaluations.store.answersOfYear("2026")).filter((a) => a.meetingId === meetingId).length;
  const freeOrg = await submit(user(MEMBERS + 3), {
    action: "meetings.join",
    groupId: "koping",
    organisation: "Påhittad AB",
    function: "ifo",
  });
  defects["2 member before approval / late answer stored / free-text organisation stored"] = [
    memberBeforeApproval,
    after !== answers.length,
    (await app.vus.requestsOfPerson([user(MEMBERS + 3).aadObjectId])).length > 0,
  ];
  void freeOrg;
  // 4: a file from a foreign host is not fetched for a member who is not a coordinator.
  let fetched = 0;
  const foreign = http.createServer((_req, res) => {
    fetched++;
    res.end("x");
  });
  await new Promise<void>((r) => foreign.listen(0, "127.0.0.1", r));
  const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/file.csv`;
  await client.as(user(7), () =>
    client.post(
      client.activity({
        type: "message",
        conversationId: chat(user(7)),
        attachments: [
          {
            contentType: "application/vnd.microsoft.teams.file.download.info",
            name: "möten.csv",
            content: { downloadUrl: foreignUrl, fileType: "csv" },
          },
        ],
      }),
    ),
  );
  await new Promise<void>((r) => foreign.close(() => r()));
  defects["4 foreign URL fetched for a non-coordinator"] = fetched;
  // 5: a name with a Markdown link reaches the approver's card escaped.
  const phisher = { ...user(MEMBERS + 4), name: "[Klicka här](https://evil.example)" };
  const sentBefore = client.sent.length;
  await client.as(phisher, () => client.install({ conversationId: chat(phisher) }));
  await submit(phisher, { action: "meetings.join", groupId: "heby", organisation: "Heby", function: "ifo" });
  const toApprovers = JSON.stringify(
    client.sent.slice(sentBefore).filter((s) => s.activity.conversation?.id !== chat(phisher)),
  );
  defects["5 live Markdown link on an approver's card"] = toApprovers.includes("[Klicka här](https://evil.example)");
  // 6: bad ids and a group id given as a meeting id.
  errorsBefore = turnErrors();
  const idRes = [];
  for (const meeting of ["../x", "a/b", "a#b", " ", "\ud800", "sala"])
    idRes.push(await execute(user(1), "meetings.rsvp", { groupId: "sala", meetingId: meeting, answer: "attending" }));
  defects["6 bad ids: 5xx / turn errors"] = [idRes.filter((r) => r.status >= 500).length, turnErrors() - errorsBefore];
  // 7: unknown card action and unknown invoke answered in Swedish with 200.
  const unknownVerb = await execute(user(1), "meetings.rsvp", { nonsense: true });
  const unknownInvoke = await client.as(user(1), () =>
    client.post(client.activity({ type: "invoke", name: "okänd/åtgärd", conversationId: chat(user(1)) })),
  );
  defects["7 English or non-200 errors"] = [unknownVerb, unknownInvoke].filter(
    (r) => r.status !== 200 || ENGLISH.test(JSON.stringify(r.body ?? "")),
  ).length;
  out.defects = defects;

  await client.close();
  await app.stop();

  // 8, 9 and the auth-on refusals: a second app with Bot Framework authentication on.
  const authConfig = loadConfig({
    LOG_LEVEL: "silent",
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: "not-a-real-password",
    PSEUDONYM_SECRET: "probe-pseudonym-secret-0123456789abcdef",
    ALLOW_IN_MEMORY_STORE: "true",
    ALLOWED_TENANT_IDS: TENANT,
    HOST: "127.0.0.1",
    COSMOS_DATABASE: `probe-auth-${Date.now()}`,
  });
  const authApp = await createApp(authConfig, createLogger("silent"), { startScheduler: false });
  const authUrl = `http://127.0.0.1:${await authApp.start(0)}/api/messages`;
  const auth = { requests: 0, not401: 0, namesFields: 0, leaks: 0 };
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const fakeToken = [
    b64({ alg: "RS256", kid: "probe", typ: "JWT" }),
    b64({ iss: "https://api.botframework.com", aud: APP_ID, nbf: now - 60, exp: now + 3600 }),
    "c2lnbmF0dXJl",
  ].join(".");
  for (const body of [
    { type: "message", from: 5 },
    {
      ...good,
      conversation: { ...good.conversation, tenantId: OTHER_TENANT },
      channelData: { tenant: { id: OTHER_TENANT } },
    },
    { ...good, channelData: { tenant: { id: OTHER_TENANT } } },
    good,
  ])
    for (const authorization of [undefined, "Bearer x", `Bearer ${fakeToken}`]) {
      const res = await fetch(authUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      auth.requests++;
      if (res.status !== 401 && res.status !== 503) auth.not401++;
      if (/fields|serviceUrl|conversation|channelId|tenant/i.test(text)) auth.namesFields++;
      if (/https?:|botframework|openid|ENOTFOUND|EAI_AGAIN|fetch|stack/i.test(text)) auth.leaks++;
    }
  await authApp.stop();
  out.authOn = auth;
  out.notInProbe = [
    "3 shutdown under load (test/shutdown-http.test.ts covers it)",
    "9 unreachable COSMOS_ENDPOINT at start (test/startup-failure.test.ts)",
  ];
  out.seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify(out, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
