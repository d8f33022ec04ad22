import type { RetentionSetting } from "../config";
import type { Logger } from "../logger";
import type { Clock } from "../clock";
import type { JobStore } from "../../data/meetings/job-store";
import type { ScheduledJob } from "../../data/meetings/schema";
import { DateTime } from "luxon";
import { ZONE } from "../time";
import type { JobHandler } from "./scheduler";

// Gallring: every stored kind is deleted when its retention period (a setting, core/config.ts) has run
// out. Features name their kinds as rules (Feature.retention); one daily "retention" job, planned and
// claimed through the shared job machinery, runs every rule. The embedded store has no TTL and the
// periods count from domain moments (a case finished, a chat uninstalled), so the deletes are code.

/** One stored kind and how to delete what has outlived its period. */
export interface RetentionRule {
  /** Names the kind in logs and tests ("vus.rsvp"). */
  kind: string;
  /** The setting holding its period in days. */
  setting: RetentionSetting;
  /** Deletes the kind's documents whose retention moment is before `before`; returns how many. */
  purge(before: Date): Promise<number>;
}

export type RetentionPeriods = Record<RetentionSetting, number>;

/** Runs every rule once; a failing rule is logged and the others still run. Returns deletions per kind. */
export async function purgeExpired(
  rules: readonly RetentionRule[],
  periods: RetentionPeriods,
  now: Date,
  logger: Logger,
  heartbeat: () => Promise<void> = async () => {},
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const rule of rules) {
    const before = new Date(now.getTime() - periods[rule.setting] * 86_400_000);
    try {
      deleted[rule.kind] = await rule.purge(before);
    } catch (err) {
      logger.error({ err, kind: rule.kind }, "retention purge failed; the next run tries again");
    }
    await heartbeat();
  }
  return deleted;
}

/** Local time (Europe/Stockholm) the daily purge is due: a quiet hour. */
const RUN_AT = { hour: 3, minute: 15 };
const GROUP = "gallring";

/** The purge job of a Stockholm calendar day ("2026-12-05"): one id per day, so planning it twice creates one. */
export function retentionJob(day: string): ScheduledJob {
  const due = DateTime.fromISO(day, { zone: ZONE }).set({ hour: RUN_AT.hour, minute: RUN_AT.minute }).toJSDate();
  const id = `${GROUP}.${day}`;
  return {
    id,
    jobId: id,
    type: "job",
    kind: "retention",
    groupId: GROUP,
    // The shared job schema names its subject a meeting; the purge has none.
    meetingId: GROUP,
    meetingRevision: 1,
    key: day,
    dueAt: due.toISOString(),
    // A day missed entirely is covered by the next day's run.
    notAfter: new Date(due.getTime() + 86_400_000).toISOString(),
    status: "pending",
    runs: 0,
    createdAt: due.toISOString(),
  };
}

/** The Stockholm calendar day `days` after the one `at` falls on. */
function stockholmDay(at: Date, days = 0): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).plus({ days }).toISODate()!;
}

export interface RetentionJobDeps {
  rules: () => readonly RetentionRule[];
  periods: RetentionPeriods;
  jobs: JobStore;
  clock: Clock;
  logger: Logger;
}

/** Plans the daily purge and runs it; registered by the privacy feature under the job kind "retention". */
export class RetentionJobs implements JobHandler {
  constructor(private readonly deps: RetentionJobDeps) {}

  /** Makes sure today's and tomorrow's runs exist (at start; each run also plans the next day's). */
  async plan(): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.jobs.createIfAbsent(retentionJob(stockholmDay(now)));
    await this.deps.jobs.createIfAbsent(retentionJob(stockholmDay(now, 1)));
  }

  async run(job: ScheduledJob, heartbeat: () => Promise<void>) {
    const { rules, periods, jobs, clock, logger } = this.deps;
    const deleted = await purgeExpired(rules(), periods, clock.now(), logger, heartbeat);
    logger.info({ deleted }, "retention purge ran");
    await jobs.createIfAbsent(retentionJob(stockholmDay(new Date(job.dueAt), 1)));
    return { complete: true };
  }
}
