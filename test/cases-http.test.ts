import { parse } from "csv-parse/sync";
import { PNG } from "pngjs";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { TeamsTestClient, cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// The whole path of a samverkansärende over HTTP with Teams-shaped activities and the mock Bot
// Connector: a member of staff raises a case (refused with a personal identity number, reminded of the
// managers-first step), the coordinator is told, the case is on the next meeting's reminder, the
// coordinator lifts it, Välfärd records the regional outcome, and the reporter is told at each step.
// Outsiders, stale cards and tampered buttons are answered in Swedish and change nothing. Last, the
// yearly follow-up card with its chart images and CSV files.

const ADMIN = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const person = (n: number, name: string) => ({
  id: `29:user-${n}`,
  name,
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
});
const reporter = person(1, "Rita Rapportör");
const coordinator = person(2, "Sam Samordnare");
const outsider = person(3, "Olle Utomstående");
const admin = { id: "29:admin", name: "Admin Välfärd", aadObjectId: ADMIN };
const chat = (who: { id: string }) => `a:chat-${who.id}`;

const DESCRIPTION = "Oenighet om vem som ansvarar för boendestöd efter utskrivning från heldygnsvården.";

describe("samverkansärenden over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;
  const clock = new ManualClock("2026-03-02T08:00:00.000Z");
  let caseRef: { groupId: string; caseId: string };

  const as = <T>(who: { id: string; name: string; aadObjectId: string }, fn: () => Promise<T>) => client.as(who, fn);
  const say = (who: typeof reporter, text: string) => as(who, () => client.say(text, { conversationId: chat(who) }));
  const submit = (who: typeof reporter, value: unknown) =>
    as(who, () => client.post(client.activity({ type: "message", conversationId: chat(who), value })));
  const execute = (who: typeof reporter, verb: string, data: unknown, conversationId = chat(who)) =>
    as(who, () =>
      client.post(
        client.activity({
          type: "invoke",
          name: "adaptiveCard/action",
          conversationId,
          value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
        }),
      ),
    );
  const cardsTo = (who: { id: string }, text: string) =>
    client.sent
      .filter((s) => s.activity.conversation?.id === chat(who) && cardText(s.activity).includes(text))
      .map((s) => s.activity);
  const stored = async () => (await app.cases.store.all())[0];
  const raise = (fields: Record<string, string>) =>
    execute(reporter, "cases.raise", {
      action: "cases.raise",
      proceed: "false",
      groupId: "sala",
      kind: "tvist",
      description: DESCRIPTION,
      parties: "Socialtjänsten Sala, vuxenpsykiatrin",
      managersTried: "yes",
      ...fields,
    });

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `caseshttp-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
      ADMIN_AAD_OBJECT_IDS: ADMIN,
      EVALUATION_SECRET: "cases-test-secret-that-is-long-enough-0123456",
    });
    app = await createApp(config, createLogger("silent"), { clock, instanceId: "cases-test", startScheduler: false });
    const port = await app.start(0);
    client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
    for (const who of [reporter, coordinator, outsider, admin])
      await as(who, () => client.install({ conversationId: chat(who) }));
    const joined = await submit(coordinator, {
      action: "meetings.join",
      groupId: "sala",
      organisation: "Sala",
      function: "ifo",
    });
    expect(joined.replies[0].text).toContain("VuS Sala");
    await submit(admin, { action: "meetings.approveJoin", groupId: "sala", aadObjectId: coordinator.aadObjectId });
    await submit(admin, { action: "meetings.coordinator", member: `sala|${coordinator.aadObjectId}` });
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("offers the form in personal chat only", async () => {
    const form = await say(reporter, "nytt ärende");
    const card = form.replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(form.replies[0])).toContain("Skriv inga personuppgifter");
    expect(card.actions[0]).toMatchObject({ type: "Action.Execute", verb: "cases.raise" });
    const inChannel = await as(reporter, () =>
      client.say("nytt ärende", { conversationId: "19:vus@thread.tacv2", conversationType: "channel" }),
    );
    expect(inChannel.replies[0].text).toContain("personlig chatt");
  });

  it("offers the form under answers about difficulties in cooperation, and only there", async () => {
    const offer = (reply: Record<string, any>) =>
      submitActions(reply.attachments?.[0]?.content).filter((a) => a.data?.action === "cases.new");
    const answer = await say(reporter, "Vi är oeniga med psykiatrin om vem som ska göra vad, hur lyfter vi det?");
    expect(cardText(answer.replies[0])).toContain("Svårigheter i samverkan");
    const [button] = offer(answer.replies[0]);
    expect(button).toMatchObject({ title: "Lyft ett samverkansärende", data: { action: "cases.new" } });
    expect(cardProblems(answer.replies[0].attachments[0].content)).toEqual([]);
    const form = await submit(reporter, button.data);
    expect(form.replies[0].attachments[0].content.actions[0]).toMatchObject({ verb: "cases.raise" });
    const unrelated = await say(reporter, "Vem kallar till SIP?");
    expect(offer(unrelated.replies[0])).toEqual([]);
  });

  it("refuses a personal identity number and missing fields, storing nothing", async () => {
    for (const description of [
      "Gäller 19850312-1234 som skrevs ut",
      "patient 850312 1234 nekades",
      "samordningsnr 850372-1234",
    ]) {
      const res = await raise({ description });
      expect(res.status).toBe(200);
      const card = res.body.value;
      expect(cardProblems(card)).toEqual([]);
      expect(cardText({ attachments: [{ content: card }] })).toContain("ser ut att innehålla ett personnummer");
    }
    const missing = await raise({ parties: "  " });
    expect(JSON.stringify(missing.body.value)).toContain("Skriv vilka parter som berörs");
    const tampered = await raise({ kind: "hemligt" });
    expect(JSON.stringify(tampered.body.value)).toContain("Välj typ av ärende.");
    expect(await app.cases.store.all()).toHaveLength(0);
  });

  it("reminds of the managers-first step, then takes the case on 'Skicka ändå'", async () => {
    const first = await raise({ managersTried: "no" });
    const card = first.body.value;
    expect(JSON.stringify(card)).toContain("i första hand ska lösas mellan ansvariga chefer");
    expect(card.actions[0]).toMatchObject({ title: "Skicka ändå", data: { proceed: "true" } });
    expect(await app.cases.store.all()).toHaveLength(0);
    // The form keeps what was written.
    expect(card.body.find((b: any) => b.id === "description").value).toBe(DESCRIPTION);

    const sent = await raise({ managersTried: "no", proceed: "true" });
    const done = sent.body.value;
    expect(cardProblems(done)).toEqual([]);
    expect(JSON.stringify(done)).toContain("Tack! Ärendet är skickat till samordnaren för VuS Sala");
    expect(done.refresh.action).toMatchObject({ type: "Action.Execute", verb: "cases.refresh" });
    const c = await stored();
    expect(c).toMatchObject({ groupId: "sala", kind: "tvist", status: "open", managersTried: false, revision: 1 });
    expect(c.reporter.aadObjectId).toBe(reporter.aadObjectId);
    caseRef = { groupId: c.groupId, caseId: c.id };
  });

  it("tells the group's coordinator once, with the decision form", async () => {
    await app.scheduler.tick();
    await app.scheduler.tick();
    const toCoordinator = cardsTo(coordinator, "Nytt samverkansärende");
    expect(toCoordinator).toHaveLength(1);
    const card = toCoordinator[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(DESCRIPTION);
    expect(card.actions.map((a: any) => a.verb)).toEqual(["cases.decide"]);
    // Nobody else hears of it yet.
    expect(cardsTo(outsider, "samverkansärende")).toHaveLength(0);
    expect(cardsTo(admin, "Samverkansärende")).toHaveLength(0);
  });

  it("lists the open case on the next meeting's reminder, without its description", async () => {
    const planned = await submit(coordinator, {
      action: "meetings.save",
      meetingId: "",
      groupId: "sala",
      date: "2026-03-20",
      start: "09:00",
      length: "120",
      place: "Sala sjukhus",
      link: "",
      theme: "",
      agenda: "Nuläge",
    });
    expect(planned.replies[0].text).toContain("planerat");
    clock.set("2026-03-13T08:00:30.000Z"); // 7 days before, 09:00 Stockholm
    await app.scheduler.tick();
    const reminder = cardsTo(coordinator, "Ärenden att behandla");
    expect(reminder).toHaveLength(1);
    const text = cardText(reminder[0]);
    expect(text).toContain(`${caseRef.caseId.toUpperCase()}: Tvist – Socialtjänsten Sala, vuxenpsykiatrin`);
    expect(text).not.toContain(DESCRIPTION);
    expect(cardProblems(reminder[0].attachments[0].content)).toEqual([]);
  });

  it("answers someone else's case and tampered buttons in Swedish, changing nothing", async () => {
    const view = await execute(outsider, "cases.open", { action: "cases.open", ...caseRef });
    expect(JSON.stringify(view.body.value)).toContain("Det här ärendet kan du inte se");
    expect(JSON.stringify(view.body.value)).not.toContain(DESCRIPTION);
    const decide = await execute(outsider, "cases.decide", { ...caseRef, revision: "1", decision: "closed" });
    expect(JSON.stringify(decide.body.value)).toContain("Det här ärendet kan du inte se");
    const byReporter = await execute(reporter, "cases.decide", { ...caseRef, revision: "1", decision: "closed" });
    expect(JSON.stringify(byReporter.body.value)).toContain("Bara samordnaren för VuS-gruppen");
    const wrongGroup = await execute(coordinator, "cases.decide", { ...caseRef, groupId: "koping", revision: "1" });
    expect(JSON.stringify(wrongGroup.body.value)).toContain("Jag hittar inte ärendet");
    const junk = await submit(coordinator, { action: "cases.decide", groupId: "sala", caseId: "../../etc" });
    expect(junk.replies[0].text).toContain("ogiltiga uppgifter");
    const noText = await execute(coordinator, "cases.decide", { ...caseRef, revision: "1", decision: "solved" });
    expect(JSON.stringify(noText.body.value)).toContain("Skriv en kort beskrivning av beslutet");
    expect(await stored()).toMatchObject({ status: "open", revision: 1 });
  });

  it("lets the coordinator lift it; the reporter is told and Välfärd gets the outcome form", async () => {
    const res = await execute(coordinator, "cases.decide", {
      ...caseRef,
      revision: "1",
      decision: "lifted",
      decisionText: "Principiell fråga för hela länet",
    });
    const card = res.body.value;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText({ attachments: [{ content: card }] })).toContain("Lyft till Välfärd");
    expect(card.actions ?? []).toHaveLength(0);
    expect(await stored()).toMatchObject({ status: "lifted", revision: 2, decision: { decision: "lifted" } });

    // A second coordinator card (or the same one, not yet refreshed) is stale now.
    const stale = await execute(coordinator, "cases.decide", { ...caseRef, revision: "1", decision: "closed" });
    expect(JSON.stringify(stale.body.value)).toContain("Ärendet har ändrats sedan kortet visades");
    expect(await stored()).toMatchObject({ status: "lifted", revision: 2 });

    await app.scheduler.tick();
    await app.scheduler.tick();
    const told = cardsTo(reporter, "har lyft ditt ärende");
    expect(told).toHaveLength(1);
    expect(told[0].summary).toContain("till Välfärd");
    const toAdmin = cardsTo(admin, "har lyft ärende");
    expect(toAdmin).toHaveLength(1);
    const adminCard = toAdmin[0].attachments[0].content;
    expect(cardProblems(adminCard)).toEqual([]);
    expect(adminCard.actions.map((a: any) => a.verb)).toEqual(["cases.outcome"]);
  });

  it("takes Välfärd's forum and outcome; the reporter and the coordinator are told", async () => {
    const notAdmin = await execute(coordinator, "cases.outcome", {
      ...caseRef,
      revision: "2",
      forum: "chefsforum",
      outcome: "x",
    });
    expect(JSON.stringify(notAdmin.body.value)).toContain("Bara Välfärd");
    const badForum = await execute(admin, "cases.outcome", { ...caseRef, revision: "2", forum: "bar", outcome: "x" });
    expect(JSON.stringify(badForum.body.value)).toContain("Välj vilket forum");
    expect((await stored()).regional).toBeUndefined();

    const res = await execute(admin, "cases.outcome", {
      ...caseRef,
      revision: "2",
      forum: "chefsforum",
      outcome: "Chefsforum tar fram en länsgemensam tolkning till juni.",
    });
    expect(cardProblems(res.body.value)).toEqual([]);
    expect(await stored()).toMatchObject({ revision: 3, regional: { forum: "chefsforum" } });
    const again = await execute(admin, "cases.outcome", { ...caseRef, revision: "3", forum: "biv", outcome: "y" });
    expect(JSON.stringify(again.body.value)).toContain("Utfallet är redan sparat");

    await app.scheduler.tick();
    await app.scheduler.tick();
    expect(cardsTo(reporter, "har tagits upp i Chefsforum")).toHaveLength(1);
    expect(cardsTo(coordinator, "har tagits upp i Chefsforum")).toHaveLength(1);
    // Every step was sent once.
    expect(cardsTo(reporter, "har lyft ditt ärende")).toHaveLength(1);
    expect(cardsTo(coordinator, "Nytt samverkansärende")).toHaveLength(1);

    // The reporter's old card refreshes to the current state.
    const refreshed = await execute(reporter, "cases.refresh", { action: "cases.refresh", ...caseRef });
    const text = cardText({ attachments: [{ content: refreshed.body.value }] });
    expect(text).toContain("Chefsforum tar fram en länsgemensam tolkning");
    expect(refreshed.body.value.actions ?? []).toHaveLength(0);
  });

  it("lists cases by who may see them", async () => {
    const mine = await say(reporter, "ärenden");
    expect(cardProblems(mine.replies[0].attachments[0].content)).toEqual([]);
    expect(cardText(mine.replies[0])).toContain(caseRef.caseId.toUpperCase());
    expect(cardText((await say(coordinator, "ärenden")).replies[0])).toContain(caseRef.caseId.toUpperCase());
    const none = await say(outsider, "ärenden");
    expect(none.replies[0].text).toContain("inga ärenden att visa");
  });

  it("gives the admin the yearly follow-up with chart images and CSV files, the coordinator their group, others nothing", async () => {
    const res = await say(admin, "årsuppföljning 2026");
    const card = res.replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(res.replies[0]);
    expect(text).toContain("Årsuppföljning 2026");
    expect(text).toContain("VuS Sala 0 av 4"); // the meeting of 20 March is still ahead
    expect(text).not.toContain(DESCRIPTION);
    const images = JSON.stringify(card).match(/http:\/\/127\.0\.0\.1:\d+\/api\/reports\/followup\?t=[\w~-]+/g) ?? [];
    expect(new Set(images).size).toBe(6); // three images, three CSV files
    const image = card.body.flatMap((b: any) => b.items ?? []).find((i: any) => i.type === "Image");
    const png = await fetch(image.url);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    const decoded = PNG.sync.read(Buffer.from(await png.arrayBuffer()));
    expect(decoded.width).toBeLessThanOrEqual(1024);

    const csvUrl = card.actions.find((a: any) => a.title === "Ladda ner 3a (CSV)").url;
    const csv = await fetch(csvUrl);
    expect(csv.headers.get("content-disposition")).toContain("arsuppfoljning-3a-2026.csv");
    const rows: string[][] = parse(Buffer.from(await csv.arrayBuffer()).subarray(3), { delimiter: ";" });
    expect(rows.find((r) => r[0] === "Sala" && r[2] === "Totalt")).toEqual([
      "Sala",
      "2026",
      "Totalt",
      "1",
      "1",
      "1",
      "100",
      "100",
      "11", // raised 2 March, lifted 13 March
    ]);
    expect(JSON.stringify(rows)).not.toContain("boendestöd");

    const own = await say(coordinator, "årsuppföljning 2026");
    expect(cardText(own.replies[0])).toContain("VuS Sala");
    expect(cardText(own.replies[0])).not.toContain("VuS Köping");
    expect((await say(outsider, "årsuppföljning 2026")).replies[0].text).toContain("samordnare för en VuS-grupp");
    expect((await say(admin, "årsuppföljning nästa år")).replies[0].text).toContain("fyra siffror");
    expect(
      (await fetch(csvUrl.replace(/~([\w-])/, (_m: string, c: string) => `~${c === "A" ? "B" : "A"}`))).status,
    ).toBe(404);
  });
});
