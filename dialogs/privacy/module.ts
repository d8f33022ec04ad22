import type { Container } from "@azure/cosmos";
import type { Config, RetentionSetting } from "../../core/config";
import type { Clock } from "../../core/clock";
import type { Logger } from "../../core/logger";
import { RetentionJobs, type RetentionRule } from "../../core/jobs/retention";
import type { AdminDirectory } from "../../data/admins";
import { purgeBotState } from "../../data/bot-state";
import type { ConversationStore } from "../../data/conversations";
import type { FeedbackStore } from "../../data/feedback";
import type { PendingImports } from "../../data/kb/pending-imports";
import type { JobStore } from "../../data/meetings/job-store";
import type { Feature } from "../feature";
import type { Permissions } from "../../core/permissions";
import type { VusStore } from "../../data/meetings/vus-store";
import { Erasure, type AskedCases } from "./erasure";
import { erasureRegistration } from "./feature";

export interface PrivacyDeps {
  config: Pick<Config, RetentionSetting | "ALLOWED_TENANT_IDS">;
  vus: VusStore;
  permissions: Permissions;
  /** The pseudonym the Q&A feature stores for a person in a tenant. */
  pseudonym: (tenantId: string, aadObjectId: string) => string;
  jobs: JobStore;
  conversations: ConversationStore;
  feedback: FeedbackStore;
  imports: PendingImports;
  admins: AdminDirectory;
  botState: Container;
  /** The questions people sent to Välfärd (dialogs/escalation). */
  escalations: AskedCases;
  /** Every feature's retention rules, read at each run (the feature list is assembled after this feature). */
  rules: () => readonly RetentionRule[];
  clock: Clock;
  logger: Logger;
}

export interface Privacy {
  feature: Feature;
  /** The daily gallring job: `plan()` at start, then each run plans the next. */
  retention: RetentionJobs;
  erasure: Erasure;
}

/** Gallring of every stored kind (and the containers no single feature owns), and erasure of a person. Framework-free. */
export function createPrivacy(deps: PrivacyDeps): Privacy {
  const { config, jobs, clock, logger } = deps;
  const retention = new RetentionJobs({ rules: deps.rules, periods: config, jobs, clock, logger });
  const rules: RetentionRule[] = [
    {
      kind: "conversations",
      setting: "CONVERSATIONS_RETENTION_DAYS",
      purge: (b) => deps.conversations.purgeInactiveBefore(b),
    },
    { kind: "botState", setting: "BOT_STATE_RETENTION_DAYS", purge: (b) => purgeBotState(deps.botState, b) },
    { kind: "feedback", setting: "FEEDBACK_RETENTION_DAYS", purge: (b) => deps.feedback.purgeBefore(b) },
    { kind: "jobs", setting: "JOBS_RETENTION_DAYS", purge: (b) => jobs.purgeBefore(b) },
    { kind: "admin.import", setting: "IMPORTS_RETENTION_DAYS", purge: (b) => deps.imports.purgeBefore(b) },
    { kind: "admin.audit", setting: "ADMIN_AUDIT_RETENTION_DAYS", purge: (b) => deps.admins.purgeAuditBefore(b) },
  ];
  const erasure = new Erasure({
    vus: deps.vus,
    conversations: deps.conversations,
    feedback: deps.feedback,
    botState: deps.botState,
    escalations: deps.escalations,
    pseudonym: deps.pseudonym,
    tenants: config.ALLOWED_TENANT_IDS,
  });
  return {
    retention,
    erasure,
    feature: {
      name: "privacy",
      ...erasureRegistration({ erasure, permissions: deps.permissions, vus: deps.vus, logger }),
      jobs: { retention },
      retention: rules,
    },
  };
}
