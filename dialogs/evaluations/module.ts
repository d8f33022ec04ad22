import type { Container } from "@azure/cosmos";
import type { Config } from "../../core/config";
import type { Logger } from "../../core/logger";
import { EvaluationStore } from "../../data/evaluations/evaluation-store";
import { EvaluationKeys } from "../../data/evaluations/keyed-ids";
import type { Meeting, ScheduledJob } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Permissions } from "../../core/permissions";
import type { FanoutDeps } from "../../core/jobs/fanout";
import type { Feature } from "../feature";
import { inZone } from "../../core/time";
import { EvaluationService } from "./evaluation-service";
import { EvaluationJobHandler, evaluationJobs } from "./evaluation-jobs";
import { evaluationsFeature } from "./feature";
import { ReportLinks } from "./report-link";
import { ReportService } from "./report-service";
import type { SurveySettings } from "./survey-window";

export type EvaluationsConfig = Pick<
  Config,
  "EVALUATION_DELAY_MINUTES" | "EVALUATION_OPEN_DAYS" | "EVALUATION_SECRET" | "REPORT_LINK_MINUTES"
>;

function surveySettings(config: EvaluationsConfig): SurveySettings {
  return { delayMinutes: config.EVALUATION_DELAY_MINUTES, openDays: config.EVALUATION_OPEN_DAYS };
}

/** The keys behind answer ids, invitation ids, report links and delivery records, from EVALUATION_SECRET. */
export function evaluationKeysFor(
  config: Pick<EvaluationsConfig, "EVALUATION_SECRET">,
  logger: Logger,
): EvaluationKeys {
  if (config.EVALUATION_SECRET) return new EvaluationKeys(config.EVALUATION_SECRET);
  // Embedded store only: config requires the secret whenever COSMOS_ENDPOINT is set.
  logger.warn(
    "EVALUATION_SECRET is not set: using a per-process key, so answers given before a restart are not recognised after it (development only)",
  );
  return EvaluationKeys.ephemeral();
}

/** The jobs the meetings planner adds for every planned meeting (pass as createMeetings' extraJobs). */
export const evaluationJobsFor =
  (config: EvaluationsConfig) =>
  (meeting: Meeting, now: Date): ScheduledJob[] =>
    evaluationJobs(meeting, surveySettings(config), now);

export interface EvaluationsDeps {
  config: EvaluationsConfig;
  container: Container;
  vus: VusStore;
  fanout: FanoutDeps;
  now: () => Date;
  logger: Logger;
  publicBaseUrl: () => string | undefined;
  permissions: Permissions;
  /** Keys made once for the app (delivery records are keyed with them too). */
  keys?: EvaluationKeys;
}

export interface Evaluations {
  store: EvaluationStore;
  keys: EvaluationKeys;
  service: EvaluationService;
  reports: ReportService;
  feature: Feature;
}

/** Assembles the evaluation feature on the shared VuS store and fan-out. Framework-free. */
export function createEvaluations(deps: EvaluationsDeps): Evaluations {
  const { config, logger, now, vus } = deps;
  const keys = deps.keys ?? evaluationKeysFor(config, logger);
  const settings = surveySettings(config);
  const store = new EvaluationStore(deps.container);
  const service = new EvaluationService({ vus, store, keys, settings, now, logger });
  const reports = new ReportService({
    vus,
    store,
    links: new ReportLinks(keys.linkKey, config.REPORT_LINK_MINUTES * 60_000, now),
    permissions: deps.permissions,
    publicBaseUrl: deps.publicBaseUrl,
    linkMinutes: config.REPORT_LINK_MINUTES,
    now,
    logger,
  });
  const jobHandler = new EvaluationJobHandler({ vus, store, keys, settings, fanout: deps.fanout });
  const feature: Feature = {
    ...evaluationsFeature(service, reports, jobHandler),
    retention: [
      // Kept through the yearly report of the following year; the period counts from the end of the meeting's year.
      {
        kind: "evaluations",
        setting: "EVALUATIONS_RETENTION_DAYS",
        purge: (before) => store.purgeYearsBefore(String(inZone(before.toISOString()).year)),
      },
    ],
  };
  return { store, keys, service, reports, feature };
}
