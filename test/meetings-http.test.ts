import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { startEmbeddedCosmos } from "../data/cosmos";
import { ManualClock } from "../core/clock";
import { TeamsTestClient, TENANT, cardText, type ConnectorBehaviour } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";
import type { Server } from "node:http";

const ADMIN = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
const PLANNED_AT = "2027-03-15T08:00:00.000Z";

interface Cluster {
  apps: App[];
  clocks: ManualClock[];
  client: TeamsTestClient;
  cosmos: Server;
  stop(): Promise<void>;
}

/** Bot instances sharing one embedded Cosmos, like replicas behind a load balancer; no background scheduler. */
async function startCluster(
  instances: number,
  behaviour: ConnectorBehaviour = {},
  env: Record<string, string> = {},
): Promise<Cluster> {
  const { endpoint, server } = await startEmbeddedCosmos();
  const config = loadConfig({
    LOG_LEVEL: "silent",
    COSMOS_ENDPOINT: endpoint,
    COSMOS_KEY: KEY,
    EVALUATION_SECRET: "meetings-test-secret-that-is-long-enough-01",
    COSMOS_DATABASE: `meet-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    ADMIN_AAD_OBJECT_IDS: ADMIN,
    ...env,
  });
  const apps: App[] = [];
  const clocks: ManualClock[] = [];
  for (let i = 0; i < instances; i++) {
    const clock = new ManualClock(PLANNED_AT);
    clocks.push(clock);
    apps.push(
      await createApp(config, createLogger("silent"), { clock, instanceId: `instance-${i}`, startScheduler: false }),
    );
  }
  const port = await apps[0].start(0);
  for (const a of apps.slice(1)) await a.start(0);
  const client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`, behaviour);
  return {
    apps,
    clocks,
    client,
    cosmos: server,
    async stop() {
      await client.close();
      for (const a of apps) await a.stop();
      await new Promise((r) => server.close(r));
    },
  };
}

const user = (i: number) => ({
  id: `29:member-${i}`,
  name: `Medlem ${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
});
const admin = { id: "29:admin", name: "Admin Välfärd", aadObjectId: ADMIN };

const as = <T>(client: TeamsTestClient, who: typeof admin, fn: () => Promise<T>) => client.as(who, fn);

const FUNCTIONS = ["ifo", "socialpsykiatri", "vuxenpsykiatri", "habilitering", "vardcentral", "samordnare"];

/** Members install the app, join VuS Sala from the card; the admin makes member 0 coordinator and plans a meeting. */
async function setUp(c: Cluster, members: number) {
  for (let i = 0; i < members; i++) {
    await as(c.client, user(i), async () => {
      await c.client.install({ conversationId: `a:member-${i}` });
      const joined = await c.client.post(
        c.client.activity({
          type: "message",
          conversationId: `a:member-${i}`,
          value: {
            action: "meetings.join",
            groupId: "sala",
            organisation: i === 2 || i === 3 ? "Region Västmanland" : "Sala",
            function: FUNCTIONS[i % FUNCTIONS.length],
          },
        }),
      );
      expect(joined.replies[0].text).toContain("Du är med i VuS Sala");
    });
  }
  await as(c.client, admin, async () => {
    await c.client.install({ conversationId: "a:admin" });
    const made = await c.client.post(
      c.client.activity({
        type: "message",
        conversationId: "a:admin",
        value: { action: "meetings.coordinator", member: `sala|${user(0).aadObjectId}` },
      }),
    );
    expect(made.replies[0].text).toContain("är nu samordnare för VuS Sala");
  });
  // The coordinator plans the meeting with the card form: Monday after the spring DST change.
  const planned = await as(c.client, user(0), () =>
    c.client.post(
      c.client.activity({
        type: "message",
        conversationId: "a:member-0",
        value: {
          action: "meetings.save",
          meetingId: "",
          groupId: "sala",
          date: "2027-03-29",
          start: "09:00",
          length: "120",
          place: "Sala sjukhus, rum 3",
          link: "https://teams.microsoft.com/l/meetup-join/abc",
          theme: "SIP",
          agenda: "Inledning\nSIP-rutinen",
        },
      }),
    ),
  );
  expect(planned.replies[0].text).toContain("Mötet för VuS Sala är planerat: måndag 29 mars 2027 kl. 09:00–11:00");
}

const remindersTo = (c: Cluster, conversationId: string, title = "Påminnelse: VuS Sala") =>
  c.client.sent.filter(
    (s) =>
      s.activity.type === "message" &&
      s.activity.conversation?.id === conversationId &&
      cardText(s.activity).includes(title),
  );

describe("meetings over HTTP with two bot instances on one Cosmos", () => {
  let c: Cluster;
  const MEMBERS = 6;

  beforeAll(async () => {
    c = await startCluster(2);
    await setUp(c, MEMBERS);
  });
  afterAll(() => c.stop());

  it("sends the 7-day reminder exactly once per member although both instances run the scheduler", async () => {
    for (const clock of c.clocks) clock.set("2027-03-22T08:00:05.000Z"); // 09:00 CET, seven days before
    const ticks = await Promise.all([
      c.apps[0].scheduler.tick(),
      c.apps[1].scheduler.tick(),
      c.apps[0].scheduler.tick(),
    ]);
    expect(ticks.reduce((n, t) => n + t.ran, 0)).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < MEMBERS; i++) expect(remindersTo(c, `a:member-${i}`)).toHaveLength(1);
    await Promise.all(c.apps.map((a) => a.scheduler.tick()));
    for (let i = 0; i < MEMBERS; i++) expect(remindersTo(c, `a:member-${i}`)).toHaveLength(1);

    const card = remindersTo(c, "a:member-1")[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(remindersTo(c, "a:member-1")[0].activity)).toContain("Mötet är om 7 dagar.");
    expect(card.actions.filter((a: any) => a.type === "Action.Execute").map((a: any) => a.title)).toEqual([
      "Deltar",
      "Deltar inte",
      "Skickar ersättare",
    ]);
    expect(card.actions.find((a: any) => a.type === "Action.OpenUrl").url).toBe(
      "https://teams.microsoft.com/l/meetup-join/abc",
    );
  });

  it("records an RSVP from Action.Execute and answers with the updated card", async () => {
    const sent = remindersTo(c, "a:member-1")[0].activity.attachments[0].content;
    const execute = sent.actions.find((a: any) => a.title === "Skickar ersättare");
    const res = await as(c.client, user(1), () =>
      c.client.post(
        c.client.activity({
          type: "invoke",
          name: "adaptiveCard/action",
          conversationId: "a:member-1",
          value: { action: { type: "Action.Execute", verb: execute.verb, data: execute.data }, trigger: "manual" },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    expect(res.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardProblems(res.body.value)).toEqual([]);
    expect(JSON.stringify(res.body.value)).toContain("Tack! Ditt svar är registrerat: Skickar ersättare.");
    // The reminder's intro stays in the card that replaces it.
    expect(JSON.stringify(res.body.value)).toContain("Mötet är om 7 dagar.");
    expect(res.body.value.refresh.action.verb).toBe("meetings.refresh");
    const refreshed = await as(c.client, user(1), () =>
      c.client.post(
        c.client.activity({
          type: "invoke",
          name: "adaptiveCard/action",
          conversationId: "a:member-1",
          value: {
            action: { type: "Action.Execute", verb: "meetings.refresh", data: execute.data },
            trigger: "automatic",
          },
        }),
      ),
    );
    expect(JSON.stringify(refreshed.body.value)).toContain("Ditt svar: Skickar ersättare.");
  });

  it("the day before: 1-day reminder at the same clock time across DST, representation check to the coordinator", async () => {
    for (const clock of c.clocks) clock.set("2027-03-28T07:00:05.000Z"); // 09:00 CEST on Sunday, the DST day
    await Promise.all(c.apps.map((a) => a.scheduler.tick()));
    for (let i = 0; i < MEMBERS; i++) expect(remindersTo(c, `a:member-${i}`)).toHaveLength(2);
    expect(cardText(remindersTo(c, "a:member-2")[1].activity)).toContain("Mötet är i morgon.");
    expect(remindersTo(c, "a:member-0", "Representation i morgon")).toHaveLength(0);

    for (const clock of c.clocks) clock.set("2027-03-28T13:00:05.000Z"); // 15:00 CEST
    await Promise.all(c.apps.map((a) => a.scheduler.tick()));
    const check = remindersTo(c, "a:member-0", "Representation i morgon: VuS Sala");
    expect(check).toHaveLength(1);
    expect(cardProblems(check[0].activity.attachments[0].content)).toEqual([]);
    const body = cardText(check[0].activity);
    expect(body).toContain("0 deltar, 1 skickar ersättare");
    expect(body).toContain("Sala: individ och familj");
    expect(body).toContain("Region – vuxenpsykiatrin");
    expect(remindersTo(c, "a:member-1", "Representation")).toHaveLength(0);
  });

  it("gives the coordinator a delivery report per reminder", async () => {
    const { replies } = await as(c.client, user(0), () => c.client.say("leveranser", { conversationId: "a:member-0" }));
    expect(replies[0].text).toContain("Påminnelse 7d före: 6 skickade, 0 misslyckade, 0 nås inte");
    expect(replies[0].text).toContain("Representationskontroll: 1 skickad, 0 misslyckade");
  });

  it("never sends after the meeting started", async () => {
    for (const clock of c.clocks) clock.set("2027-03-29T07:00:00.000Z");
    const before = c.client.sent.length;
    await Promise.all(c.apps.map((a) => a.scheduler.tick()));
    expect(c.client.sent.length).toBe(before);
  });
});

describe("meetings delivery under throttling and restarts", () => {
  it("a connector answering 429 with Retry-After for a while still delivers every reminder once", async () => {
    let throttled = 0;
    let armed = false;
    const behaviour: ConnectorBehaviour = {
      respond: ({ method, url }) => {
        if (armed && method === "POST" && url.includes("/activities") && url.includes("a:member-") && throttled < 8) {
          throttled++;
          return { status: 429, headers: { "retry-after": "1" }, body: { error: { code: "TooManyRequests" } } };
        }
        return undefined;
      },
    };
    const c = await startCluster(1, behaviour);
    try {
      await setUp(c, 5);
      armed = true;
      c.clocks[0].set("2027-03-22T08:00:05.000Z");
      await c.apps[0].scheduler.tick();
      expect(throttled).toBe(8);
      for (let i = 0; i < 5; i++) expect(remindersTo(c, `a:member-${i}`)).toHaveLength(1);
      const [job] = (await c.apps[0].jobs.due("2099-01-01T00:00:00.000Z")).filter((j) => j.doc.key === "7d");
      expect(job).toBeUndefined();
      const jobs = await c.apps[0].jobs.jobsOfMeeting((await c.apps[0].vus.meetingsOf("sala"))[0].id);
      const sevenDay = jobs.find((j) => j.key === "7d")!;
      expect(sevenDay).toMatchObject({ status: "done", counts: { sent: 5, failed: 0, inactive: 0, expired: 0 } });
      // botbuilder's connector client (core-rest-pipeline) already retries a 429 up to 3 times honouring
      // Retry-After; our policy wraps it with its own bounded attempts, so each record shows >= 1 attempt.
      const deliveries = await c.apps[0].jobs.deliveriesOf(sevenDay.jobId);
      expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
    } finally {
      await c.stop();
    }
  });

  it("a restart between claim and send loses nothing: the stale claim is taken over and sent once", async () => {
    const c = await startCluster(2, {}, { MEETINGS_LEASE_SECONDS: "60" });
    try {
      await setUp(c, 3);
      const [a, b] = c.apps;
      const due = "2027-03-22T08:00:05.000Z";
      c.clocks[0].set(due);
      // Instance A claims the job and member 1, then "dies" before sending.
      const [stored] = (await a.jobs.due(due)).filter((j) => j.doc.key === "7d");
      await a.jobs.replaceJob(
        { ...stored.doc, status: "running", owner: "instance-0", leaseUntil: "2027-03-22T08:01:05.000Z", runs: 1 },
        stored.etag,
      );
      const claim = await a.jobs.claimDelivery(
        stored.doc.jobId,
        `member:${user(1).aadObjectId}`,
        "instance-0",
        due,
        "2027-03-22T07:59:05.000Z",
      );
      expect(claim.kind).toBe("mine");
      await a.stop();

      // While A's lease holds, B leaves the job alone.
      c.clocks[1].set("2027-03-22T08:00:30.000Z");
      await b.scheduler.tick();
      expect(remindersTo(c, "a:member-1")).toHaveLength(0);

      // After the lease, B takes over: every member gets the reminder once, member 1 included.
      c.clocks[1].set("2027-03-22T08:02:00.000Z");
      await b.scheduler.tick();
      await b.scheduler.tick();
      for (let i = 0; i < 3; i++) expect(remindersTo(c, `a:member-${i}`)).toHaveLength(1);
      const deliveries = await b.jobs.deliveriesOf(stored.doc.jobId);
      expect(deliveries.map((d) => d.status).sort()).toEqual(["sent", "sent", "sent"]);
      const member1 = b.jobs.deliveryIdOf(stored.doc.jobId, `member:${user(1).aadObjectId}`);
      expect(deliveries.find((d) => d.id === member1)?.owner).toBe("instance-1");
    } finally {
      await c.stop();
    }
  });

  it("403 from Teams marks the member's conversation inactive and reports it", async () => {
    let armed = false;
    const c = await startCluster(1, {
      respond: ({ method, url }) =>
        armed && method === "POST" && url.includes("a:member-2/activities") ? { status: 403, body: {} } : undefined,
    });
    try {
      await setUp(c, 3);
      armed = true;
      c.clocks[0].set("2027-03-22T08:00:05.000Z");
      await c.apps[0].scheduler.tick();
      const meeting = (await c.apps[0].vus.meetingsOf("sala"))[0];
      const job = (await c.apps[0].jobs.jobsOfMeeting(meeting.id)).find((j) => j.key === "7d");
      expect(job?.counts).toEqual({ sent: 2, failed: 0, inactive: 1, expired: 0 });
      expect((await c.apps[0].jobs.deliveriesOf(job!.jobId)).find((d) => d.status === "inactive")).toMatchObject({
        attempts: 1,
        lastStatusCode: 403,
      });
      const { ConversationStore } = await import("../data/conversations");
      expect(
        (await new ConversationStore(c.apps[0].store.containers.conversations).get(TENANT, "a:member-2"))?.active,
      ).toBe(false);
    } finally {
      await c.stop();
    }
  });
});

describe("planning in Teams: year plan file, list, move", () => {
  it("imports a CSV sent in personal chat all-or-nothing, lists it, and a move sends one update card", async () => {
    const http = await import("node:http");
    const files: Record<string, string> = {
      "/bad.csv": "länsdel;datum;start;längd;plats\nSala;2027-05-10;09:00;120;Sala\nSala;2027-05-11;09:00;5;Sala\n",
      "/good.csv":
        "länsdel;datum;start;längd;plats;länk;tema;dagordning\nSala;2027-05-10;09:00;120;Sala;;Beroende;Inledning|BIV\nSala;2027-09-13;09:00;120;Sala;;;\n",
    };
    const fileServer = http.createServer((req, res) => {
      const body = files[req.url ?? ""];
      res.writeHead(body ? 200 : 404, { "content-type": "text/csv" });
      res.end(body ?? "");
    });
    await new Promise<void>((r) => fileServer.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(fileServer.address() as { port: number }).port}`;
    const c = await startCluster(1);
    try {
      await setUp(c, 2);
      const sendFile = (name: string) =>
        as(c.client, user(0), () =>
          c.client.post(
            c.client.activity({
              type: "message",
              conversationId: "a:member-0",
              attachments: [
                {
                  contentType: "application/vnd.microsoft.teams.file.download.info",
                  name,
                  content: { downloadUrl: `${base}/${name}`, uniqueId: "x", fileType: "csv" },
                },
              ],
            }),
          ),
        );
      const bad = await sendFile("bad.csv");
      expect(bad.replies[0].text).toContain("Filen importerades inte: 1 rad är fel");
      expect(bad.replies[0].text).toContain("- Rad 3: längden ska vara 15–480 minuter");
      expect(await c.apps[0].vus.meetingsOf("sala")).toHaveLength(1);
      const good = await sendFile("good.csv");
      expect(good.replies[0].text).toBe("2 möten importerade (Sala). Påminnelser skickas automatiskt.");

      const listed = await as(c.client, user(1), () => c.client.say("möten", { conversationId: "a:member-1" }));
      const card = listed.replies[0].attachments[0].content;
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(listed.replies[0])).toContain("måndag 10 maj 2027 kl. 09:00–11:00");
      expect(JSON.stringify(card)).not.toContain("meetings.cancel"); // members cannot edit

      // The coordinator moves the March meeting; after the 7-day reminder went out, members get one update card.
      const march = (await c.apps[0].vus.meetingsOf("sala"))[0];
      c.clocks[0].set("2027-03-22T08:00:05.000Z");
      await c.apps[0].scheduler.tick();
      const moved = await as(c.client, user(0), () =>
        c.client.post(
          c.client.activity({
            type: "message",
            conversationId: "a:member-0",
            value: {
              action: "meetings.save",
              meetingId: march.id,
              groupId: "sala",
              date: "2027-03-30",
              start: "13:00",
              length: "90",
              place: "Sala sjukhus",
              link: "",
              theme: "SIP",
              agenda: "",
            },
          }),
        ),
      );
      expect(moved.replies[0].text).toContain("ändrat: tisdag 30 mars 2027 kl. 13:00–14:30");
      await c.apps[0].scheduler.tick();
      await c.apps[0].scheduler.tick();
      expect(remindersTo(c, "a:member-1", "Mötet är flyttat: VuS Sala")).toHaveLength(1);
      expect(remindersTo(c, "a:member-1")).toHaveLength(1);
      // The old revision's 1-day reminder is cancelled; the new one is due the day before the new time.
      const jobs = await c.apps[0].jobs.jobsOfMeeting(march.id);
      expect(jobs.filter((j) => j.meetingRevision === 1 && j.key === "1d").map((j) => j.status)).toEqual(["cancelled"]);
      expect(jobs.find((j) => j.meetingRevision === 2 && j.key === "1d")?.dueAt).toBe("2027-03-29T11:00:00.000Z");
    } finally {
      await c.stop();
      await new Promise((r) => fileServer.close(r));
    }
  });
});

describe("a group's Teams channel", () => {
  it("`koppla kanal` posted in a channel links the channel, not the post's thread, and the reminder reaches it", async () => {
    const c = await startCluster(1);
    try {
      await setUp(c, 1);
      const channelId = "19:vus-sala@thread.tacv2";
      await as(c.client, admin, async () => {
        await c.client.install({
          conversationId: channelId,
          conversationType: "channel",
          channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" } },
        });
        // Teams delivers a channel post with the thread in the conversation id.
        const linked = await c.client.post(
          c.client.activity({
            type: "message",
            text: "koppla kanal Sala",
            conversationId: `${channelId};messageid=1700000000000`,
            conversationType: "channel",
          }),
        );
        expect(linked.replies[0].text).toContain("Den här kanalen får nu påminnelser om mötena i VuS Sala.");
      });
      expect((await c.apps[0].vus.group("sala"))?.doc.channel?.conversationId).toBe(channelId);
      c.clocks[0].set("2027-03-22T08:00:05.000Z");
      await c.apps[0].scheduler.tick();
      expect(remindersTo(c, channelId)).toHaveLength(1);
      expect(cardText(remindersTo(c, channelId)[0].activity)).toContain("Svar hittills: 0 deltar");
    } finally {
      await c.stop();
    }
  });
});
