import type { JobStore } from "../../data/meetings/job-store";
import type { ScheduledJob } from "../../data/meetings/schema";
import type { EscalationStore } from "../../data/escalation/escalation-store";
import type { EscalationCase } from "../../data/escalation/schema";
import { fanOut, type FanoutDeps } from "../../core/jobs/fanout";
import type { JobHandler, JobRunResult } from "../../core/jobs/scheduler";
import type { EscalationService } from "./escalation-service";
import { reminderDue } from "./working-days";

/** A reminder that could not go out within this long after it was due is dropped. */
const REMINDER_WINDOW_MS = 30 * 86_400_000;

/** The job's deterministic id: planning a case's reminder twice creates one job. */
export const reminderJobId = (caseId: string) => `case-${caseId}.escalationReminder`;

/**
 * Reminds the expert channel of a question nobody has answered after a number of working days. Runs on
 * the meetings' job machinery: a deterministic job id, the scheduler's claim and the fan-out's delivery
 * record make the reminder go out once across instances and restarts.
 */
export class EscalationReminders implements JobHandler {
  constructor(
    private readonly deps: {
      jobs: JobStore;
      store: EscalationStore;
      service: () => EscalationService;
      fanout: FanoutDeps;
      workingDays: number;
    },
  ) {}

  async schedule(c: EscalationCase): Promise<void> {
    const due = reminderDue(new Date(c.createdAt), this.deps.workingDays);
    const id = reminderJobId(c.id);
    await this.deps.jobs.createIfAbsent({
      id,
      jobId: id,
      type: "job",
      kind: "escalationReminder",
      groupId: "valfard",
      meetingId: c.id,
      meetingRevision: 1,
      key: `${this.deps.workingDays}wd`,
      dueAt: due.toISOString(),
      notAfter: new Date(due.getTime() + REMINDER_WINDOW_MS).toISOString(),
      status: "pending",
      runs: 0,
      createdAt: this.deps.fanout.clock.now().toISOString(),
    });
  }

  async run(job: ScheduledJob, heartbeat: () => Promise<void>): Promise<JobRunResult> {
    const due = await this.deps.service().reminderFor(job.meetingId, this.deps.workingDays);
    if (!due) return { complete: true, obsolete: true };
    const channel = await this.deps.store.expertChannel();
    if (!channel) return { complete: true, obsolete: true };
    const target = {
      kind: "conversation" as const,
      tenantId: channel.tenantId,
      conversationId: channel.conversationId,
      ...(channel.teamId ? { teamId: channel.teamId } : {}),
    };
    const { counts, busy } = await fanOut(
      job,
      [{ key: "expert-channel", target }],
      () => due.reply,
      this.deps.fanout,
      heartbeat,
    );
    return { complete: busy === 0, counts };
  }
}
