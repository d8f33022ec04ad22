import { evaluationsText } from "../../core/strings";
import { evaluationFormCard } from "../../cards/evaluation-cards";
import { swedishDeadline } from "../../core/time";
import type { Meeting, ScheduledJob } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import type { EvaluationStore } from "../../data/evaluations/evaluation-store";
import type { EvaluationKeys } from "../../data/evaluations/keyed-ids";
import { fanOut, memberRecipient, type FanoutDeps } from "../../core/jobs/fanout";
import { jobId } from "../../data/meetings/job-store";
import type { JobHandler, JobRunResult } from "../../core/jobs/scheduler";
import { evaluationYear, surveyWindow, type SurveySettings } from "./survey-window";

// Evaluation cards ride on the meetings feature's scheduler and exactly-once fan-out: two jobs of kind
// "evaluation" per meeting revision, "invite" when the survey opens and "halfway" for the one reminder.
// A moved meeting gets new jobs (new revision) and the old ones are cancelled by the planner; a
// cancelled or not-held meeting's jobs end as obsolete.

const t = evaluationsText;
const INVITE = "invite";
const HALFWAY = "halfway";

/** The evaluation jobs of a planned meeting whose survey has not closed yet. */
export function evaluationJobs(meeting: Meeting, settings: SurveySettings, now: Date): ScheduledJob[] {
  if (meeting.status !== "planned") return [];
  const w = surveyWindow(meeting, settings);
  const nowIso = now.toISOString();
  if (w.closesAt <= nowIso) return [];
  const make = (key: string, dueAt: string): ScheduledJob => {
    const id = jobId(meeting, "evaluation", key);
    return {
      id,
      jobId: id,
      type: "job",
      kind: "evaluation",
      groupId: meeting.groupId,
      meetingId: meeting.id,
      meetingRevision: meeting.revision,
      key,
      dueAt,
      notAfter: w.closesAt,
      status: "pending",
      runs: 0,
      createdAt: nowIso,
    };
  };
  return [make(INVITE, w.opensAt), make(HALFWAY, w.remindAt)];
}

export interface EvaluationJobDeps {
  vus: VusStore;
  store: EvaluationStore;
  keys: EvaluationKeys;
  settings: SurveySettings;
  fanout: FanoutDeps;
}

/** Sends the evaluation card to every member who did not decline, and later reminds those who have not answered. */
export class EvaluationJobHandler implements JobHandler {
  constructor(private readonly deps: EvaluationJobDeps) {}

  async run(job: ScheduledJob, heartbeat: () => Promise<void>): Promise<JobRunResult> {
    const { vus, store, keys, settings, fanout } = this.deps;
    const [meeting, group] = await Promise.all([vus.meeting(job.groupId, job.meetingId), vus.group(job.groupId)]);
    if (!meeting || !group || meeting.doc.revision !== job.meetingRevision || meeting.doc.status !== "planned")
      return { complete: true, obsolete: true };
    const m = meeting.doc;
    const year = evaluationYear(m);
    const window = surveyWindow(m, settings);
    const [members, rsvps] = await Promise.all([vus.membersOf(m.groupId), vus.rsvpsOf(m.groupId, m.id)]);
    const declined = new Set(rsvps.filter((r) => r.answer === "declined").map((r) => r.aadObjectId));
    let recipients = members.filter((x) => !declined.has(x.aadObjectId));
    const reminder = job.key === HALFWAY;
    if (reminder) {
      // Recomputing the keyed ids is the only way to tell who has answered: nothing stored links them.
      const invited = new Set(
        (await store.invitationsOfYear(year)).filter((i) => i.meetingId === m.id).map((i) => i.id),
      );
      const answered = await store.answerIdsOf(year, m.id);
      recipients = members.filter(
        (x) => invited.has(keys.invitationId(m.id, x.aadObjectId)) && !answered.has(keys.answerId(m.id, x.aadObjectId)),
      );
    }
    const byKey = new Map(recipients.map((x) => [memberRecipient(x).key, x]));
    const result = await fanOut(
      job,
      recipients.map(memberRecipient),
      async (r) => {
        const member = byKey.get(r.key)!;
        // Recorded before the send, after the claim: "invited" counts everyone the card went out to.
        // Every invitation of a meeting carries the same time (the survey's opening), so neither the
        // order of sending nor a late joiner's answer time can be read from it.
        if (!reminder)
          await store.recordInvitation({
            id: keys.invitationId(m.id, member.aadObjectId),
            type: "invitation",
            year,
            groupId: m.groupId,
            meetingId: m.id,
            invitedAt: window.opensAt,
          });
        return {
          text: reminder
            ? t.invite.reminderText(group.doc.name, swedishDeadline(window.closesAt))
            : t.invite.text(group.doc.name),
          card: evaluationFormCard({ group: group.doc, meeting: m, closesAt: window.closesAt, reminder }),
        };
      },
      fanout,
      heartbeat,
    );
    return { complete: result.busy === 0, counts: result.counts };
  }
}
