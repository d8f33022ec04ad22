import { parse } from "csv-parse/sync";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { TeamsTestClient, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// The whole path over HTTP with Teams-shaped activities and the mock Bot Connector: members join, the
// coordinator plans a meeting, the scheduler sends the evaluation card after the meeting, members
// answer (Action.Execute and the Action.Submit fallback), one changes the answer, the halfway
// reminder reaches only the one who has not answered, and the report card and its CSV show the result.

const ADMIN = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const MEMBERS = 7;
const user = (i: number) => ({
  id: `29:member-${i}`,
  name: `Medlem ${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
});
const admin = { id: "29:admin", name: "Admin Välfärd", aadObjectId: ADMIN };

describe("meeting evaluation over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;
  const clock = new ManualClock("2026-03-01T08:00:00.000Z");

  const as = <T>(who: { id: string; name: string; aadObjectId: string }, fn: () => Promise<T>) => client.as(who, fn);
  const say = (i: number, value: unknown) =>
    as(user(i), () => client.post(client.activity({ type: "message", conversationId: `a:member-${i}`, value })));
  const execute = (i: number, verb: string, data: unknown) =>
    as(user(i), () =>
      client.post(
        client.activity({
          type: "invoke",
          name: "adaptiveCard/action",
          conversationId: `a:member-${i}`,
          value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
        }),
      ),
    );
  const evaluationCardsTo = (i: number, title = "Utvärdering av mötet – VuS Sala") =>
    client.sent
      .filter(
        (s) =>
          s.activity.type === "message" &&
          s.activity.conversation?.id === `a:member-${i}` &&
          cardText(s.activity).includes(title),
      )
      .map((s) => s.activity.attachments[0].content);
  let meetingRef: { groupId: string; meetingId: string };

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `evalhttp-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
      ADMIN_AAD_OBJECT_IDS: ADMIN,
      EVALUATION_SECRET: "http-test-secret-that-is-long-enough-0123456",
    });
    app = await createApp(config, createLogger("silent"), { clock, instanceId: "eval-test", startScheduler: false });
    const port = await app.start(0);
    client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
    for (let i = 0; i < MEMBERS; i++) {
      await as(user(i), () => client.install({ conversationId: `a:member-${i}` }));
      const joined = await say(i, {
        action: "meetings.join",
        groupId: "sala",
        organisation: i < 3 ? "Region Västmanland" : "Sala",
        function: "ifo",
      });
      expect(joined.replies[0].text).toContain("VuS Sala");
    }
    await as(admin, () => client.install({ conversationId: "a:admin" }));
    await as(admin, () =>
      client.post(
        client.activity({
          type: "message",
          conversationId: "a:admin",
          value: { action: "meetings.coordinator", member: `sala|${user(0).aadObjectId}` },
        }),
      ),
    );
    const planned = await say(0, {
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
    expect(planned.replies[0].text).toContain("planerat");
    // Member 6 will not come: no evaluation card for them.
    const meetingId = (await app.vus.meetingsOf("sala"))[0].id;
    meetingRef = { groupId: "sala", meetingId };
    const rsvp = await execute(6, "meetings.rsvp", { ...meetingRef, answer: "declined" });
    expect(rsvp.status).toBe(200);
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("sends nothing before the meeting has ended plus the delay, then one evaluation card per member who did not decline", async () => {
    clock.set("2026-03-10T10:59:00.000Z"); // 11:59 Stockholm: meeting ended 11:00, opens 12:00
    await app.scheduler.tick();
    expect(evaluationCardsTo(1)).toHaveLength(0);
    clock.set("2026-03-10T11:00:30.000Z");
    await app.scheduler.tick();
    await app.scheduler.tick();
    for (let i = 0; i < 6; i++) expect(evaluationCardsTo(i)).toHaveLength(1);
    expect(evaluationCardsTo(6)).toHaveLength(0);
    const card = evaluationCardsTo(1)[0];
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions[0]).toMatchObject({
      type: "Action.Execute",
      verb: "evaluation.submit",
      data: { action: "evaluation.submit", ...meetingRef },
      fallback: { type: "Action.Submit" },
    });
  });

  it("takes an answer through Action.Execute and returns the thank-you card in the invoke response", async () => {
    const data = evaluationCardsTo(1)[0].actions[0].data;
    const res = await execute(1, "evaluation.submit", {
      ...data,
      q1: "4",
      q2: "5",
      comment: "Bra möte",
      orgType: "region",
      gender: "kvinna",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    const thanks = res.body.value;
    expect(cardProblems(thanks)).toEqual([]);
    const text = JSON.stringify(thanks);
    expect(text).toContain("Tack för ditt svar!");
    expect(text).toContain("4 – Instämmer i stor grad");
    expect(text).toContain("Bra möte");
    expect(thanks.actions[0]).toMatchObject({ title: "Ändra svar", verb: "evaluation.edit" });
  });

  it("changes the answer: 'Ändra svar' gives the filled-in form, the Action.Submit fallback stores the change", async () => {
    const form = (await execute(1, "evaluation.edit", { action: "evaluation.edit", ...meetingRef })).body.value;
    expect(cardProblems(form)).toEqual([]);
    expect(form.body.find((b: any) => b.id === "q1").value).toBe("4");
    const changed = await say(1, {
      action: "evaluation.submit",
      ...meetingRef,
      q1: "2",
      q2: "3",
      comment: "",
      orgType: "region",
      gender: "kvinna",
    });
    expect(changed.replies).toHaveLength(1);
    expect(cardText(changed.replies[0])).toContain("Ditt svar är ändrat");
    expect(cardText(changed.replies[0])).toContain("2 – Instämmer i liten grad");
    const stored = await app.evaluations.store.answersOfYear("2026");
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ q1: 2, q2: 3, orgType: "region", gender: "kvinna" });
    expect(stored[0].comment).toBeUndefined();
  });

  it("refuses a tampered submission with a Swedish message and stores nothing", async () => {
    const outOfRange = await execute(2, "evaluation.submit", {
      action: "evaluation.submit",
      ...meetingRef,
      q1: "7",
      q2: "3",
      orgType: "kommun",
    });
    expect(JSON.stringify(outOfRange.body.value)).toContain(
      "Välj ett värde från 1 till 5 för båda påståendena. Ditt svar har inte sparats.",
    );
    const outsider = await as(
      { id: "29:outsider", name: "Utomstående", aadObjectId: "00000000-0000-4000-8000-0000000000ff" },
      () =>
        client.post(
          client.activity({
            type: "message",
            conversationId: "a:outsider",
            value: { action: "evaluation.submit", ...meetingRef, q1: "5", q2: "5", orgType: "annan" },
          }),
        ),
    );
    expect(outsider.replies[0].text).toContain("Bara medlemmar i mötets VuS-grupp");
    expect(await app.evaluations.store.answersOfYear("2026")).toHaveLength(1);
  });

  it("reminds at halfway only those who were sent the card and have not answered", async () => {
    const comments: Record<number, string> = { 2: "Tydlig dagordning", 4: "@SUM(A1) borde inte räknas" };
    for (const i of [0, 2, 3, 4]) {
      const r = await execute(i, "evaluation.submit", {
        action: "evaluation.submit",
        ...meetingRef,
        q1: String(i + 1 > 5 ? 5 : i + 1),
        q2: "4",
        orgType: i < 3 ? "region" : "kommun",
        gender: i % 2 ? "man" : "kvinna",
        comment: comments[i] ?? "",
      });
      expect(JSON.stringify(r.body.value)).toContain("Tack för ditt svar!");
    }
    clock.set("2026-03-17T11:30:00.000Z"); // halfway (7 days after opening at 12:00 CET)
    await app.scheduler.tick();
    const reminded = Array.from(
      { length: MEMBERS },
      (_, i) =>
        client.sent.filter(
          (s) =>
            s.activity.conversation?.id === `a:member-${i}` &&
            cardText(s.activity).includes("Påminnelse – du har inte svarat än."),
        ).length,
    );
    expect(reminded).toEqual([0, 0, 0, 0, 0, 1, 0]);
  });

  it("leaves nothing in the jobs container that links a member to the invitation or reminder without the secret", async () => {
    const { resources } = await app.store.containers.jobs.items.query("SELECT * FROM c").fetchAll();
    const deliveries = resources.filter((d) => d.type === "delivery");
    expect(deliveries.length).toBeGreaterThanOrEqual(7);
    const raw = JSON.stringify(resources).toLowerCase();
    const { createHash } = await import("node:crypto");
    for (let i = 0; i < MEMBERS; i++) {
      const aad = user(i).aadObjectId.toLowerCase();
      // Neither the id itself, nor the unkeyed hash anyone could recompute from the member list.
      expect(raw).not.toContain(aad);
      for (const d of deliveries) {
        const guess = createHash("sha256")
          .update(`${d.jobId}\nmember:${user(i).aadObjectId}`)
          .digest("hex")
          .slice(0, 40);
        expect(d.id).not.toBe(guess);
      }
    }
    // Per-person send times would order the records like the member list: none survive the send.
    const evaluationJobs = new Set(
      resources.filter((d) => d.type === "job" && d.kind === "evaluation").map((d) => d.jobId),
    );
    for (const jobId of evaluationJobs) {
      const records = deliveries.filter((d) => d.jobId === jobId);
      const times = new Set(records.flatMap((d) => [d.claimedAt, d.finishedAt].filter(Boolean)));
      expect(times.size).toBeLessThanOrEqual(1);
    }
  });

  it("shows the report to the admin with the CSV link, and hides it from ordinary members", async () => {
    const member = await say(3, undefined).then(() =>
      as(user(3), () => client.say("rapport 2b", { conversationId: "a:member-3" })),
    );
    expect(member.replies[0].text).toContain("samordnare och administratörer");

    const report = await as(admin, () => client.say("rapport 2b 2026 Sala", { conversationId: "a:admin" }));
    const card = report.replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(report.replies[0]);
    expect(text).toContain("VuS Sala");
    expect(text).toContain("1 av 4"); // indicator 2a
    const json = JSON.stringify(card);
    // 5 answers of 6 invited: q1 = 2,1,3,4,5 → 3,0 and 2 of 5 at 4–5; q2 = 3,4,4,4,4 → 3,8 and 80 %
    expect(json).toContain("3,0 (40 %)");
    expect(json).toContain("3,8 (80 %)");
    expect(json).toContain("83 %");
    const url = card.actions.find((a: any) => a.title === "Ladda ner CSV").url as string;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/reports\/2b\?t=[\w-]+~[\w-]{43}$/);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain('filename="indikator-2b-2026-sala.csv"');
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(body.subarray(3), { delimiter: ";" });
    expect(rows[1]).toEqual([
      "Sala",
      "2026",
      "År",
      "",
      "Alla",
      "Alla",
      "6",
      "5",
      "83",
      "5",
      "3,0",
      "40",
      "3,8",
      "80",
      "1",
      "4",
    ]);
    // 3 women, 2 men: both below 5, hidden
    expect(rows.find((r) => r[2] === "År" && r[5] === "Kvinna")?.slice(9)).toEqual([
      "dolt",
      "dolt",
      "dolt",
      "dolt",
      "dolt",
      "",
      "",
    ]);

    const tampered = url.replace(/~([\w-])/, (_m, c) => `~${c === "A" ? "B" : "A"}`);
    expect((await fetch(tampered)).status).toBe(404);
    clock.advance(16 * 60_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toContain("Länken har gått ut");
  });

  it("gives the admin, and only the admin, the comments: a separate file with nothing beside them", async () => {
    const report = await as(admin, () => client.say("rapport 2b 2026 Sala", { conversationId: "a:admin" }));
    const card = report.replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const url = card.actions.find((a: any) => a.title === "Ladda ner kommentarer").url as string;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="kommentarer-2b-2026-sala.csv"');
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Member 1's comment was removed when the answer was changed; the rest in alphabetical order.
    expect(parse(body.subarray(3), { delimiter: ";" })).toEqual([
      ["Länsdel", "År", "Kommentar", "Anmärkning"],
      ["Sala", "2026", "'@SUM(A1) borde inte räknas", ""],
      ["Sala", "2026", "Tydlig dagordning", ""],
    ]);

    // The coordinator sees the report of their group but is given no comments link.
    const coordinator = await as(user(0), () => client.say("rapport 2b 2026 Sala", { conversationId: "a:member-0" }));
    const coordinatorCard = coordinator.replies[0].attachments[0].content;
    expect(coordinatorCard.actions.map((a: any) => a.title)).toEqual(["Ladda ner CSV"]);
    expect(JSON.stringify(coordinatorCard)).not.toContain("Kommentar");
    // Their report link downloads the report, not the comments.
    const own = await fetch(coordinatorCard.actions[0].url);
    expect(own.headers.get("content-disposition")).toContain("indikator-2b-2026-sala.csv");
    expect(await own.text()).not.toContain("Tydlig dagordning");
  });

  it("gives the admin every county part and the county total when no part is named", async () => {
    const report = await as(admin, () => client.say("rapport 2b", { conversationId: "a:admin" }));
    const text = cardText(report.replies[0]);
    for (const name of ["VuS Fagersta", "VuS Köping", "VuS Sala", "VuS Västerås", "Västmanland, alla länsdelar"])
      expect(text).toContain(name);
    const url = report.replies[0].attachments[0].content.actions[0].url as string;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("indikator-2b-2026-alla-lansdelar.csv");
  });

  it("lets the coordinator see their own group only", async () => {
    const own = await as(user(0), () => client.say("rapport 2b", { conversationId: "a:member-0" }));
    expect(cardText(own.replies[0])).toContain("VuS Sala");
    expect(cardText(own.replies[0])).not.toContain("VuS Västerås");
    const other = await as(user(0), () => client.say("rapport 2b 2026 Västerås", { conversationId: "a:member-0" }));
    expect(other.replies[0].text).toContain("inte samordnare för VuS Västerås");
  });

  it("refuses answers after the survey has closed", async () => {
    clock.set("2026-03-24T11:00:00.000Z");
    const late = await execute(5, "evaluation.submit", {
      action: "evaluation.submit",
      ...meetingRef,
      q1: "5",
      q2: "5",
      orgType: "kommun",
    });
    expect(JSON.stringify(late.body.value)).toContain("Utvärderingen stängde");
    expect(await app.evaluations.store.answersOfYear("2026")).toHaveLength(5);
  });
});
