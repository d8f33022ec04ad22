import { hostname } from "node:os";
import { randomBytes, randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import type { Config } from "../../core/config";
import type { Logger } from "../../core/logger";
import type { ConversationStore } from "../../data/conversations";
import { JobStore } from "../../data/meetings/job-store";
import { VusStore } from "../../data/meetings/vus-store";
import { systemClock, type Clock } from "./clock";
import { MeetingsFeature } from "./feature";
import { MeetingJobHandlers, type AgendaSource } from "./job-handlers";
import type { Messenger } from "./messenger";
import { configuredAdmins, MeetingPlanner, Permissions, type AdminCheck } from "./planner";
import { RateLimiter } from "./rate-limiter";
import { defaultRetrySettings } from "./retry";
import { Scheduler, type JobHandler } from "./scheduler";
import type { JobKind } from "../../data/meetings/schema";
import type { FanoutDeps } from "./fanout";
import type { ScheduleSettings } from "./schedule";

export type MeetingsConfig = Pick<
  Config,
  | "ADMIN_AAD_OBJECT_IDS"
  | "MEETINGS_REMINDER_OFFSETS"
  | "MEETINGS_REPRESENTATION_CHECK_TIME"
  | "MEETINGS_LEASE_SECONDS"
  | "MEETINGS_TENANT_SENDS_PER_SECOND"
  | "MEETINGS_CONVERSATION_SENDS_PER_SECOND"
  | "MEETINGS_SEND_CONCURRENCY"
  | "MEETINGS_SEND_MAX_ATTEMPTS"
  | "MEETINGS_MAX_RETRY_AFTER_SECONDS"
>;

export interface MeetingsDeps {
  config: MeetingsConfig;
  containers: { vus: Container; jobs: Container };
  conversations: ConversationStore;
  messenger: Messenger;
  logger: Logger;
  clock?: Clock;
  /** Keys delivery record ids (JobStore); a tool that never sends may leave it out. */
  deliveryKey?: Buffer;
  /** Names this process on claims (default: host and a random suffix). */
  instanceId?: string;
  /** The shared admin check (the admin directory); defaults to ADMIN_AAD_OBJECT_IDS only. */
  isAdmin?: AdminCheck;
  /** The admins' object ids (configured and added in Teams): the representation check's fallback recipients. */
  adminIds?: () => Promise<string[]>;
  /** More job kinds (issue 5: "evaluation"). */
  extraHandlers?: Partial<Record<JobKind, JobHandler>>;
  /** More jobs per planned meeting (issue 5: evaluation jobs). */
  extraJobs?: ScheduleSettings["extraJobs"];
  /** Extra agenda lines on reminders (open samverkansärenden). */
  agenda?: AgendaSource;
}

export interface Meetings {
  vus: VusStore;
  jobs: JobStore;
  planner: MeetingPlanner;
  permissions: Permissions;
  feature: MeetingsFeature;
  scheduler: Scheduler;
  limiter: RateLimiter;
  /** The shared exactly-once fan-out, for other features' job handlers. */
  fanout: FanoutDeps;
}

/** Assembles the meetings feature: stores, planner, fan-out, scheduler. Framework-free. */
export function createMeetings(deps: MeetingsDeps): Meetings {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const owner = deps.instanceId ?? `${hostname()}-${randomUUID().slice(0, 8)}`;
  const vus = new VusStore(deps.containers.vus, () => clock.now());
  const jobs = new JobStore(deps.containers.jobs, deps.deliveryKey ?? randomBytes(32));
  const settings = {
    reminderOffsets: config.MEETINGS_REMINDER_OFFSETS,
    representationCheckTime: config.MEETINGS_REPRESENTATION_CHECK_TIME,
    extraJobs: deps.extraJobs,
  };
  const planner = new MeetingPlanner(vus, jobs, settings, clock);
  const permissions = new Permissions(vus, deps.isAdmin ?? configuredAdmins(config.ADMIN_AAD_OBJECT_IDS));
  const limiter = new RateLimiter(
    {
      perTenantPerSecond: config.MEETINGS_TENANT_SENDS_PER_SECOND,
      perConversationPerSecond: config.MEETINGS_CONVERSATION_SENDS_PER_SECOND,
    },
    clock,
  );
  const leaseMs = config.MEETINGS_LEASE_SECONDS * 1000;
  const fanout: FanoutDeps = {
    jobs,
    messenger: deps.messenger,
    limiter,
    clock,
    retry: {
      ...defaultRetrySettings,
      maxAttempts: config.MEETINGS_SEND_MAX_ATTEMPTS,
      maxRetryAfterMs: config.MEETINGS_MAX_RETRY_AFTER_SECONDS * 1000,
    },
    concurrency: config.MEETINGS_SEND_CONCURRENCY,
    owner,
    leaseMs,
    markInactive: async (tenantId, conversationId) => {
      await deps.conversations.markInactive(tenantId, conversationId);
    },
    logger,
  };
  const handlers = new MeetingJobHandlers(vus, fanout, deps.agenda, async () => {
    const ids = [...new Set((await deps.adminIds?.()) ?? config.ADMIN_AAD_OBJECT_IDS)];
    const chats = (await Promise.all(ids.map((id) => deps.conversations.personalChatsOf(id)))).flat();
    return chats.map((c) => ({
      key: `admin:${c.aadObjectId ?? c.conversationId}:${c.tenantId}`,
      target: { kind: "conversation" as const, tenantId: c.tenantId, conversationId: c.conversationId },
    }));
  });
  const scheduler = new Scheduler({
    jobs,
    handlers: {
      reminder: handlers.reminder,
      meetingUpdate: handlers.meetingUpdate,
      representationCheck: handlers.representationCheck,
      ...deps.extraHandlers,
    },
    clock,
    owner,
    leaseMs,
    logger,
  });
  const feature = new MeetingsFeature({ vus, jobs, planner, permissions, clock, logger, agenda: deps.agenda });
  return { vus, jobs, planner, permissions, feature, scheduler, limiter, fanout };
}
