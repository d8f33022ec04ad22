import type { Logger } from "../logger";
import type { Stored } from "../../data/repository";
import { ConflictError } from "../../data/errors";
import type { JobStore } from "../../data/meetings/job-store";
import type { DeliveryCounts, JobKind, JobProblem, ScheduledJob } from "../../data/meetings/schema";
import type { Clock } from "../clock";
import { countJobRun } from "../telemetry";

export interface JobRunResult {
  /** False when some recipients are still with another instance: the job is looked at again next tick. */
  complete: boolean;
  counts?: DeliveryCounts;
  /** The job no longer applies (meeting moved or cancelled since it was planned). */
  obsolete?: boolean;
  /** Recorded on the job for `leveranser`. */
  problem?: JobProblem;
}

/** Does the work of one kind of job; features register theirs under `jobs` (dialogs/feature.ts). */
export interface JobHandler {
  run(job: ScheduledJob, heartbeat: () => Promise<void>): Promise<JobRunResult>;
}

export interface SchedulerDeps {
  jobs: JobStore;
  handlers: Partial<Record<JobKind, JobHandler>>;
  clock: Clock;
  owner: string;
  leaseMs: number;
  logger: Logger;
}

export interface TickResult {
  ran: number;
  expired: number;
  skipped: number;
}

/**
 * Runs due jobs from Cosmos. A job is claimed with an etag replace (pending → running with a lease), so
 * of several instances one runs it; a job whose owner died is taken over when its lease runs out.
 * Nothing runs at or after a job's notAfter (a reminder is never sent after the meeting started).
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private current?: Promise<unknown>;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  async tick(): Promise<TickResult> {
    const result: TickResult = { ran: 0, expired: 0, skipped: 0 };
    const nowIso = this.deps.clock.now().toISOString();
    for (const stored of await this.deps.jobs.due(nowIso)) {
      if (this.stopped) break;
      const outcome = await this.runOne(stored);
      result[outcome]++;
    }
    return result;
  }

  private async runOne(stored: Stored<ScheduledJob>): Promise<keyof TickResult> {
    const { clock, owner, leaseMs, logger } = this.deps;
    const job = stored.doc;
    const now = clock.now();
    if (now.toISOString() >= job.notAfter) {
      const ok = await this.transition(stored, {
        status: "expired",
        finishedAt: now.toISOString(),
        owner: undefined,
        leaseUntil: undefined,
      });
      if (ok) {
        countJobRun(job.kind, "expired");
        logger.warn({ jobId: job.jobId, kind: job.kind }, "job expired: its meeting started before it could run");
      }
      return ok ? "expired" : "skipped";
    }
    const handler = this.deps.handlers[job.kind];
    if (!handler) return "skipped";
    let current = await this.transition(stored, {
      status: "running",
      owner,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
      runs: job.runs + 1,
    });
    if (!current) return "skipped";
    let renewedAt = now.getTime();
    const heartbeat = async () => {
      const t = clock.now().getTime();
      if (!current || t - renewedAt < leaseMs / 3) return;
      renewedAt = t;
      current = await this.transition(current, { leaseUntil: new Date(t + leaseMs).toISOString() });
    };
    try {
      const run = await handler.run(current.doc, heartbeat);
      const finishedAt = clock.now().toISOString();
      // Lost the lease to another instance meanwhile: the job is theirs now.
      const latest = current;
      if (!latest) return "ran";
      if (run.complete)
        await this.transition(latest, {
          status: run.obsolete ? "cancelled" : "done",
          counts: run.counts,
          ...(run.problem ? { problem: run.problem } : {}),
          finishedAt,
          owner: undefined,
          leaseUntil: undefined,
        });
      else await this.transition(latest, { status: "pending", owner: undefined, leaseUntil: undefined });
      countJobRun(job.kind, "ran");
      logger.info({ jobId: job.jobId, kind: job.kind, complete: run.complete, counts: run.counts }, "job ran");
    } catch (err) {
      countJobRun(job.kind, "failed");
      logger.error({ err, jobId: job.jobId, kind: job.kind }, "job failed; it will be retried");
      const latest = current;
      if (latest) await this.transition(latest, { status: "pending", owner: undefined, leaseUntil: undefined });
    }
    return "ran";
  }

  /** Etag-guarded state change; undefined when another instance changed the job first. */
  private async transition(
    stored: Stored<ScheduledJob>,
    change: Partial<ScheduledJob>,
  ): Promise<Stored<ScheduledJob> | undefined> {
    const next = { ...stored.doc, ...change } as ScheduledJob;
    for (const k of Object.keys(next) as (keyof ScheduledJob)[]) if (next[k] === undefined) delete next[k];
    try {
      return await this.deps.jobs.replaceJob(next, stored.etag);
    } catch (err) {
      if (err instanceof ConflictError) return undefined;
      throw err;
    }
  }

  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs: number): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.current = this.tick()
        .catch((err) => this.deps.logger.error({ err }, "scheduler tick failed"))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }
}
