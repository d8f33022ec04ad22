import type { Config } from "../../core/config";
import type { Logger } from "../../core/logger";
import type { Clock } from "../../core/clock";
import type { Permissions } from "../../core/permissions";
import type { FanoutDeps } from "../../core/jobs/fanout";
import type { JobStore } from "../../data/meetings/job-store";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Feature } from "../feature";
import { MeetingsFeature } from "./feature";
import { MeetingJobHandlers, type AdminRecipients, type AgendaSource } from "./job-handlers";
import { MeetingPlanner } from "./planner";
import type { ScheduleSettings } from "./schedule";

export type MeetingsConfig = Pick<Config, "MEETINGS_REMINDER_OFFSETS" | "MEETINGS_REPRESENTATION_CHECK_TIME">;

export interface MeetingsDeps {
  config: MeetingsConfig;
  vus: VusStore;
  jobs: JobStore;
  permissions: Permissions;
  /** The shared exactly-once fan-out (core/jobs). */
  fanout: FanoutDeps;
  clock: Clock;
  logger: Logger;
  /** More jobs per planned meeting (the evaluation feature's survey invitations). */
  extraJobs?: ScheduleSettings["extraJobs"];
  /** Extra agenda lines on reminders (open samverkansärenden). */
  agenda?: AgendaSource;
  /** The admins' personal chats: where the day-before check goes when a group has no coordinator. */
  adminRecipients?: AdminRecipients;
}

export interface Meetings {
  planner: MeetingPlanner;
  /** Commands, buttons, imports; also `importText` for `npm run meetings:import`. */
  dialog: MeetingsFeature;
  feature: Feature;
}

/** Assembles the meetings feature: planner, commands and buttons, reminder jobs. Framework-free. */
export function createMeetings(deps: MeetingsDeps): Meetings {
  const { config, vus, jobs, clock, logger, permissions } = deps;
  const settings = {
    reminderOffsets: config.MEETINGS_REMINDER_OFFSETS,
    representationCheckTime: config.MEETINGS_REPRESENTATION_CHECK_TIME,
    extraJobs: deps.extraJobs,
  };
  const planner = new MeetingPlanner(vus, jobs, settings, clock);
  const handlers = new MeetingJobHandlers(vus, deps.fanout, deps.agenda, deps.adminRecipients);
  const dialog = new MeetingsFeature({
    vus,
    jobs,
    planner,
    permissions,
    clock,
    logger,
    agenda: deps.agenda,
    messenger: deps.fanout.messenger,
    adminRecipients: deps.adminRecipients,
  });
  const feature: Feature = {
    ...dialog.registration({
      reminder: handlers.reminder,
      meetingUpdate: handlers.meetingUpdate,
      representationCheck: handlers.representationCheck,
    }),
    // Groups are not personal and stay; members stay while they are members (`lämna`, erasure).
    retention: [
      { kind: "vus.joinRequest", setting: "JOIN_REQUESTS_RETENTION_DAYS", purge: (b) => vus.purgeRequestsBefore(b) },
      { kind: "vus.rsvp", setting: "RSVPS_RETENTION_DAYS", purge: (b) => vus.purgeRsvpsBefore(b) },
      { kind: "vus.meeting", setting: "MEETINGS_RETENTION_DAYS", purge: (b) => vus.purgeMeetingsBefore(b) },
    ],
  };
  return { planner, dialog, feature };
}
