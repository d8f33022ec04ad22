import { createHash } from "node:crypto";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { pseudonymFor } from "../core/pseudonym";
import { FeedbackStore } from "../data/feedback";
import { ConversationStore } from "../data/conversations";
import { CosmosBotStorage } from "../bot/cosmos-storage";
import type { Meeting, Member } from "../data/meetings/schema";
import { TENANT, TeamsTestClient, cardText, submitActions, type Recorded } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// Over HTTP with Teams-shaped activities: approvers get a join request on a card; `lämna` takes the RSVPs
// with the membership; `radera användare` shows what it will remove, removes it only when the admin
// confirms, reports what went, and leaves other people's data alone.

const ADMIN = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const user = (i: number, name = `Medlem ${i}`) => ({
  id: `29:erase-${i}`,
  name,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
});
const admin = { id: "29:admin", name: "Admin Välfärd", aadObjectId: ADMIN };
type Who = typeof admin;

const TEAM = "19:valfard-general@thread.tacv2";
const CHANNEL = "19:valfard-experter@thread.tacv2";
const inChannel = {
  conversationId: `${CHANNEL};messageid=1700000000001`,
  conversationType: "channel",
  channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: "Välfärd" }, channel: { id: CHANNEL } },
};

/** What is stored about the person to erase before erasure (the setup below creates one of each). */
const TARGET_BEFORE = { memberships: 1, requests: 1, rsvps: 1, chats: 1, feedback: 2, escalations: 2, installs: 1 };

describe("join requests, lämna and erasure", () => {
  let app: App;
  let client: TeamsTestClient;
  const clock = new ManualClock("2027-03-01T09:00:00.000Z");
  const secret = "erasure-test-pseudonym-secret-0123456789";
  const post = (who: Who, value: unknown, text?: string) =>
    client.as(who, () => client.post(client.activity({ type: "message", conversationId: `a:${who.id}`, value, text })));
  /** Proactive messages that reached a person's personal chat since `from`. */
  const received = (who: Who, from: number): Recorded[] =>
    client.sent.slice(from).filter((s) => s.url.includes(`/v3/conversations/a:${who.id}/activities`));
  const join = (who: Who, groupId: string, fn = "ifo") =>
    post(who, { action: "meetings.join", groupId, organisation: "Sala", function: fn });

  const member = (who: Who, groupId: string, role: Member["role"] = "member"): Member => ({
    id: `member.${who.aadObjectId}`,
    type: "member",
    groupId,
    tenantId: TENANT,
    aadObjectId: who.aadObjectId,
    userId: who.id,
    serviceUrl: client.serviceUrl,
    name: who.name,
    organisation: "Sala",
    function: role === "coordinator" ? "samordnare" : "ifo",
    role,
    joinedAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
  });
  const meeting = (id: string, groupId: string): Meeting => ({
    id,
    type: "meeting",
    groupId,
    start: "2027-04-01T08:00:00.000Z",
    durationMinutes: 120,
    agenda: [],
    status: "planned",
    revision: 1,
    createdBy: ADMIN,
    createdAt: "2027-01-01T00:00:00.000Z",
    updatedBy: ADMIN,
    updatedAt: "2027-01-01T00:00:00.000Z",
  });
  const rsvp = (who: Who, groupId: string, meetingId: string) =>
    app.vus.saveRsvp({
      groupId,
      meetingId,
      aadObjectId: who.aadObjectId,
      name: who.name,
      answer: "attending",
      answeredAt: "2027-02-01T00:00:00.000Z",
    });

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", ADMIN_AAD_OBJECT_IDS: ADMIN, PSEUDONYM_SECRET: secret });
    app = await createApp(config, createLogger("silent"), {
      answerQuestion: async () => ({ text: "svar" }),
      startScheduler: false,
      clock,
    });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    for (const who of [admin, ...[1, 2, 3, 4, 5].map((i) => user(i)), user(6, "Medlem 4")])
      await client.as(who, () => client.install({ conversationId: `a:${who.id}` }));
    await app.vus.createMeeting(meeting("sala-meeting-1", "sala"));
    await app.vus.createMeeting(meeting("koping-meeting-1", "koping"));
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  describe("join requests reach those who decide them, on a card", () => {
    it("sends a request in a group without a coordinator to the admins, who approve it from the card", async () => {
      const from = client.sent.length;
      await join(user(1), "sala");
      const [notice] = received(admin, from);
      expect(notice?.activity.summary).toMatch(/Medlem 1 vill gå med i VuS Sala/);
      expect(cardText(notice.activity)).toMatch(/Medlem 1 – VuS Sala/);
      const card = notice.activity.attachments[0].content;
      expect(cardProblems(card)).toEqual([]);
      const approve = submitActions(card).find((a) => a.data?.action === "meetings.approveJoin");
      expect(approve?.data).toMatchObject({ groupId: "sala", aadObjectId: user(1).aadObjectId });
      await post(admin, approve!.data);
      expect((await app.vus.member("sala", user(1).aadObjectId))?.doc.role).toBe("member");
    });

    it("sends a member's request to the group's coordinator, and a request to be coordinator to the admins", async () => {
      await app.vus.createMember(member(user(2), "koping", "coordinator"));
      let from = client.sent.length;
      await join(user(3), "koping");
      const toCoordinator = received(user(2), from);
      expect(toCoordinator.length).toBe(1);
      const buttons = submitActions(toCoordinator[0].activity.attachments[0].content);
      expect(buttons.map((b) => b.data.action)).toEqual(["meetings.approveJoin", "meetings.denyJoin"]);
      expect(received(admin, from)).toEqual([]);

      from = client.sent.length;
      await join(user(3), "koping", "samordnare");
      expect(received(user(2), from)).toEqual([]);
      const toAdmin = received(admin, from);
      expect(toAdmin.length).toBe(1);
      const asCoordinator = submitActions(toAdmin[0].activity.attachments[0].content).find(
        (a) => a.data?.asCoordinator === true,
      );
      expect(asCoordinator?.data).toMatchObject({ groupId: "koping", aadObjectId: user(3).aadObjectId });
    });
  });

  describe("lämna", () => {
    it("removes the membership and the RSVPs to the group's meetings, and keeps those of other groups", async () => {
      await app.vus.createMember(member(user(1), "koping"));
      await rsvp(user(1), "sala", "sala-meeting-1");
      await rsvp(user(1), "koping", "koping-meeting-1");
      const res = await post(user(1), undefined, "lämna Sala");
      expect(res.replies[0].text).toMatch(/lämnat VuS Sala.*svar om deltagande.*\(1\)/);
      expect(await app.vus.member("sala", user(1).aadObjectId)).toBeUndefined();
      expect(await app.vus.rsvp("sala", "sala-meeting-1", user(1).aadObjectId)).toBeUndefined();
      expect(await app.vus.rsvp("koping", "koping-meeting-1", user(1).aadObjectId)).toBeDefined();
      expect(await app.vus.member("koping", user(1).aadObjectId)).toBeDefined();
    });
  });

  describe("radera användare", () => {
    const target = user(4);
    const other = user(5);
    const feedback = () => new FeedbackStore(app.store.containers.feedback);
    // botbuilder's ConversationState key of a personal chat: `<channel>/conversations/<id>/`.
    const stateKey = (who: Who) => `msteams/conversations/a:${who.id}/`;
    const memory = async (who: Who) =>
      Object.keys(await new CosmosBotStorage(app.store.containers.botState).read([stateKey(who)])).length;
    const asker = (who: Who) => pseudonymFor(secret, TENANT, who.aadObjectId);
    const cases = () => app.escalation.store.withStatus(["open", "taken", "answered", "closed"]);
    const stored = async (who: Who) => ({
      memberships: (await app.vus.membershipsOf(who.aadObjectId)).length,
      requests: (await app.vus.requestsOfPerson([who.aadObjectId])).length,
      rsvps: (await app.vus.rsvpsOfPerson("sala", who.aadObjectId)).length,
      chats: (await app.privacy.erasure.survey(who.aadObjectId)).chats.length,
      feedback: await feedback().countByAsker([asker(who)]),
      // Questions to Välfärd that still name the person, anywhere in the case document.
      escalations: (await cases()).filter((c) => JSON.stringify(c).includes(who.aadObjectId)).length,
      // Channel and group-chat install records that still name the person (as the installer).
      installs: (await app.store.containers.conversations.items.query("SELECT * FROM c").fetchAll()).resources.filter(
        (d) => d.conversationType !== "personal" && JSON.stringify(d).includes(who.aadObjectId),
      ).length,
    });
    const GROUP_CHAT = "19:meeting-group-chat@thread.v2";
    /** An admin's button on the expert channel's case card (Action.Execute). */
    const execute = (verb: string, data: Record<string, unknown>) =>
      client.as(admin, () =>
        client.post(
          client.activity({
            type: "invoke",
            name: "adaptiveCard/action",
            ...inChannel,
            value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
          }),
        ),
      );
    const ask = async (who: Who, question: string) => {
      const before = new Set((await cases()).map((c) => c.id));
      const res = await post(who, { action: "escalation.submit", question });
      expect(res.replies[0].text).toMatch(/^Tack! Din fråga \(VF-/);
      return (await cases()).find((c) => !before.has(c.id))!;
    };
    let answered: { id: string; ref: string };

    beforeAll(async () => {
      for (const who of [target, other]) {
        await app.vus.createMember(member(who, "sala"));
        await rsvp(who, "sala", "sala-meeting-1");
        await feedback().addUnanswered({
          asker: asker(who),
          kbVersion: 1,
          question: "Vem betalar?",
          outcome: "decline",
          reason: "no-match",
          confidence: 0,
          offered: [],
        });
        await feedback().addFeedback({
          asker: asker(who),
          kbVersion: 1,
          entryId: "term-sip",
          vote: "down",
          question: "Vad är SIP?",
        });
      }
      await join(target, "koping");
      // Questions to Välfärd: the target's answered one and open one, and someone else's.
      await client.as(admin, () => client.install({ ...inChannel, conversationId: TEAM }));
      await client.as(admin, () => client.say("koppla expertkanal", inChannel));
      answered = await ask(target, "Vem betalar tolk när en SIP hålls på distans?");
      expect((await execute("escalation.answer", { caseId: answered.id, answer: "Den som kallar." })).status).toBe(200);
      await ask(target, "Vem kallar till SIP när personen bor i en annan kommun?");
      await ask(other, "Vem betalar tolk när en SIP hålls på distans?");
      // A group chat the other person added the bot to, over HTTP; and a record stored before channel and
      // group-chat references were kept without the installer, still naming the target.
      await client.as(other, () =>
        client.install({
          conversationId: GROUP_CHAT,
          conversationType: "groupChat",
          channelData: { tenant: { id: TENANT } },
        }),
      );
      await app.store.containers.conversations.items.create({
        id: createHash("sha256").update("19:legacy-chat@thread.v2").digest("hex").slice(0, 40),
        tenantId: TENANT,
        conversationId: "19:legacy-chat@thread.v2",
        conversationType: "groupChat",
        reference: {
          channelId: "msteams",
          serviceUrl: client.serviceUrl,
          conversation: { id: "19:legacy-chat@thread.v2", conversationType: "groupChat", tenantId: TENANT },
          bot: { id: "28:bot", name: "Samverkansboten" },
          user: { id: target.id, name: target.name, aadObjectId: target.aadObjectId },
        },
        active: true,
        installedAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
      });
      for (const who of [target, other])
        await new CosmosBotStorage(app.store.containers.botState).write({ [stateKey(who)]: { streak: { count: 1 } } });
      await app.evaluations.store.answers.create({
        id: "e".repeat(64),
        type: "answer",
        year: "2027",
        groupId: "sala",
        meetingId: "sala-meeting-1",
        q1: 4,
        q2: 4,
        orgType: "kommun",
        submittedAt: "2027-04-01T22:00:00.000Z",
      });
    });

    it("is refused to anyone but an admin, and changes nothing", async () => {
      const res = await post(other, undefined, `radera användare ${target.name}`);
      expect(res.replies[0].text).toMatch(/Bara administratörer/);
      const forged = await post(other, { action: "privacy.erase", aadObjectId: target.aadObjectId });
      expect(forged.replies[0].text).toMatch(/Bara administratörer/);
      expect(await memory(target)).toBe(1);
      expect(await stored(target)).toEqual(TARGET_BEFORE);
    });

    it("says so in Swedish when nobody has the name", async () => {
      const res = await post(admin, undefined, "radera användare Ingen Alls");
      expect(res.replies[0].text).toMatch(/hittar ingen Ingen Alls/);
      expect((await post(admin, undefined, "radera användare")).replies[0].text).toMatch(/radera användare Anna/);
    });

    it("shows every person of that name and what is stored about each, and deletes nothing yet", async () => {
      const res = await post(admin, undefined, `radera användare ${target.name.toUpperCase()}`);
      const card = res.replies[0].attachments[0].content;
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(res.replies[0]);
      expect(text).toContain("Jag hittade 2 personer");
      expect(text).toContain(target.aadObjectId);
      expect(text).toContain(user(6).aadObjectId);
      expect(text).toMatch(/Utvärderingssvar|utvärderingssvar/);
      expect(text).toMatch(/Frågor till Välfärd 2/);
      expect(text).toMatch(/Installationer i kanaler och gruppchattar 1/);
      const erase = submitActions(card).filter((a) => a.data.action === "privacy.erase");
      expect(erase.map((a) => a.data.aadObjectId).sort()).toEqual([target.aadObjectId, user(6).aadObjectId].sort());
      expect(erase.every((a) => [...a.title].length <= 32)).toBe(true);
      expect(await stored(target)).toEqual(TARGET_BEFORE);

      const cancel = submitActions(card).find((a) => a.data.action === "privacy.eraseCancel")!;
      expect((await post(admin, cancel.data)).replies[0].text).toBe("Inget raderades.");
      expect(await stored(target)).toEqual(TARGET_BEFORE);
    });

    it("removes the person's data when the admin confirms, says what went, and keeps everyone else's", async () => {
      const res = await post(admin, undefined, `radera användare ${target.aadObjectId}`);
      const erase = submitActions(res.replies[0].attachments[0].content).find(
        (a) => a.data.action === "privacy.erase",
      )!;
      const from = client.sent.length;
      const done = await post(admin, erase.data);
      expect(done.replies[0].text).toBe(
        "Raderat om Medlem 4: 1 medlemskap, 1 förfrågan, 1 svar om deltagande, 1 chatt med boten (med chattens minne), 2 frågor och omdömen, 1 obesvarad fråga till Välfärd, 1 besvarad fråga till Välfärd utan namn (frågan och svaret finns kvar), 1 installation i kanal eller gruppchatt utan namn (boten finns kvar där).",
      );
      expect(await stored(target)).toEqual({
        memberships: 0,
        requests: 0,
        rsvps: 0,
        chats: 0,
        feedback: 0,
        escalations: 0,
        installs: 0,
      });
      expect(await stored(other)).toEqual({
        memberships: 1,
        requests: 0,
        rsvps: 1,
        chats: 1,
        feedback: 2,
        escalations: 1,
        installs: 0,
      });
      // The chats stay installed: only the installer's name and ids went.
      expect(
        (await new ConversationStore(app.store.containers.conversations).get(TENANT, "19:legacy-chat@thread.v2"))
          ?.active,
      ).toBe(true);
      expect((await new ConversationStore(app.store.containers.conversations).get(TENANT, GROUP_CHAT))?.active).toBe(
        true,
      );
      // The answered case keeps the question and the expert's answer, and no longer names the asker,
      // in the store and on the expert channel's card.
      const kept = (await app.escalation.store.get(answered.id))!.doc;
      expect(kept).toMatchObject({
        question: "Vem betalar tolk när en SIP hålls på distans?",
        answer: "Den som kallar.",
      });
      expect(JSON.stringify(kept)).not.toMatch(/Medlem 4|29:erase-4/);
      const updates = client.sent.slice(from).filter((s) => s.method === "PUT" && s.url.includes(CHANNEL));
      expect(updates.length).toBe(2);
      expect(updates.map((u) => JSON.stringify(u.activity)).join()).not.toMatch(/Medlem 4|Vem kallar till SIP/);
      expect([await memory(target), await memory(other)]).toEqual([0, 1]);
      // Pseudonymous evaluation answers stay (README: what can and cannot be erased).
      expect((await app.evaluations.store.answersOfYear("2027")).length).toBe(1);
      // Pressing the button again finds nothing left.
      expect((await post(admin, erase.data)).replies[0].text).toMatch(/inga uppgifter kvar/);
    });
  });
});
