// Evaluation storage and the 2b report on the embedded Cosmos server, through @azure/cosmos:
//  1. SUBMISSIONS concurrent submissions across RESPONDENTS respondents of one meeting, through the
//     full validation path (meeting, window, membership, keyed ids, ordered upsert); prints the time,
//     the stored count (must equal RESPONDENTS) and answers not the respondent's own (must be 0).
//  2. A report for a year of GROUPS x MEETINGS x RESPONDENTS answers: time to read and aggregate, and CSV size.
//
//   npm run bench:evaluations      (SUBMISSIONS=2000 RESPONDENTS=400 npm run bench:evaluations)
import { performance } from "node:perf_hooks";
import { openCosmos } from "../data/cosmos";
import { createLogger } from "../core/logger";
import { VusStore, memberDocId } from "../data/meetings/vus-store";
import { EvaluationStore } from "../data/evaluations/evaluation-store";
import { EvaluationKeys } from "../data/evaluations/keyed-ids";
import { EvaluationService } from "../dialogs/evaluations/evaluation-service";
import { buildReport } from "../dialogs/evaluations/report";
import { reportCsv } from "../dialogs/evaluations/report-csv";
import type { EvaluationAnswer } from "../data/evaluations/schema";
import type { Group, Meeting } from "../data/meetings/schema";

const SUBMISSIONS = Number(process.env.SUBMISSIONS ?? 500);
const RESPONDENTS = Number(process.env.RESPONDENTS ?? 100);
const GROUPS = 4;
const MEETINGS = 6;
const aadOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

async function main(): Promise<void> {
  const logger = createLogger("silent");
  const cosmos = await openCosmos({ databaseId: `bench-eval-${Date.now()}` }, logger);
  const vus = new VusStore(cosmos.containers.vus);
  const store = new EvaluationStore(cosmos.containers.evaluations);
  const keys = new EvaluationKeys("bench-secret-that-is-long-enough-0123456789");
  const now = new Date("2026-03-11T09:00:00.000Z");
  const service = new EvaluationService({
    vus,
    store,
    keys,
    settings: { delayMinutes: 60, openDays: 14 },
    now: () => now,
    logger,
  });
  const group: Group = {
    id: "sala",
    type: "group",
    groupId: "sala",
    name: "Sala",
    municipalities: ["Sala"],
    updatedAt: now.toISOString(),
  };
  const meeting: Meeting = {
    id: "bench-meeting-1",
    type: "meeting",
    groupId: "sala",
    start: "2026-03-10T08:00:00.000Z",
    durationMinutes: 120,
    agenda: [],
    status: "planned",
    revision: 1,
    createdBy: "b",
    createdAt: now.toISOString(),
    updatedBy: "b",
    updatedAt: now.toISOString(),
  };
  await vus.createGroup(group);
  await vus.createMeeting(meeting);
  for (let i = 0; i < RESPONDENTS; i++)
    await vus.createMember({
      id: memberDocId(aadOf(i)),
      type: "member",
      groupId: "sala",
      tenantId: "t",
      aadObjectId: aadOf(i),
      userId: `29:u${i}`,
      serviceUrl: "https://smba.example/",
      name: `P${i}`,
      organisation: "Sala",
      function: "ifo",
      role: "member",
      joinedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });

  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: SUBMISSIONS }, (_, k) =>
      service.handle(
        "evaluation.submit",
        {
          action: "evaluation.submit",
          groupId: "sala",
          meetingId: meeting.id,
          q1: String((k % 5) + 1),
          q2: "3",
          comment: `r${k % RESPONDENTS}`,
          orgType: "kommun",
        },
        {
          tenantId: "t",
          userId: `29:u${k % RESPONDENTS}`,
          aadObjectId: aadOf(k % RESPONDENTS),
          conversationType: "personal",
        },
      ),
    ),
  );
  const ms = performance.now() - t0;
  const stored = await store.answersOfYear("2026");
  const foreign = stored.filter(
    (a) =>
      !Array.from({ length: RESPONDENTS }, (_, i) => i).some(
        (i) => a.id === keys.answerId(meeting.id, aadOf(i)) && a.comment === `r${i}`,
      ),
  ).length;
  console.log(
    `submissions: ${SUBMISSIONS} concurrent across ${RESPONDENTS} respondents in ${ms.toFixed(0)} ms (${((SUBMISSIONS / ms) * 1000).toFixed(0)}/s); stored ${stored.length} (expected ${RESPONDENTS}); not the respondent's own: ${foreign}`,
  );

  // A full year: every group, every meeting, every respondent answered.
  const groups: Group[] = Array.from({ length: GROUPS }, (_, g) => ({
    ...group,
    id: `group-${g}`,
    groupId: `group-${g}`,
    name: `Grupp ${g}`,
  }));
  const meetingsByGroup = new Map(
    groups.map((g) => [
      g.id,
      Array.from({ length: MEETINGS }, (_, m) => ({
        ...meeting,
        id: `${g.id}-meeting-${m}`,
        groupId: g.id,
        start: `2026-0${m + 1}-10T08:00:00.000Z`,
      })),
    ]),
  );
  let n = 0;
  for (const [gid, ms2] of meetingsByGroup)
    for (const m of ms2) {
      const batch: Promise<unknown>[] = [];
      for (let i = 0; i < RESPONDENTS; i++) {
        const a: EvaluationAnswer = {
          id: keys.answerId(m.id, aadOf(i)),
          type: "answer",
          year: "2027",
          groupId: gid,
          meetingId: m.id,
          q1: (i % 5) + 1,
          q2: ((i + 2) % 5) + 1,
          orgType: i % 3 ? "kommun" : "region",
          gender: i % 2 ? "kvinna" : "man",
          submittedAt: now.toISOString(),
        };
        batch.push(store.saveAnswer(a));
        n++;
      }
      await Promise.all(batch);
    }
  const t1 = performance.now();
  const answers = await store.answersOfYear("2027");
  const t2 = performance.now();
  const report = buildReport({
    year: 2027,
    groups,
    meetingsByGroup: new Map(
      [...meetingsByGroup].map(([g, ms3]) => [g, ms3.map((x) => ({ ...x, start: x.start.replace("2026", "2027") }))]),
    ),
    answers,
    invitations: [],
    now: new Date("2027-12-31T00:00:00.000Z"),
  });
  const csv = reportCsv(report);
  const t3 = performance.now();
  console.log(
    `report: ${n} answers (${GROUPS} groups x ${MEETINGS} meetings x ${RESPONDENTS}); query ${(t2 - t1).toFixed(0)} ms, aggregate + suppress + CSV ${(t3 - t2).toFixed(0)} ms; CSV ${csv.length} bytes`,
  );
  await cosmos.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
