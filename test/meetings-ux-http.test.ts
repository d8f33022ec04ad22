import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { meetingsText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { surveyWindow } from "../dialogs/evaluations/survey-window";
import { TeamsTestClient, TENANT, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// How meetings read to the people using them: `möten` in time order, "upcoming" and "held" meaning
// not started and ended, `planera` opening on the right group, the day-before check reaching someone
// when a group has no coordinator, the old time on a moved meeting, and a deadline on a full hour.

const ADMIN = { id: "29:admin", name: "Alva Admin", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const COORDINATOR = { id: "29:coord", name: "Sara Samordnare", aadObjectId: "00000000-0000-4000-8000-000000000d01" };
const MEMBER = { id: "29:member", name: "Mats Medlem", aadObjectId: "00000000-0000-4000-8000-000000000d02" };
type Who = typeof ADMIN;

describe("meetings as users read them", () => {
  let app: App;
  let client: TeamsTestClient;
  const clock = new ManualClock("2026-12-01T08:00:00.000Z");

  const as = <T>(who: Who, fn: () => Promise<T>) => client.as(who, fn);
  const chatOf = (who: Who) => `a:ux-${who.id}`;
  const say = (who: Who, text: string, fields: Record<string, any> = {}) =>
    as(who, () => client.say(text, { conversationId: chatOf(who), ...fields }));
  const press = (who: Who, value: unknown, fields: Record<string, any> = {}) =>
    as(who, () => client.post(client.activity({ type: "message", conversationId: chatOf(who), value, ...fields })));
  const plan = async (who: Who, groupId: string, date: string, start: string, length = 60, meetingId = "") => {
    const res = await press(who, {
      action: "meetings.save",
      meetingId,
      groupId,
      date,
      start,
      length: String(length),
      place: "Stadshuset",
      link: "",
      theme: "",
      agenda: "",
    });
    expect(res.replies[0].text).toMatch(/planerat|ändrat/);
    return res;
  };
  const listCard = async (who: Who) => {
    const { replies } = await say(who, "möten");
    const card = replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    return { summary: replies[0].summary as string, card, json: JSON.stringify(card) };
  };

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      COSMOS_DATABASE: `ux-meet-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
      EVALUATION_SECRET: "ux-meetings-test-secret-that-is-long-enough-0",
    });
    app = await createApp(config, createLogger("silent"), { clock, instanceId: "ux-test", startScheduler: false });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    for (const who of [ADMIN, COORDINATOR, MEMBER])
      await as(who, () => client.install({ conversationId: chatOf(who) }));
    for (const [who, groupId] of [
      [COORDINATOR, "sala"],
      [MEMBER, "sala"],
      [ADMIN, "vasteras"],
      [MEMBER, "fagersta"],
    ] as const) {
      const joined = await press(who, { action: "meetings.join", groupId, organisation: "Sala", function: "ifo" });
      if (who !== ADMIN) await press(ADMIN, { action: "meetings.approveJoin", groupId, aadObjectId: who.aadObjectId });
      expect(await app.vus.member(groupId, who.aadObjectId)).toBeDefined();
      expect(joined.replies[0].text).toContain("VuS");
    }
    const made = await press(ADMIN, { action: "meetings.coordinator", member: `sala|${COORDINATOR.aadObjectId}` });
    expect(made.replies[0].text).toContain("är nu samordnare för VuS Sala");
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("`möten` lists meetings by start time, not by the Swedish date text", async () => {
    await plan(COORDINATOR, "sala", "2026-12-12", "09:00");
    await plan(COORDINATOR, "sala", "2026-12-05", "09:00");
    const { json } = await listCard(MEMBER);
    const fifth = json.indexOf("lördag 5 december 2026");
    const twelfth = json.indexOf("lördag 12 december 2026");
    expect(fifth).toBeGreaterThan(0);
    expect(twelfth).toBeGreaterThan(fifth);
  });

  it("a meeting in progress is neither upcoming nor held; an ended one is held and no longer upcoming", async () => {
    clock.set("2026-12-10T07:00:00.000Z");
    await plan(COORDINATOR, "sala", "2026-12-10", "09:00", 60); // 08:00–09:00 UTC
    await plan(COORDINATOR, "sala", "2026-12-10", "13:00", 60); // later the same day
    clock.set("2026-12-10T08:30:00.000Z"); // 09:30, the first meeting is under way
    let list = await listCard(COORDINATOR);
    expect(list.summary).toBe(`${meetingsText.list.title}: 2`); // 13:00 and 12 December
    expect(list.json).toContain(meetingsText.list.held("Sala", 2026, 1)); // 5 December only
    expect(list.json).toContain(meetingsText.list.inProgressTitle);

    clock.set("2026-12-10T09:30:00.000Z"); // 10:30: ended
    list = await listCard(COORDINATOR);
    expect(list.summary).toBe(`${meetingsText.list.title}: 2`);
    expect(list.json).toContain(meetingsText.list.held("Sala", 2026, 2));
    const upcoming = list.card.body.filter((b: any) => b.type === "Container" && b.separator);
    expect(upcoming.map((c: any) => JSON.stringify(c))).not.toContainEqual(
      expect.stringContaining("torsdag 10 december 2026 kl. 09:00–10:00"),
    );
    expect(list.json).toContain(meetingsText.list.endedTitle);
    expect(list.json).toContain(meetingsText.list.notHeld);
  });

  it("`planera` preselects the planner's own group, and in a linked channel that channel's group", async () => {
    const own = await say(ADMIN, "planera");
    expect(own.replies[0].attachments[0].content.body.find((b: any) => b.id === "groupId").value).toBe("vasteras");
    const coordinator = await say(COORDINATOR, "planera");
    expect(coordinator.replies[0].attachments[0].content.body.find((b: any) => b.id === "groupId").value).toBe("sala");

    const TEAM = "19:general-ux@thread.tacv2";
    const CHANNEL = "19:vus-koping@thread.tacv2";
    const inChannel = {
      conversationId: CHANNEL,
      conversationType: "channel",
      channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: "VuS" }, channel: { id: CHANNEL } },
    };
    await as(ADMIN, () => client.install({ ...inChannel, conversationId: TEAM }));
    const linked = await say(ADMIN, "koppla kanal Köping", inChannel);
    expect(linked.replies[0].text).toBe(meetingsText.admin.channelLinked("Köping"));
    const inKoping = await say(ADMIN, "planera", inChannel);
    expect(inKoping.replies[0].attachments[0].content.body.find((b: any) => b.id === "groupId").value).toBe("koping");
  });

  it("the day-before check of a group without a coordinator goes to the admins and shows as a problem in `leveranser`", async () => {
    clock.set("2026-12-11T08:00:00.000Z");
    await plan(ADMIN, "fagersta", "2026-12-20", "10:00");
    clock.set("2026-12-19T14:00:05.000Z"); // 15:00, the day before
    const before = client.sent.length;
    await app.scheduler.tick();
    const checks = client.sent
      .slice(before)
      .filter((s) => cardText(s.activity).includes("Representation i morgon: VuS Fagersta"));
    expect(checks.map((s) => s.activity.conversation.id)).toEqual([chatOf(ADMIN)]);
    expect(cardProblems(checks[0].activity.attachments[0].content)).toEqual([]);
    expect(cardText(checks[0].activity)).toContain(meetingsText.representation.noCoordinator("Fagersta"));

    const report = await say(ADMIN, "leveranser");
    expect(report.replies[0].text).toContain(meetingsText.report.problems.noCoordinator);
  });

  it("the moved-meeting card shows the old time", async () => {
    clock.set("2026-12-11T08:00:00.000Z");
    await plan(COORDINATOR, "sala", "2026-12-17", "09:00", 120);
    const meeting = (await app.vus.meetingsOf("sala")).find((m) => m.start === "2026-12-17T08:00:00.000Z")!;
    await plan(COORDINATOR, "sala", "2026-12-18", "13:00", 120, meeting.id);
    const before = client.sent.length;
    await app.scheduler.tick();
    const moved = client.sent
      .slice(before)
      .filter((s) => s.activity.conversation.id === chatOf(MEMBER) && cardText(s.activity).includes("flyttat"));
    expect(moved).toHaveLength(1);
    expect(cardProblems(moved[0].activity.attachments[0].content)).toEqual([]);
    const body = cardText(moved[0].activity);
    expect(body).toContain(meetingsText.list.previousWhen);
    expect(body).toContain("torsdag 17 december 2026 kl. 09:00–11:00");
    expect(body).toContain("fredag 18 december 2026 kl. 13:00–15:00");
  });
});

describe("the evaluation deadline", () => {
  it("is on a full hour even when the meeting ends at an odd minute", () => {
    // 09:16–09:46 CET, the survey opens an hour later: closes 14 days on, rounded up to 11:00.
    const w = surveyWindow(
      { start: "2026-03-10T08:16:00.000Z", durationMinutes: 30 },
      { delayMinutes: 60, openDays: 14 },
    );
    expect(w.closesAt).toBe("2026-03-24T10:00:00.000Z");
    const exact = surveyWindow(
      { start: "2026-03-10T08:00:00.000Z", durationMinutes: 60 },
      { delayMinutes: 60, openDays: 14 },
    );
    expect(exact.closesAt).toBe("2026-03-24T10:00:00.000Z"); // 11:00 CET, unchanged
  });
});
