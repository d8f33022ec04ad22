import { randomUUID } from "node:crypto";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { createLogger } from "../core/logger";
import { VusStore, memberDocId } from "../data/meetings/vus-store";
import type { Member } from "../data/meetings/schema";
import { EvaluationStore } from "../data/evaluations/evaluation-store";
import { EvaluationKeys } from "../data/evaluations/keyed-ids";
import { InvalidDocumentError } from "../data/errors";
import { EvaluationService } from "../dialogs/evaluations/evaluation-service";
import { surveyWindow } from "../dialogs/evaluations/survey-window";
import type { Asker } from "../core/types";
import { group, meeting } from "./support/evaluation-fixtures";

// Against the embedded Cosmos server through @azure/cosmos, like production.

const RESPONDENTS = 100;
const SUBMISSIONS = 500;
const SETTINGS = { delayMinutes: 60, openDays: 14 };
const MEETING = meeting("sala-m1-0001", "sala", "2026-03-10T08:00:00.000Z");
const aadOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const askerOf = (i: number): Asker => ({
  tenantId: "t",
  userId: `29:user-${i}`,
  aadObjectId: aadOf(i),
  conversationType: "personal",
  name: `Person ${i}`,
});

describe("evaluation store on the embedded Cosmos server", () => {
  let cosmos: CosmosStore;
  let vus: VusStore;
  let store: EvaluationStore;
  let service: EvaluationService;
  const keys = new EvaluationKeys("store-test-secret-that-is-long-enough-01234");
  let now = new Date("2026-03-11T09:00:00.000Z");

  beforeAll(async () => {
    cosmos = await openCosmos(
      { databaseId: `evals-${Date.now()}-${randomUUID().slice(0, 6)}` },
      createLogger("silent"),
    );
    vus = new VusStore(cosmos.containers.vus);
    store = new EvaluationStore(cosmos.containers.evaluations);
    service = new EvaluationService({
      vus,
      store,
      keys,
      settings: SETTINGS,
      now: () => now,
      logger: createLogger("silent"),
    });
    await vus.createGroup(group("sala", "Sala"));
    await vus.createMeeting(MEETING);
    for (let i = 0; i < RESPONDENTS; i++) {
      const m: Member = {
        id: memberDocId(aadOf(i)),
        type: "member",
        groupId: "sala",
        tenantId: "t",
        aadObjectId: aadOf(i),
        userId: `29:user-${i}`,
        serviceUrl: "https://smba.example/",
        name: `Person ${i}`,
        organisation: "Sala",
        function: "ifo",
        role: "member",
        joinedAt: "2026-01-01T00:00:00.000Z",
        updatedAt: "2026-01-01T00:00:00.000Z",
      };
      await vus.createMember(m);
    }
  }, 30_000);
  afterAll(() => cosmos.close());

  it(`${SUBMISSIONS} concurrent submissions across ${RESPONDENTS} respondents store exactly ${RESPONDENTS} answers, each the respondent's own`, async () => {
    const submissions = Array.from({ length: SUBMISSIONS }, (_, k) => ({
      who: k % RESPONDENTS,
      round: Math.floor(k / RESPONDENTS),
    }));
    const results = await Promise.all(
      submissions.map(({ who, round }) =>
        service.handle(
          "evaluation.submit",
          {
            action: "evaluation.submit",
            groupId: "sala",
            meetingId: MEETING.id,
            q1: String((who % 5) + 1),
            q2: String(round + 1),
            comment: `r${who}-s${round}`,
            orgType: "kommun",
            gender: "",
          },
          askerOf(who),
        ),
      ),
    );
    expect(results.filter((r) => r.kind !== "card" || !r.saved)).toEqual([]);
    const stored = await store.answersOfYear("2026");
    expect(stored).toHaveLength(RESPONDENTS);
    for (let i = 0; i < RESPONDENTS; i++) {
      const mine = stored.find((a) => a.id === keys.answerId(MEETING.id, aadOf(i)));
      expect(mine?.comment).toMatch(new RegExp(`^r${i}-s[0-4]$`));
      expect(mine?.q1).toBe((i % 5) + 1);
    }
    // Members who answered without a card count as invited: one invitation each, never more.
    const invitations = await store.invitationsOfYear("2026");
    expect(invitations).toHaveLength(RESPONDENTS);
    // Neither time links an invitation to an answer: invitations carry the survey's opening, answers their day.
    expect(new Set(invitations.map((i) => i.invitedAt))).toEqual(new Set([surveyWindow(MEETING, SETTINGS).opensAt]));
    expect(new Set(stored.map((a) => a.submittedAt))).toEqual(new Set(["2026-03-10T23:00:00.000Z"]));
  }, 60_000);

  it("concurrent saves of one id keep the submission with the latest submittedAt", async () => {
    const base = {
      type: "answer" as const,
      year: "2031",
      groupId: "sala",
      meetingId: "m-latest-01",
      q2: 3,
      orgType: "region" as const,
    };
    const ids = Array.from({ length: 20 }, (_, i) => keys.answerId("m-latest-01", aadOf(i)));
    const saves = ids.flatMap((id) =>
      [1, 2, 3, 4, 5].map((q1) => ({ ...base, id, q1, submittedAt: `2031-01-0${q1}T00:00:00.000Z` })),
    );
    saves.sort(() => Math.random() - 0.5);
    await Promise.all(saves.map((a) => store.saveAnswer(a)));
    const stored = await store.answersOfYear("2031");
    expect(stored).toHaveLength(20);
    expect(stored.every((a) => a.q1 === 5 && a.submittedAt === "2031-01-05T00:00:00.000Z")).toBe(true);
    // An older submission arriving late is dropped.
    expect(await store.saveAnswer({ ...base, id: ids[0], q1: 1, submittedAt: "2031-01-01T00:00:00.000Z" })).toBe(
      "superseded",
    );
  });

  it("sequential changes by one respondent keep the latest", async () => {
    for (const [k, q1] of [5, 1, 3].entries()) {
      now = new Date(now.getTime() + 60_000);
      const r = await service.handle(
        "evaluation.submit",
        {
          action: "evaluation.submit",
          groupId: "sala",
          meetingId: MEETING.id,
          q1: String(q1),
          q2: "2",
          orgType: "region",
          gender: "man",
          comment: `ändring ${k}`,
        },
        askerOf(7),
      );
      expect(r).toMatchObject({ kind: "card", saved: "replaced" });
    }
    expect(await store.answer("2026", keys.answerId(MEETING.id, aadOf(7)))).toMatchObject({
      q1: 3,
      orgType: "region",
      gender: "man",
      comment: "ändring 2",
    });
    expect(await store.answersOfYear("2026")).toHaveLength(RESPONDENTS);
  });

  it("answerIdsOf lists one meeting's answers, read through the validating repository", async () => {
    const base = {
      type: "answer" as const,
      year: "2032",
      groupId: "sala",
      q1: 4,
      q2: 4,
      orgType: "kommun" as const,
      submittedAt: "2032-02-01T00:00:00.000Z",
    };
    await store.saveAnswer({ ...base, id: keys.answerId("m-ids-0001", aadOf(1)), meetingId: "m-ids-0001" });
    await store.saveAnswer({ ...base, id: keys.answerId("m-ids-0001", aadOf(2)), meetingId: "m-ids-0001" });
    await store.saveAnswer({ ...base, id: keys.answerId("m-ids-0002", aadOf(1)), meetingId: "m-ids-0002" });
    expect(await store.answerIdsOf("2032", "m-ids-0001")).toEqual(
      new Set([keys.answerId("m-ids-0001", aadOf(1)), keys.answerId("m-ids-0001", aadOf(2))]),
    );
    // A document that does not match the schema (here: a raw user id beside the answer) is refused, not trusted.
    await cosmos.containers.evaluations.items.create({
      ...base,
      id: keys.answerId("m-ids-0003", aadOf(1)),
      meetingId: "m-ids-0003",
      aadObjectId: aadOf(1),
    });
    await expect(store.answerIdsOf("2032", "m-ids-0003")).rejects.toThrow(InvalidDocumentError);
    await cosmos.containers.evaluations.item(keys.answerId("m-ids-0003", aadOf(1)), "2032").delete();
  });

  it("stores no raw user id, Teams id or name in any evaluation document, and no link from an answer to an invitation", async () => {
    const { resources } = await cosmos.containers.evaluations.items.readAll().fetchAll();
    expect(resources.length).toBeGreaterThan(2 * RESPONDENTS);
    const text = JSON.stringify(resources).toLowerCase();
    for (let i = 0; i < RESPONDENTS; i++) {
      expect(text).not.toContain(aadOf(i));
      expect(text).not.toContain(`29:user-${i}"`);
      expect(text).not.toContain(`person ${i}"`);
    }
    const answerIds = new Set(resources.filter((r) => r.type === "answer").map((r) => r.id));
    for (const inv of resources.filter((r) => r.type === "invitation")) expect(answerIds.has(inv.id)).toBe(false);
    for (const a of resources.filter((r) => r.type === "answer")) {
      expect(
        Object.keys(a)
          .filter((k) => !k.startsWith("_"))
          .sort(),
      ).toEqual(
        expect.arrayContaining(["groupId", "id", "meetingId", "orgType", "q1", "q2", "submittedAt", "type", "year"]),
      );
      expect(Object.keys(a).filter((k) => !k.startsWith("_") && !["comment", "gender"].includes(k))).toHaveLength(9);
    }
  });

  it.each([
    ["a score out of range", { q1: "9" }, "Välj ett värde från 1 till 5"],
    ["an oversized comment", { comment: "å".repeat(1001) }, "högst 1 000 tecken"],
    ["an unknown meeting", { meetingId: "no-such-meeting-1" }, "hittar inte mötet"],
    ["a tampered group", { groupId: "vasteras" }, "hittar inte mötet"],
    ["a malformed reference", { meetingId: "<script>" }, "gick inte att läsa"],
  ])("refuses %s with a Swedish message and stores nothing", async (_what, change, message) => {
    const before = (await cosmos.containers.evaluations.items.readAll().fetchAll()).resources.length;
    const mine = await store.answer("2026", keys.answerId(MEETING.id, aadOf(3)));
    const r = await service.handle(
      "evaluation.submit",
      {
        action: "evaluation.submit",
        groupId: "sala",
        meetingId: MEETING.id,
        q1: "3",
        q2: "3",
        orgType: "kommun",
        ...change,
      },
      askerOf(3),
    );
    expect(r.text).toContain(message);
    expect(r.text).not.toMatch(/Tack/);
    expect((await cosmos.containers.evaluations.items.readAll().fetchAll()).resources.length).toBe(before);
    expect(await store.answer("2026", keys.answerId(MEETING.id, aadOf(3)))).toEqual(mine);
  });

  it("refuses a non-member, a closed survey and a cancelled meeting", async () => {
    const submit = (asker: Asker) =>
      service.handle(
        "evaluation.submit",
        { action: "evaluation.submit", groupId: "sala", meetingId: MEETING.id, q1: "3", q2: "3", orgType: "kommun" },
        asker,
      );
    const before = (await cosmos.containers.evaluations.items.readAll().fetchAll()).resources.length;
    expect((await submit(askerOf(RESPONDENTS + 1))).text).toContain("Bara medlemmar");
    expect((await submit({ ...askerOf(1), aadObjectId: undefined })).text).toContain("Entra-id saknas");
    const saved = now;
    now = new Date("2026-03-24T11:00:00.000Z");
    expect((await submit(askerOf(1))).text).toContain("Utvärderingen stängde 24 mars 2026 kl. 12:00");
    now = new Date("2026-03-10T10:59:00.000Z");
    expect((await submit(askerOf(1))).text).toContain("Utvärderingen öppnar 10 mars 2026 kl. 12:00");
    now = saved;
    const cancelled = meeting("sala-cancel-01", "sala", "2026-03-09T08:00:00.000Z", "cancelled");
    await vus.createMeeting(cancelled);
    expect(
      (
        await service.handle(
          "evaluation.submit",
          {
            action: "evaluation.submit",
            groupId: "sala",
            meetingId: cancelled.id,
            q1: "3",
            q2: "3",
            orgType: "kommun",
          },
          askerOf(1),
        )
      ).text,
    ).toContain("hölls inte");
    expect((await cosmos.containers.evaluations.items.readAll().fetchAll()).resources.length).toBe(before);
  });

  it("'Ändra svar' opens the form with the stored answer", async () => {
    const r = await service.handle(
      "evaluation.edit",
      { action: "evaluation.edit", groupId: "sala", meetingId: MEETING.id },
      askerOf(7),
    );
    expect(r.kind).toBe("card");
    const body = JSON.stringify(r.kind === "card" ? r.card.content : {});
    expect(body).toContain('"id":"q1","style":"expanded","isRequired":true');
    expect(body).toContain('"value":"3"');
    expect(body).toContain("ändring 2");
    expect(body).toContain("Spara ändrat svar");
  });
});
