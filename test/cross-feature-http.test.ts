import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { adminText, meetingsText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { exportFile } from "../dialogs/admin/import-file";
import { ConflictError } from "../data/errors";
import { TeamsTestClient, TENANT, cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// Behaviour that spans features, each through the real protocol: Teams-shaped activities POSTed to
// /api/messages of one app on the embedded Cosmos server, replies recorded by the mock connector.

const ADMIN = { id: "29:admin", name: "Admin Välfärd", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
/** Added as admin from Teams (not in ADMIN_AAD_OBJECT_IDS); Teams sends the id in upper case. */
const TEAMS_ADMIN = { id: "29:teams-admin", name: "Tove Tillagd", aadObjectId: "7D3C2B1A-0F9E-4D8C-9B7A-6F5E4D3C2B1A" };
const COORDINATOR = {
  id: "29:coordinator",
  name: "Sara Samordnare",
  aadObjectId: "00000000-0000-4000-8000-000000000c01",
};
const MEMBER = { id: "29:member", name: "Mats Medlem", aadObjectId: "00000000-0000-4000-8000-000000000c02" };
type Who = typeof ADMIN;

const FILE_INFO = "application/vnd.microsoft.teams.file.download.info";

/** Serves files for imports (downloadUrl). */
async function fileHost() {
  const files = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const body = files.get(req.url ?? "");
    res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/octet-stream" });
    res.end(body ?? "");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, files, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("across features over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;
  let host: Awaited<ReturnType<typeof fileHost>>;
  const clock = new ManualClock("2027-01-10T08:00:00.000Z");

  const as = <T>(who: Who, fn: () => Promise<T>) => client.as(who, fn);
  const chatOf = (who: Who) => `a:chat-${who.id}`;
  const say = (who: Who, text: string, fields: Record<string, any> = {}) =>
    as(who, () => client.say(text, { conversationId: chatOf(who), ...fields }));
  const press = (who: Who, value: unknown) =>
    as(who, () => client.post(client.activity({ type: "message", conversationId: chatOf(who), value })));
  const sendFile = (who: Who, name: string, content: string) => {
    host.files.set(`/${name}`, content);
    return as(who, () =>
      client.post(
        client.activity({
          type: "message",
          conversationId: chatOf(who),
          attachments: [
            {
              contentType: FILE_INFO,
              name,
              content: { downloadUrl: `${host.base}/${name}`, uniqueId: name, fileType: name.split(".").pop() },
            },
          ],
        }),
      ),
    );
  };

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      COSMOS_DATABASE: `review-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
      EVALUATION_SECRET: "review-test-secret-that-is-long-enough-0123456",
    });
    app = await createApp(config, createLogger("silent"), { clock, instanceId: "review-test", startScheduler: false });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    host = await fileHost();
    for (const who of [ADMIN, TEAMS_ADMIN, COORDINATOR, MEMBER])
      await as(who, () => client.install({ conversationId: chatOf(who) }));
    for (const who of [COORDINATOR, MEMBER]) {
      const joined = await press(who, {
        action: "meetings.join",
        groupId: "sala",
        organisation: "Sala",
        function: "ifo",
      });
      expect(joined.replies[0].text).toContain("Du är med i VuS Sala");
    }
    const made = await press(ADMIN, { action: "meetings.coordinator", member: `sala|${COORDINATOR.aadObjectId}` });
    expect(made.replies[0].text).toContain("är nu samordnare för VuS Sala");
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await host.close();
    await app.stop();
  });

  describe("möten with no meetings says so once", () => {
    it("a member gets the sentence alone; a coordinator gets a count and the card with the sentence and the plan button", async () => {
      expect(await app.vus.meetingsOf("sala")).toEqual([]);
      const member = await say(MEMBER, "möten");
      expect(member.replies).toHaveLength(1);
      expect(member.replies[0].text).toBe(meetingsText.list.none);
      expect(member.replies[0].attachments ?? []).toEqual([]);

      const coordinator = await say(COORDINATOR, "möten");
      expect(coordinator.replies).toHaveLength(1);
      expect(coordinator.replies[0].summary).toBe(`${meetingsText.list.title}: 0`);
      const card = coordinator.replies[0].attachments[0].content;
      expect(cardProblems(card)).toEqual([]);
      const shown = `${coordinator.replies[0].summary}\n${cardText(coordinator.replies[0])}`;
      expect(shown.split(meetingsText.list.none).length - 1).toBe(1);
      expect(JSON.stringify(card)).toContain(meetingsText.list.plan);
    });
  });

  describe("one admin check for every feature", () => {
    it("an admin added in Teams (id in another case) may plan meetings and see rapport 2b for every county part", async () => {
      expect((await say(TEAMS_ADMIN, "planera")).replies[0].text).toBe(meetingsText.form.notAllowed);
      const added = await say(ADMIN, `admin lägg till ${TEAMS_ADMIN.aadObjectId.toLowerCase()} ${TEAMS_ADMIN.name}`);
      expect(added.replies[0].text).toBe(adminText.admins.added(TEAMS_ADMIN.name));

      const form = await say(TEAMS_ADMIN, "planera");
      expect(form.replies[0].summary).toBe(meetingsText.form.newTitle);
      expect(cardProblems(form.replies[0].attachments[0].content)).toEqual([]);
      expect(JSON.stringify(form.replies[0].attachments[0].content)).toContain("Västerås");

      const report = await say(TEAMS_ADMIN, "rapport 2b");
      const text = cardText(report.replies[0]);
      for (const name of ["VuS Fagersta", "VuS Köping", "VuS Sala", "VuS Västerås"]) expect(text).toContain(name);
    });
  });

  describe("files are routed by content, not by who sends them", () => {
    it("an admin's meeting plan, CSV or JSON rows, is imported as meetings", async () => {
      const csv = await sendFile(
        ADMIN,
        "arsplan.csv",
        "länsdel;datum;start;längd;plats\nSala;2027-05-10;09:00;120;Sala sjukhus\n",
      );
      expect(csv.replies.map((r) => r.text)).toEqual([meetingsText.importText.done(1, "Sala")]);
      const json = await sendFile(
        ADMIN,
        "arsplan.json",
        JSON.stringify({ meetings: [{ grupp: "Köping", datum: "2027-05-11", start: "09:00", plats: "Köping" }] }),
      );
      expect(json.replies.map((r) => r.text)).toEqual([meetingsText.importText.done(1, "Köping")]);
    });

    it("a coordinator's JSON meeting plan is imported as meetings, not refused as a knowledge-base import", async () => {
      const plan = [{ länsdel: "Sala", datum: "2027-06-14", start: "13:00", längd: 90, plats: "Sala sjukhus" }];
      const res = await sendFile(COORDINATOR, "plan.json", JSON.stringify(plan));
      expect(res.replies.map((r) => r.text)).toEqual([meetingsText.importText.done(1, "Sala")]);
      expect((await app.vus.meetingsOf("sala")).map((m) => m.start)).toContain("2027-06-14T11:00:00.000Z");
    });

    it("an admin's knowledge-base export is a knowledge-base import (summary to confirm)", async () => {
      const docs = (await app.knowledgeStore.readEntries()).docs;
      const file = JSON.parse(exportFile(docs, 1, new Date()));
      file.entries[0].answer = `${file.entries[0].answer} Ändrat i filen.`;
      const res = await sendFile(ADMIN, "kunskapsbank.json", JSON.stringify(file));
      expect(res.replies[0].summary).toContain(`${adminText.importFile.summaryFacts.changed}: 1`);
      expect(cardProblems(res.replies[0].attachments[0].content)).toEqual([]);
    });
  });

  describe("a linked team channel gets the reminders", () => {
    const TEAM = "19:general-vus-sala@thread.tacv2";
    const CHANNEL = "19:vus-sala-moten@thread.tacv2";
    const inTeam = (channel: string, threadId?: string) => ({
      conversationId: threadId ? `${channel};messageid=${threadId}` : channel,
      conversationType: "channel",
      channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: "VuS Sala" }, channel: { id: channel } },
    });

    it("`koppla kanal Sala` posted in a channel of the team links that channel, and the reminder reaches it", async () => {
      await as(ADMIN, () => client.install(inTeam(TEAM)));
      const linked = await say(COORDINATOR, "koppla kanal Sala", inTeam(CHANNEL, "1700000000001"));
      expect(linked.replies.map((r) => r.text)).toEqual([meetingsText.admin.channelLinked("Sala")]);
      expect((await app.vus.group("sala"))?.doc.channel).toEqual({
        tenantId: TENANT,
        conversationId: CHANNEL,
        teamId: TEAM,
      });

      const planned = await press(COORDINATOR, {
        action: "meetings.save",
        meetingId: "",
        groupId: "sala",
        date: "2027-08-16",
        start: "09:00",
        length: "120",
        place: "Sala sjukhus",
        link: "",
        theme: "",
        agenda: "",
      });
      expect(planned.replies[0].text).toContain("planerat");
      clock.set("2027-08-09T07:00:05.000Z"); // 09:00 CEST, seven days before
      await app.scheduler.tick();
      const toChannel = client.sent.filter(
        (s) =>
          s.activity.type === "message" &&
          s.activity.conversation?.id === CHANNEL &&
          cardText(s.activity).includes("Påminnelse: VuS Sala"),
      );
      expect(toChannel).toHaveLength(1);
      expect(toChannel[0].url).toContain(`/v3/conversations/${CHANNEL}/activities`);
      expect(cardText(toChannel[0].activity)).toContain("måndag 16 augusti 2027");
      expect(cardProblems(toChannel[0].activity.attachments[0].content)).toEqual([]);
      const meeting = (await app.vus.meetingsOf("sala")).find((m) => m.start === "2027-08-16T07:00:00.000Z")!;
      const job = (await app.jobs.jobsOfMeeting(meeting.id)).find((j) => j.key === "7d");
      expect(job?.counts).toMatchObject({ sent: 3, inactive: 0, failed: 0 });
    });
  });

  describe("a lost race (etag conflict) gets the Swedish conflict message and changes nothing", () => {
    afterEach(() => jest.restoreAllMocks());

    it("kommuner, samordnare, koppla kanal and gå med", async () => {
      const groupBefore = (await app.vus.group("koping"))!.doc;
      jest.spyOn(app.vus, "replaceGroup").mockRejectedValue(new ConflictError("vus", "koping"));
      expect((await say(ADMIN, "kommuner Köping: Köping, Arboga")).replies.map((r) => r.text)).toEqual([
        meetingsText.conflict,
      ]);
      expect(
        (
          await say(COORDINATOR, "koppla kanal Sala", {
            conversationId: "19:x@thread.tacv2;messageid=1",
            conversationType: "channel",
            channelData: { tenant: { id: TENANT }, channel: { id: "19:x@thread.tacv2" } },
          })
        ).replies.map((r) => r.text),
      ).toEqual([meetingsText.conflict]);
      expect((await app.vus.group("koping"))!.doc).toEqual(groupBefore);

      jest.spyOn(app.vus, "replaceMember").mockRejectedValue(new ConflictError("vus", "member"));
      expect(
        (await press(ADMIN, { action: "meetings.coordinator", member: `sala|${MEMBER.aadObjectId}` })).replies.map(
          (r) => r.text,
        ),
      ).toEqual([meetingsText.conflict]);
      expect(
        (
          await press(MEMBER, {
            action: "meetings.join",
            groupId: "sala",
            organisation: "Sala",
            function: "socialpsykiatri",
          })
        ).replies.map((r) => r.text),
      ).toEqual([meetingsText.conflict]);
      const member = (await app.vus.membersOf("sala")).find((m) => m.aadObjectId === MEMBER.aadObjectId);
      expect(member).toMatchObject({ role: "member", function: "ifo" });
    });
  });

  describe("command words do not hijack questions", () => {
    const expectQaAnswer = (replies: Record<string, any>[], notThese: string[]) => {
      expect(replies).toHaveLength(1);
      for (const text of notThese) expect(replies[0].text).not.toBe(text);
      // Every Q&A reply (answer, suggestions or decline) is a card.
      expect(replies[0].attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    };

    it("'lämna ut journalen till anhöriga?' is a question; 'lämna <länsdel>' is still the command", async () => {
      expectQaAnswer((await say(MEMBER, "lämna ut journalen till anhöriga?")).replies, [
        meetingsText.leave.notMember,
        meetingsText.leave.which("Sala"),
      ]);
      expect((await say(MEMBER, "lämna Västerås")).replies.map((r) => r.text)).toEqual([meetingsText.leave.notMember]);
    });

    it("a non-admin's 'samordnare' goes to the knowledge base; an admin's opens the coordinator card", async () => {
      expectQaAnswer((await say(MEMBER, "samordnare")).replies, [meetingsText.admin.notAdmin]);
      const card = await say(ADMIN, "samordnare");
      expect(card.replies[0].summary).toBe(meetingsText.admin.coordinatorTitle);
      expect(cardProblems(card.replies[0].attachments[0].content)).toEqual([]);
    });

    it("'kommuner …: …?' asked as a question is not taken as a change", async () => {
      const before = (await app.vus.group("koping"))!.doc.municipalities;
      expectQaAnswer((await say(ADMIN, "kommuner Köping: vilka ingår?")).replies, [
        meetingsText.admin.notAdmin,
        meetingsText.admin.municipalitiesUsage,
      ]);
      expect((await app.vus.group("koping"))!.doc.municipalities).toEqual(before);
    });
  });

  describe("cancelling a meeting asks first", () => {
    /** Every Action.Submit's data in a reply's card. */
    const submits = (reply: Record<string, any>): any[] =>
      submitActions(reply.attachments?.[0]?.content).map((a) => a.data);

    it("'Ställ in' shows a confirmation card; Avbryt keeps the meeting, Bekräfta cancels it", async () => {
      await press(COORDINATOR, {
        action: "meetings.save",
        meetingId: "",
        groupId: "sala",
        date: "2027-10-11",
        start: "09:00",
        length: "120",
        place: "Sala sjukhus",
        link: "",
        theme: "",
        agenda: "",
      });
      const meeting = (await app.vus.meetingsOf("sala")).find((m) => m.start === "2027-10-11T07:00:00.000Z")!;
      const status = async () => (await app.vus.meeting("sala", meeting.id))!.doc.status;
      const listed = await say(COORDINATOR, "möten");
      const cancel = submits(listed.replies[0]).find(
        (d) => d.action === "meetings.cancel" && d.meetingId === meeting.id,
      );

      const asked = await press(COORDINATOR, cancel);
      expect(asked.replies[0].summary).toBe(meetingsText.cancelConfirm.title("Sala"));
      expect(cardProblems(asked.replies[0].attachments[0].content)).toEqual([]);
      expect(cardText(asked.replies[0])).toContain("måndag 11 oktober 2027");
      expect(await status()).toBe("planned");
      const [confirm, abort] = submits(asked.replies[0]);
      expect((await press(COORDINATOR, abort)).replies[0].text).toBe(meetingsText.cancelConfirm.kept);
      expect(await status()).toBe("planned");
      expect((await app.jobs.jobsOfMeeting(meeting.id)).filter((j) => j.kind === "meetingUpdate")).toHaveLength(0);

      expect((await press(COORDINATOR, confirm)).replies[0].text).toContain("är inställt");
      expect(await status()).toBe("cancelled");
      expect((await app.jobs.jobsOfMeeting(meeting.id)).filter((j) => j.kind === "meetingUpdate")).toHaveLength(1);
      expect((await press(COORDINATOR, confirm)).replies[0].text).toBe(meetingsText.form.alreadyCancelled);
    });
  });

  describe("meeting form errors name what is wrong", () => {
    const base = {
      action: "meetings.save",
      meetingId: "",
      groupId: "sala",
      date: "2027-11-08",
      start: "09:00",
      length: "120",
      place: "Sala sjukhus",
      link: "",
      theme: "",
      agenda: "",
    };
    const p = meetingsText.problems;

    it("a bad length or place is reported as such, not as a date format problem", async () => {
      expect((await press(COORDINATOR, { ...base, length: { minutes: 120 } })).replies[0].text).toBe(
        meetingsText.form.invalid(p.length),
      );
      expect((await press(COORDINATOR, { ...base, place: ["Sala"], theme: 7 })).replies[0].text).toBe(
        meetingsText.form.invalid(`${p.placeOrLink}; ${p.theme}`),
      );
      expect((await press(COORDINATOR, { ...base, date: 20271108 })).replies[0].text).toBe(
        meetingsText.form.invalid(p.date),
      );
      expect((await press(COORDINATOR, { ...base, length: "5" })).replies[0].text).toBe(
        meetingsText.form.invalid(p.length),
      );
      expect((await app.vus.meetingsOf("sala")).some((m) => m.start.startsWith("2027-11-08"))).toBe(false);
    });
  });
});
