import { createHmac } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { Repository, type Stored } from "../repository";
import { ConflictError, DuplicateError } from "../errors";
import { Delivery, ScheduledJob, type DeliveryStatus, type Meeting } from "./schema";

/** A meeting job's id: one per meeting revision, kind and key, so planning the same job twice creates it once. */
export function jobId(meeting: Pick<Meeting, "id" | "revision">, kind: ScheduledJob["kind"], key: string): string {
  return `${meeting.id}.r${meeting.revision}.${kind}.${key}`;
}

/** Outcome of trying to claim one recipient of a job. */
export type DeliveryClaim =
  | { kind: "mine"; stored: Stored<Delivery> }
  /** Already sent, failed or inactive: nothing to do. */
  | { kind: "finished"; delivery: Delivery }
  /** Another instance holds a live claim. */
  | { kind: "busy" };

/** Scheduled jobs and delivery records in the "jobs" container (partition /jobId). */
export class JobStore {
  private readonly jobs: Repository<typeof ScheduledJob>;
  private readonly deliveries: Repository<typeof Delivery>;

  /**
   * `deliveryKey` keys the delivery record ids: without it (it is derived from EVALUATION_SECRET) nobody
   * reading the store can tell whose record is whose, nor match a person's invitation to their reminder.
   */
  constructor(
    container: Container,
    private readonly deliveryKey: Buffer,
  ) {
    this.jobs = new Repository(container, ScheduledJob, (d) => d.jobId, "job");
    this.deliveries = new Repository(container, Delivery, (d) => d.jobId, "delivery");
  }

  /** The id of one recipient's delivery record of a job: a keyed hash, the only trace of who it was for. */
  deliveryIdOf(jobId: string, recipient: string): string {
    return createHmac("sha256", this.deliveryKey).update(`${jobId}\n${recipient}`).digest("hex").slice(0, 40);
  }

  /** Creates the job unless a job with the same deterministic id exists; returns whether it was new. */
  async createIfAbsent(job: ScheduledJob): Promise<boolean> {
    try {
      await this.jobs.create(job);
      return true;
    } catch (err) {
      if (err instanceof DuplicateError) return false;
      throw err;
    }
  }

  /** Etag replace of a job's state (claim, lease renewal, finish); ConflictError when another instance moved first. */
  async replaceJob(job: ScheduledJob, etag: string): Promise<Stored<ScheduledJob>> {
    return this.jobs.replace(job, etag);
  }

  /** Jobs that should run now: pending and due, or running with an expired lease (its owner died). */
  async due(nowIso: string): Promise<Stored<ScheduledJob>[]> {
    const found = await this.jobs.query(
      "SELECT * FROM c WHERE c.type = 'job' AND c.dueAt <= @now AND (c.status = 'pending' OR (c.status = 'running' AND c.leaseUntil < @now))",
      [{ name: "@now", value: nowIso }],
    );
    return found.sort((a, b) => a.doc.dueAt.localeCompare(b.doc.dueAt));
  }

  /** Cancels the pending jobs of a meeting (after a move or cancellation); a running one notices by itself. */
  async cancelPending(meetingId: string, keep: (job: ScheduledJob) => boolean = () => false): Promise<number> {
    const found = await this.jobs.query(
      "SELECT * FROM c WHERE c.type = 'job' AND c.meetingId = @m AND c.status = 'pending'",
      [{ name: "@m", value: meetingId }],
    );
    let cancelled = 0;
    for (const s of found) {
      if (keep(s.doc)) continue;
      try {
        await this.jobs.replace({ ...s.doc, status: "cancelled" }, s.etag);
        cancelled++;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    return cancelled;
  }

  /**
   * Retention: deletes jobs that could no longer run before `before` (past their notAfter) and delivery
   * records settled (or claimed) before it. Crosses the job partitions: it runs once a day.
   */
  async purgeBefore(before: Date): Promise<number> {
    const at = [{ name: "@before", value: before.toISOString() }];
    return (
      (await this.deliveries.deleteWhere("SELECT * FROM c WHERE c.type = 'delivery' AND c.claimedAt < @before", at)) +
      (await this.jobs.deleteWhere(
        "SELECT * FROM c WHERE c.type = 'job' AND c.notAfter < @before AND c.status <> 'running'",
        at,
      ))
    );
  }

  async jobsOfMeeting(meetingId: string): Promise<ScheduledJob[]> {
    const found = await this.jobs.query("SELECT * FROM c WHERE c.type = 'job' AND c.meetingId = @m", [
      { name: "@m", value: meetingId },
    ]);
    return found.map((s) => s.doc).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async deliveriesOf(jobId: string): Promise<Delivery[]> {
    const found = await this.deliveries.query(
      "SELECT * FROM c WHERE c.jobId = @j AND c.type = 'delivery'",
      [{ name: "@j", value: jobId }],
      jobId,
    );
    return found.map((s) => s.doc);
  }

  /**
   * Claims one recipient of a job: create-if-absent decides between instances; a claim older than
   * `staleBefore` (its owner died between claim and send) is taken over with an etag replace.
   */
  async claimDelivery(
    jobId: string,
    recipient: string,
    owner: string,
    nowIso: string,
    staleBefore: string,
  ): Promise<DeliveryClaim> {
    const id = this.deliveryIdOf(jobId, recipient);
    const fresh: Delivery = {
      id,
      jobId,
      type: "delivery",
      status: "sending",
      owner,
      claimedAt: nowIso,
      attempts: 0,
    };
    try {
      return { kind: "mine", stored: await this.deliveries.create(fresh) };
    } catch (err) {
      if (!(err instanceof DuplicateError)) throw err;
    }
    const existing = await this.deliveries.read(id, jobId);
    if (!existing) return { kind: "busy" };
    if (existing.doc.status !== "sending") return { kind: "finished", delivery: existing.doc };
    if (existing.doc.claimedAt >= staleBefore) return { kind: "busy" };
    try {
      return {
        kind: "mine",
        stored: await this.deliveries.replace({ ...existing.doc, owner, claimedAt: nowIso }, existing.etag),
      };
    } catch (err) {
      if (err instanceof ConflictError) return { kind: "busy" };
      throw err;
    }
  }

  /**
   * Records the final status; false when another instance took the claim over meanwhile. The claim time
   * is replaced by `settledAt`, the same for every record of the job (its due time): per-person send
   * times would order the records like the member list and so undo the keyed ids.
   */
  async finishDelivery(
    claim: Stored<Delivery>,
    result: {
      status: Exclude<DeliveryStatus, "sending">;
      attempts: number;
      lastStatusCode?: number;
    },
    settledAt: string,
  ): Promise<boolean> {
    try {
      await this.deliveries.replace(
        {
          ...claim.doc,
          ...result,
          attempts: claim.doc.attempts + result.attempts,
          claimedAt: settledAt,
          finishedAt: settledAt,
        },
        claim.etag,
      );
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }
}
