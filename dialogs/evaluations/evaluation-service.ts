import { evaluationsText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import type { CardAttachment } from "../../core/types";
import { evaluationFormCard, thanksCard, type FormValues } from "../../cards/evaluation-cards";
import { swedishDeadline } from "../../core/time";
import type { Group, Meeting } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import type { EvaluationStore, SaveOutcome } from "../../data/evaluations/evaluation-store";
import type { EvaluationKeys } from "../../data/evaluations/keyed-ids";
import type { EvaluationAnswer } from "../../data/evaluations/schema";
import type { Asker } from "../../core/types";
import { MeetingRef, parseSubmission, type EvaluationAction } from "./submission";
import {
  evaluationYear,
  submissionDay,
  surveyState,
  surveyWindow,
  type SurveySettings,
  type SurveyWindow,
} from "./survey-window";

const t = evaluationsText;

/**
 * What the user sees after pressing an evaluation button: a card that replaces the pressed one
 * (Action.Execute) or is sent as a new message (Action.Submit), or — when there is nothing sensible
 * to show in its place (a tampered or unknown meeting) — just a message, and the card stays as it was.
 */
export type ActionResult =
  { kind: "card"; card: CardAttachment; text: string; saved?: SaveOutcome } | { kind: "message"; text: string };

export interface EvaluationServiceDeps {
  vus: VusStore;
  store: EvaluationStore;
  keys: EvaluationKeys;
  settings: SurveySettings;
  now: () => Date;
  logger: Logger;
}

interface Context {
  aadObjectId: string;
  meeting: Meeting;
  group: Group;
  year: string;
  window: SurveyWindow;
  /** The invitation record exists already (read with the membership). */
  invited: boolean;
}

const message = (text: string): ActionResult => ({ kind: "message", text });

/** Receives evaluation answers: checks who, which meeting and when, validates, stores them under a keyed pseudonym. */
export class EvaluationService {
  constructor(private readonly deps: EvaluationServiceDeps) {}

  async handle(action: EvaluationAction, data: unknown, asker: Asker): Promise<ActionResult> {
    const ctx = await this.context(data, asker);
    if ("kind" in ctx) return ctx;
    return action === "evaluation.edit" ? this.edit(ctx) : this.submit(ctx, data);
  }

  /** Everything that must hold before inputs are even looked at: known meeting, open survey, a member. */
  private async context(data: unknown, asker: Asker): Promise<Context | ActionResult> {
    const ref = MeetingRef.safeParse(data);
    if (!ref.success) return message(t.rejected.malformed);
    if (!asker.aadObjectId) return message(t.rejected.noIdentity);
    const aadObjectId = asker.aadObjectId;
    const { vus, store, keys, settings, now } = this.deps;
    const [meeting, group] = await Promise.all([
      vus.meeting(ref.data.groupId, ref.data.meetingId),
      vus.group(ref.data.groupId),
    ]);
    if (!meeting || !group) return message(t.rejected.unknownMeeting);
    const window = surveyWindow(meeting.doc, settings);
    const state = surveyState(meeting.doc, settings, now());
    if (state === "notHeld") return message(t.rejected.notHeld);
    if (state === "notOpen") return message(t.rejected.notOpen(swedishDeadline(window.opensAt)));
    if (state === "closed") return message(t.rejected.closed(swedishDeadline(window.closesAt)));
    const year = evaluationYear(meeting.doc);
    // A member now, or someone who was sent the card (and may have left the group since).
    const [member, invitation] = await Promise.all([
      vus.member(group.doc.id, aadObjectId),
      store.invitation(year, keys.invitationId(meeting.doc.id, aadObjectId)),
    ]);
    if (!member && !invitation) return message(t.rejected.notMember);
    return { aadObjectId, meeting: meeting.doc, group: group.doc, year, window, invited: Boolean(invitation) };
  }

  private async submit(ctx: Context, data: unknown): Promise<ActionResult> {
    const { store, keys, now, logger } = this.deps;
    const parsed = parseSubmission(data);
    if (!parsed.ok) {
      logger.info({ meetingId: ctx.meeting.id, problem: parsed.problem }, "evaluation refused");
      const error = `${t.rejected[parsed.problem]} ${t.rejected.stored}`;
      return { kind: "card", card: this.form(ctx, data as FormValues, error), text: error };
    }
    const v = parsed.value;
    const answer: EvaluationAnswer = {
      id: keys.answerId(ctx.meeting.id, ctx.aadObjectId),
      type: "answer",
      year: ctx.year,
      groupId: ctx.group.id,
      meetingId: ctx.meeting.id,
      q1: v.q1,
      q2: v.q2,
      ...(v.comment ? { comment: v.comment } : {}),
      orgType: v.orgType,
      ...(v.gender ? { gender: v.gender } : {}),
      submittedAt: submissionDay(now()),
    };
    // Members who joined after the cards went out count as invited once they answer, so the response
    // rate never exceeds 100 %. Dated when the survey opened, like every invitation of the meeting: the
    // submit time would tie this invitation to the answer stored next to it.
    if (!ctx.invited)
      await store.recordInvitation({
        id: keys.invitationId(ctx.meeting.id, ctx.aadObjectId),
        type: "invitation",
        year: ctx.year,
        groupId: ctx.group.id,
        meetingId: ctx.meeting.id,
        invitedAt: ctx.window.opensAt,
      });
    const saved = await store.saveAnswer(answer);
    logger.info({ meetingId: ctx.meeting.id, saved }, "evaluation stored");
    // Only a newer answer already stored differs from the one just written.
    const stored = saved === "superseded" ? ((await store.answer(ctx.year, answer.id)) ?? answer) : answer;
    const card = thanksCard({
      group: ctx.group,
      meeting: ctx.meeting,
      answer: stored,
      closesAt: ctx.window.closesAt,
      open: true,
      changed: saved !== "created",
    });
    return { kind: "card", card, text: t.thanks.text, saved };
  }

  private async edit(ctx: Context): Promise<ActionResult> {
    const { store, keys } = this.deps;
    const current = await store.answer(ctx.year, keys.answerId(ctx.meeting.id, ctx.aadObjectId));
    return {
      kind: "card",
      card: this.form(ctx, current ?? {}, undefined, Boolean(current)),
      text: t.card.title(ctx.group.name),
    };
  }

  private form(ctx: Context, values: FormValues, error?: string, editing = false): CardAttachment {
    return evaluationFormCard({
      group: ctx.group,
      meeting: ctx.meeting,
      closesAt: ctx.window.closesAt,
      values,
      error,
      editing,
    });
  }
}
