import { randomInt } from "node:crypto";
import type { Logger } from "../logger";
import type { JobStore } from "../../data/meetings/job-store";
import type { DeliveryCounts, Member, ScheduledJob } from "../../data/meetings/schema";
import type { Reply } from "../types";
import type { Clock } from "../clock";
import type { Messenger, SendTarget } from "./messenger";
import type { RateLimiter } from "./rate-limiter";
import { sendWithRetry, type RetrySettings } from "./retry";
import { countDelivery } from "../telemetry";

/** One addressee of a job; `key` is stable (it makes the delivery record id). */
export interface Recipient {
  key: string;
  target: SendTarget;
}

/** A VuS member, reached in their personal chat. */
export function memberRecipient(m: Member): Recipient {
  return {
    key: `member:${m.aadObjectId}`,
    target: {
      kind: "member",
      tenantId: m.tenantId,
      aadObjectId: m.aadObjectId,
      userId: m.userId,
      serviceUrl: m.serviceUrl,
    },
  };
}

export interface FanoutDeps {
  jobs: JobStore;
  messenger: Messenger;
  limiter: RateLimiter;
  clock: Clock;
  retry: RetrySettings;
  concurrency: number;
  /** This process, as recorded on claims. */
  owner: string;
  /** A claim older than this is presumed dead and may be taken over. */
  leaseMs: number;
  markInactive: (tenantId: string, conversationId: string) => Promise<void>;
  logger: Logger;
}

export interface FanoutResult {
  counts: DeliveryCounts;
  /** Recipients another instance is still working on; the job is not finished while > 0. */
  busy: number;
}

/**
 * Sends a job's message to every recipient exactly once across instances and restarts: each recipient
 * is claimed with a create-if-absent delivery record before the send and finished with an etag replace
 * after it. The only window for a duplicate is a crash after Teams accepted a message and before its
 * record was finished (then the stale claim is taken over and the message sent again) — we prefer that
 * to losing a reminder.
 */
export async function fanOut(
  job: ScheduledJob,
  recipients: Recipient[],
  render: (r: Recipient) => Reply | Promise<Reply>,
  deps: FanoutDeps,
  heartbeat: () => Promise<void> = async () => {},
): Promise<FanoutResult> {
  let busy = 0;
  let next = 0;
  // Random order: the store records when each record was written (_ts, _rid), and the member list's
  // order must not be readable from it.
  recipients = shuffled(recipients);
  const worker = async () => {
    while (next < recipients.length) {
      const r = recipients[next++];
      const now = deps.clock.now();
      if (now.toISOString() >= job.notAfter) return;
      const claim = await deps.jobs.claimDelivery(
        job.jobId,
        r.key,
        deps.owner,
        now.toISOString(),
        new Date(now.getTime() - deps.leaseMs).toISOString(),
      );
      if (claim.kind === "busy") busy++;
      if (claim.kind !== "mine") continue;
      const reply = await render(r);
      const rateKey = r.target.kind === "member" ? `member:${r.target.aadObjectId}` : r.target.conversationId;
      const outcome = await sendWithRetry(() => deps.messenger.send(r.target, reply), deps.retry, deps.clock, {
        beforeAttempt: () => deps.limiter.acquire(r.target.tenantId, rateKey),
        onThrottled: (ms) => deps.limiter.pauseTenant(r.target.tenantId, ms),
      });
      if (outcome.status === "inactive") {
        const conversationId =
          outcome.conversationId ?? (r.target.kind === "conversation" ? r.target.conversationId : undefined);
        if (conversationId) await deps.markInactive(r.target.tenantId, conversationId);
      }
      const finished = await deps.jobs.finishDelivery(
        claim.stored,
        {
          status: outcome.status,
          attempts: outcome.attempts,
          lastStatusCode: outcome.status === "sent" ? undefined : outcome.statusCode,
        },
        job.dueAt,
      );
      countDelivery(job.kind, outcome.status);
      if (!finished) deps.logger.warn({ jobId: job.jobId }, "delivery claim was taken over before it finished");
      if (outcome.status !== "sent")
        deps.logger.info(
          {
            jobId: job.jobId,
            status: outcome.status,
            code: outcome.status === "failed" ? outcome.statusCode : undefined,
            attempts: outcome.attempts,
          },
          "delivery not sent",
        );
      await heartbeat();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, recipients.length)) }, worker));
  return { counts: await countDeliveries(deps.jobs, job.jobId, recipients.length), busy };
}

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The delivery report of one job, from its records (so it is right whichever instance sent what). */
async function countDeliveries(jobs: JobStore, jobId: string, recipientCount: number): Promise<DeliveryCounts> {
  const records = await jobs.deliveriesOf(jobId);
  const counts: DeliveryCounts = { sent: 0, failed: 0, inactive: 0, expired: 0 };
  for (const d of records) if (d.status !== "sending") counts[d.status]++;
  counts.expired = Math.max(0, recipientCount - records.length);
  return counts;
}
