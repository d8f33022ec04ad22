import { casesText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import { caseCard } from "../../cards/case-cards";
import type { CaseStore } from "../../data/cases/case-store";
import type { Case } from "../../data/cases/schema";
import type { ScheduledJob } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import { fanOut, memberRecipient, type FanoutDeps, type Recipient } from "../../core/jobs/fanout";
import type { JobHandler, JobRunResult } from "../../core/jobs/scheduler";
import type { Reply } from "../../core/types";
import { caseView, type ViewerRole } from "./case-view";

const t = casesText;
/** How long a notice job waits for its case write to land before it is dropped as never written. */
const WRITE_GRACE_MS = 5 * 60_000;

export interface CaseNoticeDeps {
  store: CaseStore;
  vus: VusStore;
  fanout: FanoutDeps;
  /** Every admin's Entra object id (configured and added in Teams). */
  adminIds: () => Promise<string[]>;
  /** The active personal chat with a user, if the bot has one. */
  personalConversation: (tenantId: string, aadObjectId: string) => Promise<string | undefined>;
  logger: Logger;
}

type Audience = "reporter" | "coordinator" | "admin";

/** Sends each step of a case to whoever it concerns: the coordinators, Välfärd, and always the reporter after the first step. */
export class CaseNoticeHandler implements JobHandler {
  constructor(private readonly deps: CaseNoticeDeps) {}

  async run(job: ScheduledJob, heartbeat: () => Promise<void>): Promise<JobRunResult> {
    const stored = await this.deps.store.read(job.groupId, job.meetingId);
    const young = this.deps.fanout.clock.now().getTime() - Date.parse(job.createdAt) < WRITE_GRACE_MS;
    // The job is written before the case: wait a little for the case, then give up (the write failed).
    if (!stored || stored.doc.revision < job.meetingRevision)
      return young ? { complete: false } : { complete: true, obsolete: true };
    const c = stored.doc;
    if (!c.history.some((h) => h.revision === job.meetingRevision && h.step === job.key))
      return { complete: true, obsolete: true };
    const groupName = (await this.deps.vus.group(c.groupId))?.doc.name ?? c.groupId;
    const audiences = new Map<string, Audience>();
    const recipients: Recipient[] = [];
    // Keyed per audience: someone who both raised the case and works at Välfärd gets the reporter's
    // notice and the admin's form.
    const add = (r: Recipient | undefined, a: Audience) => {
      if (!r) return;
      const key = `${a}:${r.key}`;
      if (audiences.has(key)) return;
      audiences.set(key, a);
      recipients.push({ ...r, key });
    };
    const reporter: Recipient = {
      key: `member:${c.reporter.aadObjectId}`,
      target: { kind: "member", ...c.reporter },
    };
    const coordinators = async () =>
      (await this.deps.vus.membersOf(c.groupId)).filter((m) => m.role === "coordinator").map(memberRecipient);
    const admins = async () => {
      const out: Recipient[] = [];
      for (const id of await this.deps.adminIds()) {
        const conversationId = await this.deps.personalConversation(c.reporter.tenantId, id);
        if (conversationId)
          out.push({
            key: `member:${id}`,
            target: { kind: "conversation", tenantId: c.reporter.tenantId, conversationId },
          });
      }
      return out;
    };
    if (job.key === "raised") {
      const coord = await coordinators();
      for (const r of coord) add(r, "coordinator");
      if (!coord.length) {
        // Nobody coordinates the group yet: Välfärd gets it rather than nobody.
        this.deps.logger.warn({ groupId: c.groupId }, "case raised in a group without a coordinator; told the admins");
        for (const r of await admins()) add(r, "admin");
      }
    } else if (job.key === "decided") {
      add(reporter, "reporter");
      if (c.decision?.decision === "lifted") for (const r of await admins()) add(r, "admin");
    } else {
      add(reporter, "reporter");
      for (const r of await coordinators()) add(r, "coordinator");
    }
    if (!recipients.length)
      this.deps.logger.warn({ groupId: c.groupId, step: job.key }, "case notice has nobody to reach");
    const result = await fanOut(
      job,
      recipients,
      (r) => this.reply(c, groupName, job.key, audiences.get(r.key)!),
      this.deps.fanout,
      heartbeat,
    );
    return { complete: result.busy === 0, counts: result.counts };
  }

  private reply(c: Case, groupName: string, step: string, audience: Audience): Reply {
    const role: ViewerRole = {
      reporter: audience === "reporter",
      coordinator: audience === "coordinator",
      admin: audience === "admin",
    };
    let text: string;
    if (audience === "reporter")
      text =
        step === "decided" && c.decision
          ? t.notices.decided[c.decision.decision](c.id, groupName)
          : t.notices.outcome(c.id, c.regional ? t.forumLabels[c.regional.forum] : "");
    else if (audience === "admin")
      text = step === "raised" ? t.notices.toCoordinator(c.id, groupName) : t.notices.toAdmin(c.id, groupName);
    else
      text =
        step === "raised"
          ? t.notices.toCoordinator(c.id, groupName)
          : t.notices.outcome(c.id, c.regional ? t.forumLabels[c.regional.forum] : "");
    // The card shows the case as of sending; its refresh brings the current state whenever it is opened.
    return { text, card: caseCard({ ...caseView(c, groupName, role), notice: text, noticeKind: "good" }) };
  }
}
