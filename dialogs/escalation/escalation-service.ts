import { z } from "zod";
import { escalationText, qaText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import type { SendTarget } from "../../core/jobs/messenger";
import {
  answerToAskerCard,
  askFormCard,
  escalationNoticeCard,
  caseCard,
  caseListCard,
  type CaseListItem,
} from "../../cards/escalation-cards";
import type { CardAttachment } from "../../core/types";
import { adminFormCard } from "../../cards/admin-cards";
import type { EscalationStore } from "../../data/escalation/escalation-store";
import type { EscalationCase } from "../../data/escalation/schema";
import type { Stored } from "../../data/repository";
import { ConflictError } from "../../data/errors";
import { formInputs } from "../admin/entry-form";
import type { QaEngine } from "../qa/qa-engine";
import { textReply as text, type Asker, type Reply } from "../../core/types";
import { containsPersonalNumber } from "../../core/personal-number";
import { swedishDateTime, workingDaysSince } from "./working-days";

const t = escalationText;

/** Where case cards and answers go; bot/ implements it with the Bot Connector (ProactiveMessenger). */
export interface CasePoster {
  send(target: SendTarget, reply: Reply): Promise<{ activityId?: string }>;
  /** Replaces a message the bot posted earlier (the channel card, for everyone in the channel). */
  update(target: Extract<SendTarget, { kind: "conversation" }>, activityId: string, reply: Reply): Promise<void>;
}

/**
 * The outcome of an expert's button: the case card that replaces the clicked one (with a line on top
 * saying what happened or why nothing did), or only a message when the presser may not see the case.
 */
export type ExecuteResult = { card: CardAttachment } | { message: string };

export interface EscalationServiceDeps {
  store: EscalationStore;
  knowledge: { readonly engine: QaEngine };
  /** Välfärd's experts are the bot's admins. */
  isExpert: (aadObjectId: string | undefined) => Promise<boolean>;
  poster: CasePoster;
  now: () => Date;
  /** Plans the case's reminder in the expert channel (the job machinery). */
  scheduleReminder: (c: EscalationCase) => Promise<void>;
  logger: Logger;
}

const CaseId = z.string().uuid();
const ExpertAction = z.object({ caseId: CaseId, answer: z.string().optional() });

/** The person behind an asker, as a case records them. */
function person(asker: Asker): { aadObjectId: string; name: string } {
  return { aadObjectId: asker.aadObjectId!.toLowerCase(), name: asker.name?.trim() || asker.aadObjectId! };
}

/** Where the asker's answer or notice goes: their personal chat, as the case recorded it. */
function askerRecipient(asker: NonNullable<EscalationCase["asker"]>): SendTarget {
  const { tenantId, aadObjectId, userId, serviceUrl } = asker;
  return { kind: "member", tenantId, aadObjectId, userId, serviceUrl };
}

/**
 * Asking Välfärd: the asker's form and submission, the expert channel's card and its buttons (take,
 * answer, close, add to the knowledge base), the asker's 👍/👎, and the experts' list. Every change is
 * an etag replace from the state the button was pressed on; a refused or lost action changes nothing.
 */
export class EscalationService {
  constructor(private readonly deps: EscalationServiceDeps) {}

  form(question = ""): Reply[] {
    return [{ text: t.form.title, card: askFormCard(question.slice(0, t.MAX_QUESTION_CHARS)) }];
  }

  /** What the bot answers the same question, in a line for the expert. */
  private botAnswer(question: string): string {
    const result = this.deps.knowledge.engine.ask(question);
    if (result.outcome === "decline")
      return t.botAnswer.decline(t.botAnswer.reasons[result.reason] ?? qaText.decline[result.reason]);
    const titles = [result.entry, ...result.alternatives].map((e) => e.title).join(" · ");
    return result.outcome === "answer" ? t.botAnswer.answer(result.entry.title) : t.botAnswer.suggest(titles);
  }

  async submit(asker: Asker, raw: unknown): Promise<Reply[]> {
    const question = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
    if (!question) return text(t.asked.empty);
    if (question.length > t.MAX_QUESTION_CHARS) return text(t.asked.tooLong(t.MAX_QUESTION_CHARS));
    // Refused before anything is stored or logged: the text may identify a patient.
    if (containsPersonalNumber(question)) return text(t.asked.personalNumber);
    if (this.deps.knowledge.engine.explain(question).scope.kind === "individual") return text(t.asked.individual);
    if (!asker.aadObjectId || !asker.serviceUrl) return text(t.asked.noUser);
    const channel = await this.deps.store.expertChannel();
    if (!channel) return text(t.asked.noChannel);
    let stored = await this.deps.store.create({
      asker: { ...person(asker), tenantId: asker.tenantId, userId: asker.userId, serviceUrl: asker.serviceUrl },
      question,
      botAnswer: this.botAnswer(question).slice(0, 400),
    });
    this.deps.logger.info({ caseId: stored.doc.id }, "question sent to Välfärd");
    const target = {
      kind: "conversation" as const,
      tenantId: channel.tenantId,
      conversationId: channel.conversationId,
      ...(channel.teamId ? { teamId: channel.teamId } : {}),
    };
    let posted = false;
    try {
      const { activityId } = await this.deps.poster.send(target, this.channelReply(stored.doc));
      if (activityId) stored = await this.deps.store.update(stored, { channelPost: { ...target, activityId } });
      posted = true;
    } catch (err) {
      this.deps.logger.error({ err, caseId: stored.doc.id }, "could not post the case to the expert channel");
    }
    try {
      await this.deps.scheduleReminder(stored.doc);
    } catch (err) {
      this.deps.logger.error({ err, caseId: stored.doc.id }, "could not plan the case reminder");
    }
    return text(posted ? t.asked.sent(stored.doc.ref) : `${t.asked.sent(stored.doc.ref)} ${t.asked.postFailed}`);
  }

  private channelReply(c: EscalationCase, notice?: string, style?: "good" | "attention", draft = ""): Reply {
    return {
      text: `${t.caseCard.heading(c.ref)}: ${c.question}`,
      card: caseCard(c, { askedAt: swedishDateTime(c.createdAt), notice, noticeStyle: style, draft }),
    };
  }

  /** An expert's button on the channel card (Action.Execute). */
  async execute(verb: string, data: unknown, asker: Asker): Promise<ExecuteResult> {
    const parsed = ExpertAction.safeParse(data);
    if (!(await this.deps.isExpert(asker.aadObjectId))) {
      this.deps.logger.warn({ verb }, "expert action refused: not an admin");
      // In the expert channel the presser sees the card anyway: keep it, with the refusal on top.
      const shown =
        parsed.success && (await this.inExpertChannel(asker)) && (await this.deps.store.get(parsed.data.caseId));
      return shown ? this.notice(shown.doc, t.expert.notExpert) : { message: t.expert.notExpert };
    }
    if (!parsed.success) return { message: t.expert.badButton };
    const stored = await this.deps.store.get(parsed.data.caseId);
    if (!stored) return { message: t.expert.notFound };
    const me = person(asker);
    try {
      switch (verb) {
        case "escalation.take":
          return await this.take(stored, me);
        case "escalation.answer":
          return await this.answer(stored, me, parsed.data.answer);
        case "escalation.close":
          return await this.close(stored, me);
        case "escalation.toKnowledgeBase":
          return await this.knowledgeBaseFromChannel(stored, asker);
        case "escalation.refresh":
          return { card: this.channelReply(stored.doc).card! };
        default:
          return { message: t.expert.badButton };
      }
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      // Someone else changed the case between the read and the write: show them the current card.
      const latest = await this.deps.store.get(stored.doc.id);
      return this.notice(latest!.doc, t.expert.conflict);
    }
  }

  /** The case card as it is, with a line on top saying why nothing changed. */
  private notice(c: EscalationCase, message: string, draft = ""): ExecuteResult {
    return { card: this.channelReply(c, message, "attention", draft).card! };
  }

  private async inExpertChannel(asker: Asker): Promise<boolean> {
    if (asker.conversationType !== "channel" || !asker.channelId) return false;
    return (await this.deps.store.expertChannel())?.conversationId === asker.channelId;
  }

  /** Refuses an expert action on a case that is finished or someone else's; undefined when it may go ahead. */
  private refusal(c: EscalationCase, me: { aadObjectId: string }): ExecuteResult | undefined {
    if (c.status === "answered" || c.status === "closed")
      return this.notice(c, t.expert.alreadyDone(t.expert.doneStates[c.status]));
    if (c.status === "taken" && c.assignee && c.assignee.aadObjectId !== me.aadObjectId)
      return this.notice(c, t.expert.takenByOther(c.assignee.name));
    return undefined;
  }

  private async take(stored: Stored<EscalationCase>, me: { aadObjectId: string; name: string }) {
    const refused = this.refusal(stored.doc, me);
    if (refused) return refused;
    if (stored.doc.status === "taken") return { card: this.channelReply(stored.doc, t.expert.taken, "good").card! };
    const next = await this.deps.store.update(stored, { status: "taken", assignee: me });
    return this.changed(next.doc, t.expert.taken);
  }

  private async answer(stored: Stored<EscalationCase>, me: { aadObjectId: string; name: string }, raw?: string) {
    const refused = this.refusal(stored.doc, me);
    if (refused) return refused;
    const answer = (raw ?? "").trim();
    if (!answer) return this.notice(stored.doc, t.expert.emptyAnswer);
    // The draft comes back in the box, cut to fit, so the expert only has to shorten it.
    if (answer.length > t.MAX_ANSWER_CHARS)
      return this.notice(stored.doc, t.expert.answerTooLong(t.MAX_ANSWER_CHARS), answer.slice(0, t.MAX_ANSWER_CHARS));
    if (containsPersonalNumber(answer)) return this.notice(stored.doc, t.expert.answerPersonalNumber);
    let next = await this.deps.store.update(stored, {
      status: "answered",
      assignee: stored.doc.assignee ?? me,
      answer,
      answeredBy: me,
      answeredAt: this.deps.now().toISOString(),
    });
    const { asker } = next.doc;
    let delivered = false;
    try {
      if (!asker) throw new Error("the asker's personal data was erased");
      await this.deps.poster.send(askerRecipient(asker), {
        text: `${t.answerCard.heading}: ${answer}`,
        card: answerToAskerCard(next.doc),
      });
      delivered = true;
    } catch (err) {
      this.deps.logger.error({ err, caseId: next.doc.id }, "could not deliver the expert's answer");
    }
    next = await this.deps.store.update(next, { delivered });
    this.deps.logger.info({ caseId: next.doc.id, delivered }, "case answered");
    return delivered
      ? this.changed(next.doc, t.expert.answered)
      : this.changed(next.doc, t.expert.answeredNotDelivered, "attention");
  }

  private async close(stored: Stored<EscalationCase>, me: { aadObjectId: string; name: string }) {
    const refused = this.refusal(stored.doc, me);
    if (refused) return refused;
    const next = await this.deps.store.update(stored, {
      status: "closed",
      closedBy: me,
      closedAt: this.deps.now().toISOString(),
    });
    const { asker } = next.doc;
    try {
      if (asker) await this.deps.poster.send(askerRecipient(asker), { text: t.answerCard.closedNotice(next.doc.ref) });
    } catch (err) {
      this.deps.logger.warn({ err, caseId: next.doc.id }, "could not tell the asker the case was closed");
    }
    return this.changed(next.doc, t.expert.closed);
  }

  /** The new card for the presser, and the same card in the channel for everyone else. */
  private async changed(
    c: EscalationCase,
    notice: string,
    style: "good" | "attention" = "good",
  ): Promise<ExecuteResult> {
    const reply = this.channelReply(c, notice, style);
    if (c.channelPost) {
      const { activityId, ...target } = c.channelPost;
      try {
        await this.deps.poster.update({ kind: "conversation", ...target }, activityId, this.channelReply(c));
      } catch (err) {
        this.deps.logger.warn({ err, caseId: c.id }, "could not update the channel card");
      }
    }
    return { card: reply.card! };
  }

  /** The knowledge-base form, prefilled from an answered case: the question as a phrasing, the answer as a draft. */
  knowledgeBaseForm(c: EscalationCase): Reply {
    const question = c.question.slice(0, 200);
    return {
      text: t.expert.kbFormTitle(c.ref),
      card: adminFormCard({
        mode: "create",
        kind: "topic",
        title: "",
        inputs: formInputs(
          "topic",
          { title: question.slice(0, 120), phrasings: [question], answer: c.answer ?? "" },
          { withId: true },
        ),
      }),
    };
  }

  /** The channel card's button: the form goes to the expert's personal chat (the admin dialog works there only). */
  private async knowledgeBaseFromChannel(stored: Stored<EscalationCase>, asker: Asker): Promise<ExecuteResult> {
    if (stored.doc.status !== "answered") return this.notice(stored.doc, t.expert.notAnswered);
    if (asker.conversationType === "personal") return { card: this.knowledgeBaseForm(stored.doc).card! };
    try {
      await this.deps.poster.send(
        {
          kind: "member",
          tenantId: asker.tenantId,
          aadObjectId: asker.aadObjectId!,
          userId: asker.userId,
          serviceUrl: asker.serviceUrl ?? stored.doc.asker?.serviceUrl ?? "",
        },
        this.knowledgeBaseForm(stored.doc),
      );
      return { card: this.channelReply(stored.doc, t.expert.kbFormSent, "good").card! };
    } catch (err) {
      this.deps.logger.warn({ err, caseId: stored.doc.id }, "could not send the knowledge-base form");
      return this.notice(stored.doc, t.expert.kbFormFailed);
    }
  }

  /** Review-queue buttons in personal chat (Action.Submit): open the prefilled form, or dismiss. */
  async review(asker: Asker, action: "kbForm" | "dismiss", caseId: unknown): Promise<Reply[]> {
    if (!(await this.deps.isExpert(asker.aadObjectId))) return text(t.expert.notExpert);
    const id = CaseId.safeParse(caseId);
    if (!id.success) return text(t.expert.badButton);
    const stored = await this.deps.store.get(id.data);
    if (!stored) return text(t.expert.notFound);
    if (action === "kbForm") {
      if (stored.doc.status !== "answered") return text(t.expert.notAnswered);
      return [this.knowledgeBaseForm(stored.doc)];
    }
    if (stored.doc.reviewed) return text(t.list.dismissed);
    try {
      await this.deps.store.update(stored, { reviewed: true });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      return text(t.expert.conflict);
    }
    return text(t.list.dismissed);
  }

  /** The asker's 👍/👎 on the answer card. */
  async rate(asker: Asker, caseId: unknown, vote: unknown): Promise<Reply[]> {
    const id = CaseId.safeParse(caseId);
    const v = z.enum(["up", "down"]).safeParse(vote);
    if (!id.success || !v.success) return text(t.expert.badButton);
    const stored = await this.deps.store.get(id.data);
    if (!stored || stored.doc.status !== "answered") return text(t.expert.notFound);
    if (!stored.doc.asker || stored.doc.asker.aadObjectId !== asker.aadObjectId?.toLowerCase())
      return text(t.answerCard.notYours);
    if (stored.doc.rating) return text(t.answerCard.alreadyRated);
    try {
      const next = await this.deps.store.update(stored, { rating: v.data });
      await this.changed(next.doc, "");
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      return text(t.answerCard.alreadyRated);
    }
    return text(v.data === "up" ? t.answerCard.thanksUp : t.answerCard.thanksDown);
  }

  /** The experts' list: open cases, oldest first, with their age in working days. */
  async list(asker: Asker): Promise<Reply[]> {
    if (!(await this.deps.isExpert(asker.aadObjectId))) return text(t.expert.notExpert);
    const open = await this.deps.store.withStatus(["open", "taken"]);
    const items = this.listItems(open, false);
    const lines = items.map((i) => t.list.line(i.case.ref, i.case.question.slice(0, 80), i.case.status, i.age));
    return [
      {
        text: [`${t.list.openTitle}: ${items.length}`, ...lines].join("\n"),
        card: caseListCard(t.list.openTitle, items, t.list.none),
      },
    ];
  }

  /** The cases part of the admins' review queue (`granska`): open ones, and answered ones to turn into entries. */
  async reviewQueue(): Promise<Reply | undefined> {
    const cases = await this.deps.store.forReview();
    if (!cases.length) return undefined;
    const items = this.listItems(cases, true);
    return {
      text: `${t.list.title}: ${items.length}`,
      card: caseListCard(t.list.title, items, t.list.none),
    };
  }

  private listItems(cases: EscalationCase[], review: boolean): CaseListItem[] {
    const now = this.deps.now();
    return cases.map((c) => ({
      case: c,
      age: t.list.age(workingDaysSince(new Date(c.createdAt), now)),
      canReview: review && c.status === "answered",
    }));
  }

  async linkChannel(asker: Asker): Promise<Reply[]> {
    if (!(await this.deps.isExpert(asker.aadObjectId))) return text(t.expert.notExpert);
    if (asker.conversationType !== "channel" || !asker.channelId) return text(t.channel.channelOnly);
    await this.deps.store.linkExpertChannel({
      tenantId: asker.tenantId,
      conversationId: asker.channelId,
      ...(asker.teamId ? { teamId: asker.teamId } : {}),
      linkedBy: person(asker),
    });
    this.deps.logger.info({ tenantId: asker.tenantId }, "expert channel linked");
    return text(t.channel.linked);
  }

  /**
   * Erasure of the asker of one case. A question nobody answered exists only because of them: it is
   * deleted and its channel card says so. One an expert answered or closed keeps the question, the
   * answer and the experts (their work, and a possible knowledge-base entry) without the asker. Either
   * way the channel card stops naming them. Undefined when the case no longer names them.
   */
  async eraseAsker(caseId: string, aadObjectId: string): Promise<"deleted" | "anonymised" | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const stored = await this.deps.store.get(caseId);
      if (!stored || stored.doc.asker?.aadObjectId !== aadObjectId.toLowerCase()) return undefined;
      const c = stored.doc;
      try {
        if (c.status === "open" || c.status === "taken") {
          if (!(await this.deps.store.delete(c.id))) continue;
          await this.replaceChannelCard(c, { text: t.erased(c.ref), card: escalationNoticeCard(t.erased(c.ref)) });
          return "deleted";
        }
        const next = await this.deps.store.update(stored, {
          asker: undefined,
          askerErasedAt: this.deps.now().toISOString(),
        });
        await this.replaceChannelCard(next.doc, this.channelReply(next.doc));
        return "anonymised";
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    throw new ConflictError("escalations", caseId);
  }

  private async replaceChannelCard(c: EscalationCase, reply: Reply): Promise<void> {
    if (!c.channelPost) return;
    const { activityId, ...target } = c.channelPost;
    try {
      await this.deps.poster.update({ kind: "conversation", ...target }, activityId, reply);
    } catch (err) {
      this.deps.logger.warn({ err, caseId: c.id }, "could not update the channel card");
    }
  }

  /** The reminder's text, or undefined when the case no longer waits for an answer. */
  async reminderFor(caseId: string, days: number): Promise<{ reply: Reply; case: EscalationCase } | undefined> {
    const stored = await this.deps.store.get(caseId);
    if (!stored || (stored.doc.status !== "open" && stored.doc.status !== "taken")) return undefined;
    return {
      case: stored.doc,
      reply: this.channelReply(stored.doc, t.reminder.text(stored.doc.ref, days), "attention"),
    };
  }
}
