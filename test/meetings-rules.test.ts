import { reminderDue, representationCheckDue, jobsForMeeting, updateJob } from "../dialogs/meetings/schedule";
import { localToUtc, offsetUntil, swedishSpan } from "../core/time";
import { sendWithRetry, backoffMs, defaultRetrySettings } from "../core/jobs/retry";
import { SendError } from "../core/jobs/messenger";
import { RateLimiter } from "../core/jobs/rate-limiter";
import { ManualClock } from "../core/clock";
import { readMeetingFile, validateImport, rejectionText } from "../dialogs/meetings/import";
import { missingFunctions } from "../dialogs/meetings/representation";
import type { Group, Meeting, Member, Rsvp } from "../data/meetings/schema";
import { loadConfig } from "../core/config";
import { meetingsText } from "../core/strings";

const settings = { reminderOffsets: ["7d", "1d", "2h"], representationCheckTime: "15:00" };
const group = (id: string, name: string, municipalities: string[]): Group => ({
  id,
  type: "group",
  groupId: id,
  name,
  municipalities,
  updatedAt: "2027-01-01T00:00:00.000Z",
});
const groups = [group("sala", "Sala", ["Sala"]), group("koping", "Köping", ["Köping", "Arboga"])];

function meeting(start: string, fields: Partial<Meeting> = {}): Meeting {
  return {
    id: "m-0000000001",
    type: "meeting",
    groupId: "sala",
    start,
    durationMinutes: 120,
    agenda: [],
    status: "planned",
    revision: 1,
    createdBy: "x",
    createdAt: start,
    updatedBy: "x",
    updatedAt: start,
    place: "Sala",
    ...fields,
  };
}

describe("scheduling rules in Europe/Stockholm", () => {
  it("day offsets keep the wall-clock time across the spring DST change; hour offsets are exact", () => {
    const start = localToUtc("2027-03-29", "09:00");
    expect(start.ok && start.at.toUTC().toISO()).toBe("2027-03-29T07:00:00.000Z"); // CEST
    const iso = "2027-03-29T07:00:00.000Z";
    expect(reminderDue(iso, "1d")).toBe("2027-03-28T07:00:00.000Z"); // Sunday 09:00 CEST, the DST day
    expect(reminderDue(iso, "7d")).toBe("2027-03-22T08:00:00.000Z"); // Monday 09:00 CET
    expect(reminderDue(iso, "2h")).toBe("2027-03-29T05:00:00.000Z");
    expect(representationCheckDue(iso, "15:00")).toBe("2027-03-28T13:00:00.000Z");
  });

  it("and across the autumn change", () => {
    const iso = "2027-11-01T08:00:00.000Z"; // Monday 09:00 CET
    expect(reminderDue(iso, "1d")).toBe("2027-10-31T08:00:00.000Z"); // Sunday 09:00 CET, the DST day
    expect(reminderDue(iso, "7d")).toBe("2027-10-25T07:00:00.000Z"); // Monday 09:00 CEST
    expect(reminderDue("2027-10-31T03:00:00.000Z", "2h")).toBe("2027-10-31T01:00:00.000Z"); // exact over the repeated hour
  });

  it("tells the time left before a meeting in calendar days, then hours and minutes on the day (updated reminder cards)", () => {
    const iso = "2027-03-29T07:00:00.000Z"; // Monday 09:00 CEST
    const at = (s: string) => new Date(s);
    expect(offsetUntil(iso, at("2027-03-22T08:01:00.000Z"))).toBe("7d"); // a minute after the 7-day reminder, across DST
    expect(offsetUntil(iso, at("2027-03-26T21:30:00.000Z"))).toBe("3d"); // Friday 22:30: three calendar days, not 2.4
    expect(offsetUntil(iso, at("2027-03-28T21:59:00.000Z"))).toBe("1d"); // Sunday 23:59: tomorrow
    expect(offsetUntil(iso, at("2027-03-28T22:00:00.000Z"))).toBe("9h"); // Monday 00:00
    expect(offsetUntil(iso, at("2027-03-29T06:30:00.000Z"))).toBe("30m");
    expect(offsetUntil(iso, at("2027-03-29T07:00:00.000Z"))).toBeUndefined();
    expect([
      meetingsText.reminder.inDays("7d"),
      meetingsText.reminder.inDays("1d"),
      meetingsText.reminder.inDays("1h"),
      meetingsText.reminder.inDays("1m"),
    ]).toEqual([
      "Mötet är om 7 dagar.",
      "Mötet är i morgon.",
      "Mötet börjar om en timme.",
      "Mötet börjar om en minut.",
    ]);
  });

  it("refuses a time that does not exist on the spring-forward night", () => {
    expect(localToUtc("2027-03-28", "02:30")).toEqual({ ok: false, problem: "nonexistent" });
    expect(localToUtc("2027-13-01", "09:00")).toEqual({ ok: false, problem: "format" });
    expect(swedishSpan("2027-03-29T07:00:00.000Z", 90)).toBe("måndag 29 mars 2027 kl. 09:00–10:30");
  });

  it("plans reminders and a representation check, leaving out reminders already past when planned", () => {
    const m = meeting("2027-03-29T07:00:00.000Z");
    const early = jobsForMeeting(m, settings, new Date("2027-03-01T00:00:00Z"));
    expect(early.map((j) => [j.kind, j.key, j.dueAt, j.notAfter])).toEqual([
      ["reminder", "7d", "2027-03-22T08:00:00.000Z", m.start],
      ["reminder", "1d", "2027-03-28T07:00:00.000Z", m.start],
      ["reminder", "2h", "2027-03-29T05:00:00.000Z", m.start],
      ["representationCheck", "day-before", "2027-03-28T13:00:00.000Z", m.start],
    ]);
    expect(early[0].id).toBe("m-0000000001.r1.reminder.7d");
    const late = jobsForMeeting(m, settings, new Date("2027-03-28T20:00:00Z"));
    expect(late.map((j) => j.key)).toEqual(["2h", "day-before"]);
    expect(late[1].dueAt).toBe("2027-03-28T20:00:00.000Z");
    expect(jobsForMeeting({ ...m, status: "cancelled" }, settings, new Date("2027-03-01T00:00:00Z"))).toEqual([]);
    expect(updateJob(m, "cancelled", new Date("2027-03-30T00:00:00Z"), m.start)).toBeUndefined();
    expect(
      updateJob({ ...m, revision: 2 }, "moved", new Date("2027-03-01T00:00:00Z"), "2027-03-20T08:00:00.000Z")?.id,
    ).toBe("m-0000000001.r2.meetingUpdate.moved");
  });

  it("reads offsets and limits from the environment", () => {
    expect(loadConfig({}).MEETINGS_REMINDER_OFFSETS).toEqual(["7d", "1d"]);
    expect(loadConfig({ MEETINGS_REMINDER_OFFSETS: "14d, 2h" }).MEETINGS_REMINDER_OFFSETS).toEqual(["14d", "2h"]);
    expect(() => loadConfig({ MEETINGS_REMINDER_OFFSETS: "7 days" })).toThrow(/MEETINGS_REMINDER_OFFSETS/);
    expect(() => loadConfig({ MEETINGS_TENANT_SENDS_PER_SECOND: "80" })).toThrow(/MEETINGS_TENANT_SENDS_PER_SECOND/);
  });
});

describe("send retry policy", () => {
  const clock = () => new ManualClock("2027-01-01T00:00:00Z");
  const ok = { conversationId: "c", activityId: "a" };

  it("honours Retry-After on 429 and tells the limiter", async () => {
    const c = clock();
    const throttles: number[] = [];
    let calls = 0;
    const out = await sendWithRetry(
      async () => (++calls < 3 ? Promise.reject(new SendError("429", 429, 7000)) : ok),
      defaultRetrySettings,
      c,
      { onThrottled: (ms) => throttles.push(ms) },
    );
    expect(out).toMatchObject({ status: "sent", attempts: 3 });
    expect(throttles).toEqual([7000, 7000]);
    expect(c.now().toISOString()).toBe("2027-01-01T00:00:14.000Z");
  });

  it("retries 412/502/504 with jittered backoff and gives up after the bound, recording the last status", async () => {
    const c = clock();
    let calls = 0;
    const out = await sendWithRetry(
      async () => Promise.reject(new SendError("bad gateway", [412, 502, 504][calls++ % 3])),
      { ...defaultRetrySettings, maxAttempts: 4 },
      c,
      { random: () => 0.5 },
    );
    expect(out).toEqual({ status: "failed", attempts: 4, statusCode: 412 });
    expect(calls).toBe(4);
    expect([1, 2, 3].map((n) => backoffMs(n, defaultRetrySettings, () => 0))).toEqual([250, 500, 1000]);
    expect(backoffMs(20, defaultRetrySettings, () => 1)).toBe(30000);
  });

  it("403/404 end at once as inactive; other errors fail without retry", async () => {
    expect(
      await sendWithRetry(
        async () => Promise.reject(new SendError("gone", 403, undefined, "conv")),
        defaultRetrySettings,
        clock(),
      ),
    ).toEqual({ status: "inactive", attempts: 1, statusCode: 403, conversationId: "conv" });
    expect(
      await sendWithRetry(async () => Promise.reject(new SendError("bad", 400)), defaultRetrySettings, clock()),
    ).toEqual({ status: "failed", attempts: 1, statusCode: 400 });
    expect(
      await sendWithRetry(
        async () => Promise.reject(new SendError("429", 429, 600_000)),
        defaultRetrySettings,
        clock(),
      ),
    ).toEqual({ status: "failed", attempts: 1, statusCode: 429 });
  });
});

describe("rate limiter", () => {
  it("spaces sends per tenant and per conversation, and pauses a tenant after a 429", async () => {
    const c = new ManualClock("2027-01-01T00:00:00.000Z");
    const limiter = new RateLimiter({ perTenantPerSecond: 10, perConversationPerSecond: 2 }, c);
    for (let i = 0; i < 10; i++) await limiter.acquire("t1", `conv-${i}`);
    expect(c.now().getTime() - Date.parse("2027-01-01T00:00:00.000Z")).toBe(900);
    await limiter.acquire("t2", "other"); // another tenant is not held up
    expect(c.now().getTime() - Date.parse("2027-01-01T00:00:00.000Z")).toBe(900);
    const before = c.now().getTime();
    await limiter.acquire("t3", "same");
    await limiter.acquire("t3", "same");
    expect(c.now().getTime() - before).toBe(500);
    limiter.pauseTenant("t3", 5000);
    const paused = c.now().getTime();
    await limiter.acquire("t3", "x");
    expect(c.now().getTime() - paused).toBe(5000);
  });
});

describe("year-plan import", () => {
  const now = new Date("2027-01-10T00:00:00Z");
  const ctx = { groups, existing: [] as Meeting[], allowed: "*" as const, now };

  it("reads a semicolon CSV with Swedish headers and a BOM", () => {
    const csv =
      "\uFEFFLänsdel;Datum;Start;Längd;Plats;Länk;Tema;Dagordning\nSala;2027-02-10;09:00;120;Sala sjukhus;;SIP;Inledning|SIP\nKöping;2027-03-10;13:30;90;;https://teams.microsoft.com/l/x;;\n";
    const read = readMeetingFile("plan.csv", csv);
    expect(read.ok).toBe(true);
    const checked = validateImport(read.ok ? read.rows : [], ctx);
    expect(checked.ok && checked.drafts).toEqual([
      {
        groupId: "sala",
        start: "2027-02-10T08:00:00.000Z",
        durationMinutes: 120,
        place: "Sala sjukhus",
        onlineUrl: undefined,
        theme: "SIP",
        agenda: ["Inledning", "SIP"],
      },
      {
        groupId: "koping",
        start: "2027-03-10T12:30:00.000Z",
        durationMinutes: 90,
        place: undefined,
        onlineUrl: "https://teams.microsoft.com/l/x",
        theme: undefined,
        agenda: [],
      },
    ]);
  });

  it("rejects the whole file with a Swedish list of the bad rows", () => {
    const csv = [
      "länsdel,datum,start,längd,plats,länk",
      "Sala,2027-02-10,09:00,120,Sala,",
      "Norrland,2027-02-11,09:00,120,X,",
      "Sala,2027-03-28,02:30,120,X,",
      "Sala,2026-12-01,09:00,120,X,",
      "Sala,2027-02-10,09:00,10,,http://insecure",
    ].join("\n");
    const read = readMeetingFile("plan.csv", csv);
    const checked = validateImport(read.ok ? read.rows : [], ctx);
    expect(checked.ok).toBe(false);
    const message = rejectionText(checked.ok ? [] : checked.errors);
    expect(message).toContain("Filen importerades inte: 4 rader är fel");
    expect(message).toContain("- Rad 3: okänd länsdel");
    expect(message).toContain("- Rad 4: tiden finns inte den dagen (klockan ställs fram till sommartid)");
    expect(message).toContain("- Rad 5: tiden har redan passerat");
    expect(message).toContain("- Rad 6: längden ska vara 15–480 minuter; länken ska vara en https-adress");
  });

  it("reads JSON, refuses duplicates and groups the importer does not coordinate", () => {
    const json = JSON.stringify([
      { group: "sala", date: "2027-02-10", start: "09:00", place: "Sala" },
      { länsdel: "Sala", datum: "2027-02-10", start: "09:00", plats: "Sala" },
      { group: "Köping", date: "2027-02-12", start: "09:00", place: "Köping", agenda: ["A", "B"] },
    ]);
    const read = readMeetingFile("plan.json", json);
    const checked = validateImport(read.ok ? read.rows : [], { ...ctx, allowed: new Set(["sala"]) });
    expect(checked.ok ? [] : checked.errors).toEqual([
      { row: 2, why: "samma länsdel och tid som rad 1" },
      { row: 3, why: "du är inte samordnare för VuS Köping" },
    ]);
    expect(readMeetingFile("plan.xlsx", "x")).toEqual({ ok: false, message: expect.stringContaining(".csv") });
    expect(readMeetingFile("plan.json", "{not json")).toEqual({
      ok: false,
      message: expect.stringContaining("kunde inte läsa"),
    });
  });
});

describe("representation check", () => {
  const member = (aad: string, organisation: string, fn: Member["function"]): Member => ({
    id: `member.${aad}`,
    type: "member",
    groupId: "koping",
    tenantId: "t",
    aadObjectId: aad,
    userId: `29:${aad}`,
    serviceUrl: "https://smba.example/",
    name: aad,
    organisation,
    function: fn,
    role: "member",
    joinedAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
  });
  const rsvp = (aad: string, answer: Rsvp["answer"]): Rsvp => ({
    id: `rsvp.m.${aad}`,
    type: "rsvp",
    groupId: "koping",
    meetingId: "m",
    aadObjectId: aad,
    name: aad,
    answer,
    answeredAt: "2027-01-01T00:00:00.000Z",
  });

  it("lists each municipality's missing social-services functions and the region's missing functions", () => {
    const members = [
      member("a", "Köping", "ifo-socialpsykiatri"),
      member("b", "Arboga", "ifo"),
      member("c", "Region Västmanland", "vuxenpsykiatri"),
      member("d", "Region Västmanland", "habilitering"),
      member("e", "Region Västmanland", "vardcentral"),
      member("f", "Köping", "samordnare"),
    ];
    const answers = [
      rsvp("a", "attending"),
      rsvp("b", "substitute"),
      rsvp("c", "declined"),
      rsvp("d", "attending"),
      rsvp("e", "attending"),
      rsvp("f", "attending"),
    ];
    expect(missingFunctions(groups[1], members, answers)).toEqual([
      "Arboga: socialpsykiatri",
      "Region – vuxenpsykiatrin",
    ]);
    expect(missingFunctions(groups[1], members, [])).toHaveLength(6);
  });
});
