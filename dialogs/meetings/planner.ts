import { randomUUID } from "node:crypto";
import type { JobStore } from "../../data/meetings/job-store";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Meeting } from "../../data/meetings/schema";
import type { Clock } from "../../core/clock";
import { inZone } from "../../core/time";
import { meetingPhase } from "./meeting-phase";
import type { MeetingDraft } from "./meeting-input";
import { jobsForMeeting, updateJob, type ScheduleSettings } from "./schedule";

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
    const meeting = (await this.vus.createMeeting(this.newMeeting(draft, actor))).doc;
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
      for (const d of drafts) created.push((await this.vus.createMeeting(this.newMeeting(d, actor))).doc);
    } catch (err) {
      for (const m of created) await this.vus.deleteMeeting(m);
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
    const meeting = (await this.vus.replaceMeeting(next, stored.etag)).doc;
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
      await this.vus.replaceMeeting(
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
      await this.vus.replaceMeeting(
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
