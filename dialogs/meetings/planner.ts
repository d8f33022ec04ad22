import { randomUUID } from "node:crypto";
import type { JobStore } from "../../data/meetings/job-store";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Meeting } from "../../data/meetings/schema";
import type { Clock } from "./clock";
import { inZone } from "./time";
import { meetingPhase } from "./meeting-phase";
import type { MeetingDraft } from "./meeting-input";
import { jobsForMeeting, updateJob, type ScheduleSettings } from "./schedule";

/** Whether someone is an admin: the one check every feature shares (configured and Teams-added admins, any case). */
export type AdminCheck = (aadObjectId: string | undefined) => boolean | Promise<boolean>;

/** Admins configured by id only, compared case-insensitively (for tools and tests without the admin directory). */
export function configuredAdmins(ids: readonly string[]): AdminCheck {
  const set = new Set(ids.map((id) => id.toLowerCase()));
  return (aadObjectId) => Boolean(aadObjectId && set.has(aadObjectId.toLowerCase()));
}

/** Who may plan: admins everywhere, coordinators in their own groups. */
export class Permissions {
  constructor(
    private readonly vus: VusStore,
    private readonly adminCheck: AdminCheck,
  ) {}

  async isAdmin(aadObjectId: string | undefined): Promise<boolean> {
    return Boolean(aadObjectId) && (await this.adminCheck(aadObjectId));
  }

  /** Group ids the person may manage; "*" for admins and operators. */
  async managedGroups(aadObjectId: string | undefined): Promise<Set<string> | "*"> {
    if (await this.isAdmin(aadObjectId)) return "*";
    if (!aadObjectId) return new Set();
    return new Set(
      (await this.vus.membershipsOf(aadObjectId)).filter((m) => m.role === "coordinator").map((m) => m.groupId),
    );
  }

  async canManage(aadObjectId: string | undefined, groupId: string): Promise<boolean> {
    const groups = await this.managedGroups(aadObjectId);
    return groups === "*" || groups.has(groupId);
  }
}

/** Creates, moves and cancels meetings and keeps their scheduled jobs in step. */
export class MeetingPlanner {
  constructor(
    private readonly vus: VusStore,
    private readonly jobs: JobStore,
    private readonly settings: ScheduleSettings,
    private readonly clock: Clock,
  ) {}

  /** A planned meeting of the group at exactly this start, if any (two meetings at once are refused). */
  async plannedAt(groupId: string, start: string): Promise<Meeting | undefined> {
    return (await this.vus.meetingsOf(groupId)).find((m) => m.start === start && m.status === "planned");
  }

  private newMeeting(draft: MeetingDraft, actor: string): Meeting {
    const now = this.clock.now().toISOString();
    return {
      ...draft,
      id: randomUUID(),
      type: "meeting",
      status: "planned",
      revision: 1,
      createdBy: actor,
      createdAt: now,
      updatedBy: actor,
      updatedAt: now,
    };
  }

  private async schedule(meeting: Meeting): Promise<void> {
    for (const job of jobsForMeeting(meeting, this.settings, this.clock.now())) await this.jobs.createIfAbsent(job);
  }

  async create(draft: MeetingDraft, actor: string): Promise<Meeting> {
    const meeting = (await this.vus.meetings.create(this.newMeeting(draft, actor))).doc;
    await this.schedule(meeting);
    return meeting;
  }

  /**
   * Creates every meeting or none: Cosmos has no multi-document transaction across our calls (and the
   * embedded server's batches are not atomic), so a failure part-way deletes what was already created.
   */
  async createAll(drafts: MeetingDraft[], actor: string): Promise<Meeting[]> {
    const created: Meeting[] = [];
    try {
      for (const d of drafts) created.push((await this.vus.meetings.create(this.newMeeting(d, actor))).doc);
    } catch (err) {
      for (const m of created) await this.vus.meetings.delete(m.id, m.groupId);
      throw err;
    }
    for (const m of created) await this.schedule(m);
    return created;
  }

  /** Edits a meeting; a new time or place is a move: new revision, new reminders, an update card. */
  async update(
    meetingId: string,
    groupId: string,
    draft: MeetingDraft,
    actor: string,
  ): Promise<{ meeting: Meeting; moved: boolean } | undefined> {
    const stored = await this.vus.meeting(groupId, meetingId);
    if (!stored || stored.doc.status !== "planned") return undefined;
    const before = stored.doc;
    const moved =
      before.start !== draft.start ||
      before.durationMinutes !== draft.durationMinutes ||
      before.place !== draft.place ||
      before.onlineUrl !== draft.onlineUrl;
    const next: Meeting = {
      ...before,
      ...draft,
      ...(moved
        ? {
            movedFrom: {
              start: before.start,
              durationMinutes: before.durationMinutes,
              ...(before.place ? { place: before.place } : {}),
            },
          }
        : {}),
      groupId: before.groupId,
      revision: before.revision + (moved ? 1 : 0),
      updatedBy: actor,
      updatedAt: this.clock.now().toISOString(),
    };
    if (!next.place) delete next.place;
    if (!next.onlineUrl) delete next.onlineUrl;
    if (!next.theme) delete next.theme;
    const meeting = (await this.vus.meetings.replace(next, stored.etag)).doc;
    if (moved) {
      await this.jobs.cancelPending(meeting.id, (j) => j.meetingRevision === meeting.revision);
      await this.schedule(meeting);
      const update = updateJob(meeting, "moved", this.clock.now(), before.start);
      if (update) await this.jobs.createIfAbsent(update);
    }
    return { meeting, moved };
  }

  async cancel(meetingId: string, groupId: string, actor: string): Promise<Meeting | undefined> {
    const stored = await this.vus.meeting(groupId, meetingId);
    if (!stored || stored.doc.status !== "planned") return undefined;
    const meeting = (
      await this.vus.meetings.replace(
        { ...stored.doc, status: "cancelled", updatedBy: actor, updatedAt: this.clock.now().toISOString() },
        stored.etag,
      )
    ).doc;
    await this.jobs.cancelPending(meeting.id);
    const update = updateJob(meeting, "cancelled", this.clock.now(), meeting.start);
    if (update) await this.jobs.createIfAbsent(update);
    return meeting;
  }

  /** Indicator 2a counts planned meetings that have started; the coordinator can say one did not happen. */
  async markNotHeld(meetingId: string, groupId: string, actor: string): Promise<Meeting | "notStarted" | undefined> {
    const stored = await this.vus.meeting(groupId, meetingId);
    if (!stored || stored.doc.status !== "planned") return undefined;
    if (stored.doc.start > this.clock.now().toISOString()) return "notStarted";
    return (
      await this.vus.meetings.replace(
        { ...stored.doc, status: "notHeld", updatedBy: actor, updatedAt: this.clock.now().toISOString() },
        stored.etag,
      )
    ).doc;
  }
}

/** Meetings that took place in a calendar year (Stockholm): not cancelled or marked not held, and ended by now. Indicator 2a. */
export function heldMeetings(meetings: Meeting[], year: number, now: Date): Meeting[] {
  return meetings.filter(
    (m) => m.status === "planned" && meetingPhase(m, now) === "ended" && inZone(m.start).year === year,
  );
}
