import { createApp, type App } from "../bot/app";
import { CosmosBotStorage } from "../bot/cosmos-storage";
import { ManualClock } from "../core/clock";
import { ConfigError, loadConfig, retentionSettings } from "../core/config";
import { createLogger } from "../core/logger";
import { AdminDirectory } from "../data/admins";
import type { Case } from "../data/cases/schema";
import { ConversationStore } from "../data/conversations";
import { FeedbackStore } from "../data/feedback";
import { PendingImports } from "../data/kb/pending-imports";
import { EscalationStore } from "../data/escalation/escalation-store";
import type { Meeting, ScheduledJob } from "../data/meetings/schema";

// Gallring: the daily retention job, run by the scheduler on an injectable clock, deletes a too-old
// document of every stored kind and keeps a fresh one (and everything that has no age limit).

const NOW = "2027-06-15T10:00:00.000Z";
const at = (iso: string) => () => new Date(iso);
const hex = (c: string) => c.repeat(64);
const ADMIN_A = "aaaaaaaa-0000-4000-8000-000000000001";
const ADMIN_B = "bbbbbbbb-0000-4000-8000-000000000002";
const ACTOR = { id: "cccccccc-0000-4000-8000-000000000003", name: "Välfärd" };

function meeting(id: string, start: string): Meeting {
  return {
    id,
    type: "meeting",
    groupId: "sala",
    start,
    durationMinutes: 60,
    agenda: [],
    status: "planned",
    revision: 1,
    createdBy: "x",
    createdAt: start,
    updatedBy: "x",
    updatedAt: start,
  };
}

function job(id: string, notAfter: string): ScheduledJob {
  return {
    id,
    jobId: id,
    type: "job",
    kind: "reminder",
    groupId: "sala",
    meetingId: "meeting-x",
    meetingRevision: 1,
    key: "1d",
    dueAt: notAfter,
    notAfter,
    status: "done",
    runs: 1,
    createdAt: notAfter,
    finishedAt: notAfter,
  };
}

function finishedCase(id: string, decidedAt: string): Case {
  return {
    id,
    type: "case",
    groupId: "sala",
    year: decidedAt.slice(0, 4),
    kind: "tvist",
    description: "d",
    parties: "p",
    managersTried: true,
    reporter: { tenantId: "t", aadObjectId: "a", userId: "29:u", serviceUrl: "https://smba.example/", name: "R" },
    status: "solved",
    decision: { decision: "solved", at: decidedAt, byName: "S" },
    raisedAt: decidedAt,
    revision: 2,
    history: [],
    updatedAt: decidedAt,
  };
}

async function count(app: App, container: keyof App["store"]["containers"], where = "true"): Promise<number> {
  const { resources } = await app.store.containers[container].items
    .query<number>(`SELECT VALUE COUNT(1) FROM c WHERE ${where}`)
    .fetchAll();
  return resources[0] ?? 0;
}

describe("retention (gallring)", () => {
  let app: App;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `retention-${Date.now()}` });
    app = await createApp(config, createLogger("silent"), {
      answerQuestion: async () => [{ text: "svar" }],
      clock,
      startScheduler: false,
    });
    const c = app.store.containers;

    // Feedback and unanswered questions: 365 days from when they were stored.
    for (const [id, when] of [
      ["old", "2026-05-01T00:00:00.000Z"],
      ["new", "2027-05-01T00:00:00.000Z"],
    ]) {
      const feedback = new FeedbackStore(c.feedback, at(when));
      await feedback.addFeedback({
        asker: "a".repeat(32),
        kbVersion: 1,
        entryId: "term-sip",
        vote: "down",
        question: id,
      });
      await feedback.addUnanswered({
        asker: "a".repeat(32),
        kbVersion: 1,
        question: id,
        outcome: "decline",
        reason: "no-match",
        confidence: 0,
        offered: [],
      });
    }

    // Conversation references: 90 days after the bot was removed from the chat; active chats stay.
    for (const [id, when, active] of [
      ["19:old-gone", "2027-01-01T00:00:00.000Z", false],
      ["19:new-gone", "2027-06-01T00:00:00.000Z", false],
      ["19:old-active", "2026-01-01T00:00:00.000Z", true],
    ] as const) {
      const conversations = new ConversationStore(c.conversations, at(when));
      await conversations.saveInstall({
        tenantId: "t",
        conversationId: id,
        conversationType: "personal",
        aadObjectId: id,
        reference: { channelId: "msteams", serviceUrl: "https://smba.example/", conversation: { id } },
      });
      if (!active) await conversations.markInactive("t", id);
    }

    // Turn state: 30 days after it was last written.
    await new CosmosBotStorage(c.botState, at("2027-04-01T00:00:00.000Z")).write({ "msteams/conversations/old/": {} });
    await new CosmosBotStorage(c.botState, at("2027-06-10T00:00:00.000Z")).write({ "msteams/conversations/new/": {} });

    // Join requests (60 days undecided), RSVPs (90 days after the meeting), meetings (3 years after).
    const request = { groupId: "sala", tenantId: "t", userId: "29:u", serviceUrl: "https://smba.example/", name: "N" };
    const requests = (when: string) => ({
      ...request,
      organisation: "Sala",
      function: "ifo" as const,
      requestedAt: when,
    });
    await app.vus.saveRequest({ ...requests("2027-03-01T00:00:00.000Z"), aadObjectId: "req-old" });
    await app.vus.saveRequest({ ...requests("2027-06-01T00:00:00.000Z"), aadObjectId: "req-new" });
    await app.vus.createMeeting(meeting("meeting-ancient", "2024-01-10T08:00:00.000Z"));
    await app.vus.createMeeting(meeting("meeting-winter", "2027-01-10T08:00:00.000Z"));
    await app.vus.createMeeting(meeting("meeting-june", "2027-06-01T08:00:00.000Z"));
    const rsvp = { groupId: "sala", aadObjectId: "m1", name: "M", answer: "attending" as const };
    await app.vus.saveRsvp({ ...rsvp, meetingId: "meeting-winter", answeredAt: "2027-01-02T00:00:00.000Z" });
    await app.vus.saveRsvp({ ...rsvp, meetingId: "meeting-june", answeredAt: "2027-05-02T00:00:00.000Z" });
    // Its meeting is gone (deleted before it was held): counts from when it was answered.
    await app.vus.saveRsvp({ ...rsvp, meetingId: "meeting-gone", answeredAt: "2027-01-02T00:00:00.000Z" });

    // Scheduled jobs and delivery records: 90 days after the job could last run.
    await app.jobs.createIfAbsent(job("job-old", "2027-01-01T00:00:00.000Z"));
    await app.jobs.createIfAbsent(job("job-new", "2027-06-01T00:00:00.000Z"));
    await app.jobs.claimDelivery("job-old", "member:x", "i", "2027-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z");
    await app.jobs.claimDelivery("job-new", "member:x", "i", "2027-06-01T00:00:00.000Z", "2027-06-01T00:00:00.000Z");

    // Evaluation answers and invitations: 365 days after the end of the meeting's year.
    for (const [year, ch] of [
      ["2025", "a"],
      ["2026", "b"],
    ] as const) {
      const common = { year, groupId: "sala", meetingId: "meeting-winter" };
      await app.evaluations.store.answers.create({
        ...common,
        id: hex(ch),
        type: "answer",
        q1: 4,
        q2: 5,
        orgType: "kommun",
        submittedAt: `${year}-03-01T23:00:00.000Z`,
      });
      await app.evaluations.store.invitations.create({
        ...common,
        id: hex(ch === "a" ? "c" : "d"),
        type: "invitation",
        invitedAt: `${year}-03-01T09:00:00.000Z`,
      });
    }

    // Cases: three years after they finished (open ones whatever their age).
    await app.cases.store.create(finishedCase("2024-00000001", "2024-05-01T00:00:00.000Z"));
    await app.cases.store.create(finishedCase("2026-00000002", "2026-05-01T00:00:00.000Z"));

    // Questions to Välfärd: 365 days after answered or closed; unanswered, after they were asked.
    const asker = {
      aadObjectId: "asker",
      name: "A",
      tenantId: "t",
      userId: "29:a",
      serviceUrl: "https://smba.example/",
    };
    const question = (when: string) => new EscalationStore(c.escalations, at(when));
    for (const [name, asked, answered] of [
      ["old-answered", "2026-04-20T00:00:00.000Z", "2026-05-01T00:00:00.000Z"],
      ["new-answered", "2026-04-20T00:00:00.000Z", "2026-08-01T00:00:00.000Z"],
      ["old-open", "2026-05-01T00:00:00.000Z", undefined],
      ["new-open", "2027-06-01T00:00:00.000Z", undefined],
    ] as const) {
      const created = await question(asked).create({ asker, question: name, botAnswer: "" });
      if (answered)
        await question(answered).update(created, { status: "answered", answer: "svar", answeredAt: answered });
    }
    // "Most asked" counts: 400 days after the end of their month.
    for (const month of ["2026-04", "2026-06"])
      await c.askCounts.items.create({ id: `${month}.e2e`, month, counts: { "term-sip": 3 }, updatedAt: NOW });

    // Pending imports (7 days) and the admin roster's audit trail (3 years).
    await new PendingImports(c.admin, at("2027-06-01T00:00:00.000Z")).save(ADMIN_A, "old.json", []);
    await new PendingImports(c.admin, at("2027-06-14T00:00:00.000Z")).save(ADMIN_A, "new.json", []);
    await new AdminDirectory(c.admin, [], at("2024-01-01T00:00:00.000Z")).add(ADMIN_A, "Gammal", ACTOR);
    await new AdminDirectory(c.admin, [], at("2024-02-01T00:00:00.000Z")).remove(ADMIN_A, ACTOR);
    await new AdminDirectory(c.admin, [], at("2027-01-01T00:00:00.000Z")).add(ADMIN_B, "Ny", ACTOR);
  });
  afterAll(() => app.stop());

  it("is one daily job, planned once however often it is planned, and run by the shared scheduler", async () => {
    // Before 03:15 Stockholm the day's run is not due yet.
    clock.set("2027-06-15T00:30:00.000Z");
    await app.privacy.retention.plan();
    await app.privacy.retention.plan();
    expect((await app.scheduler.tick()).ran).toBe(0);
    expect(await count(app, "jobs", "c.type = 'job' AND c.kind = 'retention'")).toBe(2);
    expect(await count(app, "feedback")).toBe(4);

    clock.set(NOW);
    expect(await app.scheduler.tick()).toEqual({ ran: 1, expired: 0, skipped: 0 });
    // Nothing else is due until tomorrow's run at 03:15 Stockholm (01:15 UTC in summer).
    expect(await app.jobs.due("2027-06-16T01:14:59.999Z")).toEqual([]);
    // The run plans the next day's; tomorrow's (planned at start) is the same job.
    const next = await app.jobs.due("2027-06-16T01:15:00.000Z");
    expect(next.map((s) => [s.doc.id, s.doc.dueAt])).toEqual([["gallring.2027-06-16", "2027-06-16T01:15:00.000Z"]]);
  });

  it("deleted the too-old document of every kind and kept the fresh ones", async () => {
    const feedback = await app.store.containers.feedback.items
      .query<{ question: string }>("SELECT * FROM c")
      .fetchAll();
    expect(feedback.resources.map((d) => d.question).sort()).toEqual(["new", "new"]);

    const chats = await app.store.containers.conversations.items
      .query<{ conversationId: string }>("SELECT * FROM c")
      .fetchAll();
    expect(chats.resources.map((d) => d.conversationId).sort()).toEqual(["19:new-gone", "19:old-active"]);

    const state = await app.store.containers.botState.items.query<{ key: string }>("SELECT * FROM c").fetchAll();
    expect(state.resources.map((d) => d.key)).toEqual(["msteams/conversations/new/"]);

    expect((await app.vus.requestsOf("sala")).map((r) => r.aadObjectId)).toEqual(["req-new"]);
    expect((await app.vus.meetingsOf("sala")).map((m) => m.id)).toEqual(["meeting-winter", "meeting-june"]);
    expect(await app.vus.rsvpsOf("sala", "meeting-winter")).toEqual([]);
    expect(await app.vus.rsvpsOf("sala", "meeting-gone")).toEqual([]);
    expect((await app.vus.rsvpsOf("sala", "meeting-june")).length).toBe(1);
    expect((await app.vus.listGroups()).length).toBe(4);

    expect(await count(app, "jobs", "c.type = 'job' AND c.kind = 'reminder'")).toBe(1);
    expect((await app.jobs.jobsOfMeeting("meeting-x")).map((j) => j.id)).toEqual(["job-new"]);
    expect((await app.jobs.deliveriesOf("job-old")).length).toBe(0);
    expect((await app.jobs.deliveriesOf("job-new")).length).toBe(1);

    expect(await app.evaluations.store.answersOfYear("2025")).toEqual([]);
    expect(await app.evaluations.store.invitationsOfYear("2025")).toEqual([]);
    expect((await app.evaluations.store.answersOfYear("2026")).length).toBe(1);
    expect((await app.evaluations.store.invitationsOfYear("2026")).length).toBe(1);

    expect((await app.cases.store.all()).map((c) => c.id)).toEqual(["2026-00000002"]);

    const questions = await app.escalation.store.withStatus(["open", "taken", "answered", "closed"]);
    expect(questions.map((q) => q.question).sort()).toEqual(["new-answered", "new-open"]);
    const counts = await app.store.containers.askCounts.items.query<{ month: string }>("SELECT * FROM c").fetchAll();
    expect(counts.resources.map((d) => d.month)).toEqual(["2026-06"]);

    const admin = await app.store.containers.admin.items
      .query<{ kind: string; fileName?: string; id: string }>("SELECT * FROM c")
      .fetchAll();
    const byKind = (k: string) => admin.resources.filter((d) => d.kind === k);
    expect(byKind("import").map((d) => d.fileName)).toEqual(["new.json"]);
    expect(byKind("admin").map((d) => d.id)).toEqual([ADMIN_B]);
    expect(byKind("audit").length).toBe(1);
  });

  it("names a rule for every retention setting, each used once", () => {
    const settings = app.features.flatMap((f) => f.retention ?? []).map((r) => r.setting);
    expect([...settings].sort()).toEqual([...retentionSettings].sort());
  });
});

describe("retention settings", () => {
  it("has defaults and takes each period in days", () => {
    const config = loadConfig({});
    expect(config.FEEDBACK_RETENTION_DAYS).toBe(365);
    expect(config.CASES_RETENTION_DAYS).toBe(1095);
    expect(loadConfig({ JOBS_RETENTION_DAYS: "30" }).JOBS_RETENTION_DAYS).toBe(30);
  });

  it("refuses a period that would delete what is still needed, naming the variable", () => {
    // The evaluation invitations are drawn from the RSVPs after the meeting.
    expect(() => loadConfig({ RSVPS_RETENTION_DAYS: "3" })).toThrow(ConfigError);
    expect(() => loadConfig({ RSVPS_RETENTION_DAYS: "3" })).toThrow(/RSVPS_RETENTION_DAYS: must be 8–3650/);
    expect(() => loadConfig({ FEEDBACK_RETENTION_DAYS: "ett år" })).toThrow(/FEEDBACK_RETENTION_DAYS/);
  });
});
