import type { ScheduledJob } from "../../data/meetings/schema";
import type { Case, CaseStep } from "../../data/cases/schema";

// Each step of a case (raised, decided, regional outcome) is told to the people concerned through the
// shared job machinery: a "caseNotice" job with a deterministic id per case revision and step, so the
// scheduler's claim and the per-recipient delivery records make every notice go out once, across
// instances and restarts. The job is created before the case is written; the handler waits for the
// write to land (or drops the job when it never does), so a crash between the two loses nothing.

/** How long a notice may wait for delivery (e.g. Teams throttling) before it is given up. */
const NOTICE_WINDOW_MS = 14 * 86_400_000;

export const noticeJobId = (caseId: string, revision: number, step: CaseStep) =>
  `case.${caseId}.r${revision}.caseNotice.${step}`;

export function noticeJob(c: Pick<Case, "id" | "groupId">, revision: number, step: CaseStep, now: Date): ScheduledJob {
  const id = noticeJobId(c.id, revision, step);
  const nowIso = now.toISOString();
  return {
    id,
    jobId: id,
    type: "job",
    kind: "caseNotice",
    groupId: c.groupId,
    // The shared job schema names its subject a meeting; for case notices it is the case.
    meetingId: c.id,
    meetingRevision: revision,
    key: step,
    dueAt: nowIso,
    notAfter: new Date(now.getTime() + NOTICE_WINDOW_MS).toISOString(),
    status: "pending",
    runs: 0,
    createdAt: nowIso,
  };
}
