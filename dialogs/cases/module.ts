import type { Permissions } from "../../core/permissions";
import type { Container } from "@azure/cosmos";
import type { Config } from "../../core/config";
import type { Logger } from "../../core/logger";
import { ChartRenderer } from "../../core/charts/chart-renderer";
import { CaseStore } from "../../data/cases/case-store";
import type { Group } from "../../data/meetings/schema";
import type { JobStore } from "../../data/meetings/job-store";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Report2b } from "../../data/evaluations/report-shape";
import type { FanoutDeps } from "../../core/jobs/fanout";
import type { Feature } from "../feature";
import { CaseNoticeHandler } from "./case-notices";
import { CaseService } from "./case-service";
import { casesFeature } from "./feature";
import { FollowupLinks } from "./followup-links";
import { FollowupService } from "./followup-service";

export type CasesConfig = Pick<Config, "REPORT_LINK_MINUTES" | "CHART_LINK_DAYS">;

export interface CasesDeps {
  config: CasesConfig;
  container: Container;
  vus: VusStore;
  jobs: JobStore;
  fanout: FanoutDeps;
  isAdmin: (aadObjectId: string | undefined) => boolean | Promise<boolean>;
  permissions: Permissions;
  adminIds: () => Promise<string[]>;
  personalConversation: (tenantId: string, aadObjectId: string) => Promise<string | undefined>;
  report2b: (year: number, groups: Group[]) => Promise<Report2b>;
  /** The 2b report links' key; follow-up links derive their own from it. */
  reportLinkKey: Buffer;
  publicBaseUrl: () => string | undefined;
  now: () => Date;
  logger: Logger;
}

export interface Cases {
  store: CaseStore;
  service: CaseService;
  followup: FollowupService;
  feature: Feature;
  notices: CaseNoticeHandler;
  renderer: ChartRenderer;
  stop(): Promise<void>;
}

/** Assembles samverkansärenden and the yearly follow-up on the meetings feature's stores and fan-out. Framework-free. */
export function createCases(deps: CasesDeps): Cases {
  const { config, logger, now, vus } = deps;
  const store = new CaseStore(deps.container);
  const service = new CaseService({ store, vus, jobs: deps.jobs, isAdmin: deps.isAdmin, now, logger });
  const renderer = new ChartRenderer();
  const followup = new FollowupService({
    vus,
    cases: store,
    report2b: deps.report2b,
    links: new FollowupLinks(
      deps.reportLinkKey,
      { png: config.CHART_LINK_DAYS * 86_400_000, csv: config.REPORT_LINK_MINUTES * 60_000 },
      now,
    ),
    renderer,
    permissions: deps.permissions,
    publicBaseUrl: deps.publicBaseUrl,
    linkMinutes: config.REPORT_LINK_MINUTES,
    now,
    logger,
  });
  const notices = new CaseNoticeHandler({
    store,
    vus,
    fanout: deps.fanout,
    adminIds: deps.adminIds,
    personalConversation: deps.personalConversation,
    logger,
  });
  return {
    store,
    service,
    followup,
    feature: {
      ...casesFeature(service, followup, notices),
      // Open cases are kept whatever their age; the period counts from when a case finished.
      retention: [
        {
          kind: "cases",
          setting: "CASES_RETENTION_DAYS",
          purge: (before) => store.purgeFinishedBefore(before.toISOString()),
        },
      ],
    },
    notices,
    renderer,
    stop: () => renderer.close(),
  };
}
