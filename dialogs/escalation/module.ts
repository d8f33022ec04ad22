import type { Container } from "@azure/cosmos";
import type { Logger } from "../../core/logger";
import type { FanoutDeps } from "../../core/jobs/fanout";
import { EscalationStore } from "../../data/escalation/escalation-store";
import type { Feature } from "../feature";
import type { QaEngine } from "../qa/qa-engine";
import { EscalationService, type CasePoster } from "./escalation-service";
import { escalationFeature } from "./feature";
import { EscalationReminders } from "./reminders";

export interface EscalationDeps {
  container: Container;
  knowledge: { readonly engine: QaEngine };
  /** Välfärd's experts are the bot's admins. */
  isExpert: (aadObjectId: string | undefined) => Promise<boolean>;
  poster: CasePoster;
  /** The shared exactly-once fan-out and job store, with their clock. */
  fanout: FanoutDeps;
  reminderWorkingDays: number;
  logger: Logger;
}

export interface Escalation {
  store: EscalationStore;
  service: EscalationService;
  feature: Feature;
  reminders: EscalationReminders;
}

/** Assembles "Fråga Välfärd": the case store, the service, its commands and buttons, and the reminder job. Framework-free. */
export function createEscalation(deps: EscalationDeps): Escalation {
  const now = () => deps.fanout.clock.now();
  const store = new EscalationStore(deps.container, now);
  let service: EscalationService | undefined = undefined;
  const reminders = new EscalationReminders({
    jobs: deps.fanout.jobs,
    store,
    service: () => service!,
    fanout: deps.fanout,
    workingDays: deps.reminderWorkingDays,
  });
  service = new EscalationService({
    store,
    knowledge: deps.knowledge,
    isExpert: deps.isExpert,
    poster: deps.poster,
    now,
    scheduleReminder: (c) => reminders.schedule(c),
    logger: deps.logger,
  });
  return { store, service, feature: escalationFeature(service, reminders, store), reminders };
}
