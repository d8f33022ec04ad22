import { meetingsText } from "../../core/strings";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Group, Meeting, Member, Rsvp, ScheduledJob } from "../../data/meetings/schema";
import { answerStatus, meetingCard, representationCard } from "../../cards/meeting-cards";
import { fanOut, memberRecipient, type FanoutDeps, type Recipient } from "../../core/jobs/fanout";
import type { JobHandler, JobRunResult } from "../../core/jobs/scheduler";
import { missingFunctions } from "./representation";
import { swedishSpan } from "../../core/time";
import type { Reply } from "../../core/types";

const t = meetingsText;

function channelRecipient(group: Group): Recipient[] {
  return group.channel
    ? [{ key: `channel:${group.channel.conversationId}`, target: { kind: "conversation", ...group.channel } }]
    : [];
}

/** Text and card a member (or the channel) gets for a job about a meeting. */
function meetingReply(
  job: Pick<ScheduledJob, "kind" | "key">,
  meeting: Meeting,
  group: Group,
  r: Recipient,
  members: Member[],
  rsvps: Rsvp[],
  cases: string[],
): Reply {
  const cancelled = meeting.status === "cancelled";
  const title =
    job.kind === "meetingUpdate"
      ? cancelled
        ? t.reminder.cancelledTitle(group.name)
        : t.reminder.movedTitle(group.name)
      : t.reminder.title(group.name);
  const intro =
    job.kind === "meetingUpdate"
      ? cancelled
        ? t.reminder.cancelledIntro
        : t.reminder.movedIntro
      : t.reminder.inDays(job.key);
  const open = meeting.status === "planned";
  let status: string;
  if (r.target.kind === "member") {
    const aad = r.target.aadObjectId;
    status = open ? answerStatus(rsvps.find((x) => x.aadObjectId === aad)?.answer) : "";
  } else {
    const n = (a: string) => rsvps.filter((x) => x.answer === a).length;
    status = open ? t.reminder.channelTally(n("attending"), n("declined"), n("substitute")) : "";
  }
  const card = meetingCard(meeting, {
    title,
    intro,
    showPrevious: job.kind === "meetingUpdate" && job.key === "moved",
    status,
    rsvpOpen: open,
    personalRefresh: r.target.kind === "member" && open,
    refreshUserIds: r.target.kind === "conversation" && open ? members.map((m) => m.userId) : undefined,
    cases,
  });
  return { text: t.reminder.text(title, swedishSpan(meeting.start, meeting.durationMinutes)), card };
}

/** Reminders, update cards and the representation check, on top of the shared fan-out. */
/** Where the representation check goes when a group has no coordinator: the admins' personal chats. */
export type AdminRecipients = () => Promise<Recipient[]>;

/** Lines another feature adds to a group's meeting agenda (open samverkansärenden). */
export type AgendaSource = (groupId: string) => Promise<string[]>;

export class MeetingJobHandlers {
  constructor(
    private readonly vus: VusStore,
    private readonly fanout: FanoutDeps,
    private readonly agenda?: AgendaSource,
    private readonly adminRecipients: AdminRecipients = async () => [],
  ) {}

  private async load(job: ScheduledJob): Promise<{ meeting: Meeting; group: Group; members: Member[] } | undefined> {
    const [meeting, group] = await Promise.all([
      this.vus.meeting(job.groupId, job.meetingId),
      this.vus.group(job.groupId),
    ]);
    if (!meeting || !group) return undefined;
    return { meeting: meeting.doc, group: group.doc, members: await this.vus.membersOf(job.groupId) };
  }

  readonly reminder: JobHandler = {
    run: async (job, heartbeat): Promise<JobRunResult> => {
      const loaded = await this.load(job);
      // Moved or cancelled since the job was planned: its successor (or nobody) sends instead.
      if (!loaded || loaded.meeting.revision !== job.meetingRevision || loaded.meeting.status !== "planned")
        return { complete: true, obsolete: true };
      return this.send(job, loaded, heartbeat);
    },
  };

  readonly meetingUpdate: JobHandler = {
    run: async (job, heartbeat): Promise<JobRunResult> => {
      const loaded = await this.load(job);
      if (!loaded || loaded.meeting.revision !== job.meetingRevision) return { complete: true, obsolete: true };
      if (job.key === "moved" && loaded.meeting.status !== "planned") return { complete: true, obsolete: true };
      return this.send(job, loaded, heartbeat);
    },
  };

  readonly representationCheck: JobHandler = {
    run: async (job, heartbeat): Promise<JobRunResult> => {
      const loaded = await this.load(job);
      if (!loaded || loaded.meeting.revision !== job.meetingRevision || loaded.meeting.status !== "planned")
        return { complete: true, obsolete: true };
      const { meeting, group, members } = loaded;
      const coordinators = members.filter((m) => m.role === "coordinator");
      // No coordinator: the admins get the check (they can appoint one), and `leveranser` shows the gap.
      const recipients = coordinators.length ? coordinators.map(memberRecipient) : await this.adminRecipients();
      const problem = coordinators.length ? undefined : recipients.length ? "noCoordinator" : "noRecipient";
      if (problem)
        this.fanout.logger.warn(
          { groupId: group.id, meetingId: meeting.id, problem },
          "representation check: no coordinator",
        );
      const rsvps = await this.vus.rsvpsOf(group.id, meeting.id);
      const missing = missingFunctions(group, members, rsvps);
      const n = (a: string) => rsvps.filter((x) => x.answer === a).length;
      const answered = new Map(rsvps.map((r) => [r.aadObjectId, r.answer]));
      const card = representationCard({
        title: t.representation.title(group.name),
        note: problem ? t.representation.noCoordinator(group.name) : "",
        when: swedishSpan(meeting.start, meeting.durationMinutes),
        counts: t.representation.counts(
          n("attending"),
          n("declined"),
          n("substitute"),
          members.filter((m) => !answered.has(m.aadObjectId)).length,
        ),
        missing,
        answers: members.map((m) => ({
          title: m.name || m.organisation,
          value: `${t.functionLabels[m.function]}, ${m.organisation}: ${answered.has(m.aadObjectId) ? t.answerLabels[answered.get(m.aadObjectId)!] : t.list.noAnswer}`,
        })),
      });
      const reply: Reply = { text: t.representation.text(group.name, missing.length), card };
      const result = await fanOut(job, recipients, () => reply, this.fanout, heartbeat);
      return { complete: result.busy === 0, counts: result.counts, ...(problem ? { problem } : {}) };
    },
  };

  private async send(
    job: ScheduledJob,
    loaded: { meeting: Meeting; group: Group; members: Member[] },
    heartbeat: () => Promise<void>,
  ): Promise<JobRunResult> {
    const { meeting, group, members } = loaded;
    const recipients = [...members.map(memberRecipient), ...channelRecipient(group)];
    // Answers given before this run show on the card; later ones arrive through the card's refresh.
    const rsvps = await this.vus.rsvpsOf(group.id, meeting.id);
    const cases = meeting.status === "planned" ? ((await this.agenda?.(group.id)) ?? []) : [];
    const result = await fanOut(
      job,
      recipients,
      (r) => meetingReply(job, meeting, group, r, members, rsvps, cases),
      this.fanout,
      heartbeat,
    );
    return { complete: result.busy === 0, counts: result.counts };
  }
}
