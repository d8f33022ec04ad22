import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { Clock } from "../clock";
import type { JobStore } from "../../data/meetings/job-store";
import type { JobKind } from "../../data/meetings/schema";
import type { FanoutDeps } from "./fanout";
import type { Messenger } from "./messenger";
import { RateLimiter } from "./rate-limiter";
import { defaultRetrySettings } from "./retry";
import { Scheduler, type JobHandler } from "./scheduler";

export type DeliveryConfig = Pick<
  Config,
  | "MEETINGS_LEASE_SECONDS"
  | "MEETINGS_TENANT_SENDS_PER_SECOND"
  | "MEETINGS_CONVERSATION_SENDS_PER_SECOND"
  | "MEETINGS_SEND_CONCURRENCY"
  | "MEETINGS_SEND_MAX_ATTEMPTS"
  | "MEETINGS_MAX_RETRY_AFTER_SECONDS"
>;

export interface DeliveryDeps {
  config: DeliveryConfig;
  jobs: JobStore;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  /** Names this process on claims (default: host and a random suffix). */
  instanceId?: string;
  /** A conversation Teams says the bot is gone from (403/404). */
  markInactive: (tenantId: string, conversationId: string) => Promise<void>;
}

/**
 * The shared sending machinery every feature's jobs use: one rate limiter per process, the retry
 * policy and the exactly-once fan-out settings, and the scheduler built from the features' job handlers.
 */
export class Delivery {
  readonly fanout: FanoutDeps;
  readonly limiter: RateLimiter;

  constructor(private readonly deps: DeliveryDeps) {
    const { config, clock } = deps;
    this.limiter = new RateLimiter(
      {
        perTenantPerSecond: config.MEETINGS_TENANT_SENDS_PER_SECOND,
        perConversationPerSecond: config.MEETINGS_CONVERSATION_SENDS_PER_SECOND,
      },
      clock,
    );
    this.fanout = {
      jobs: deps.jobs,
      messenger: deps.messenger,
      limiter: this.limiter,
      clock,
      retry: {
        ...defaultRetrySettings,
        maxAttempts: config.MEETINGS_SEND_MAX_ATTEMPTS,
        maxRetryAfterMs: config.MEETINGS_MAX_RETRY_AFTER_SECONDS * 1000,
      },
      concurrency: config.MEETINGS_SEND_CONCURRENCY,
      owner: deps.instanceId ?? `${hostname()}-${randomUUID().slice(0, 8)}`,
      leaseMs: config.MEETINGS_LEASE_SECONDS * 1000,
      markInactive: deps.markInactive,
      logger: deps.logger,
    };
  }

  /** The scheduler running every registered job kind; a kind registered twice is a wiring mistake. */
  scheduler(registrations: readonly (Partial<Record<JobKind, JobHandler>> | undefined)[]): Scheduler {
    const handlers: Partial<Record<JobKind, JobHandler>> = {};
    for (const r of registrations)
      for (const [kind, handler] of Object.entries(r ?? {}) as [JobKind, JobHandler][]) {
        if (handlers[kind]) throw new Error(`job kind ${kind} registered twice`);
        handlers[kind] = handler;
      }
    const { jobs, clock, logger } = this.deps;
    return new Scheduler({ jobs, handlers, clock, owner: this.fanout.owner, leaseMs: this.fanout.leaseMs, logger });
  }
}
