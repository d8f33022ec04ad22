import type { Logger } from "../../core/logger";
import { qaText } from "../../core/strings";
import type { FeedbackStore } from "../../data/feedback";
import type { KbEntry } from "../../data/kb/schema";
import { answerCard, declineCard, quoteCard } from "../../cards/answer-cards";
import type { AnswerOffer, Asker, CardAttachment, IncomingMessage, Reply } from "../../core/types";
import { resultText, silentNotice } from "./answer-text";
import type { QaEngine, QaResult } from "./qa-engine";
import { FeedbackExecute, QaSubmission } from "./submissions";
import { declineHint } from "./decline-hint";
import { countAnswer } from "../../core/telemetry";
import type { Feature } from "../feature";

export interface QaDialogDeps {
  /** The engine currently served and the base version it was built from (KnowledgeService). */
  knowledge: { readonly engine: QaEngine; readonly version: number };
  /** The review queue; its writes run off the turn. */
  feedback: Pick<FeedbackStore, "queueFeedback" | "queueUnanswered">;
  /** Keyed hash of the asker; raw ids are never stored. */
  pseudonym: (asker: Asker) => string;
  /** Signs and checks the question carried by 👍/👎 buttons. */
  questions: {
    sign(entryId: string, question: string): string;
    verify(entryId: string, question: string, sig: unknown): boolean;
  };
  logger?: Logger;
  /** The time the decline streak is counted in (a test clock). */
  now?: () => Date;
  /** Told which entry answered (confidently or as a best guess), for the "most asked" list. */
  onAnswered?: (entryId: string) => void;
}

/**
 * Questions in, answer or decline cards out; 👍/👎 and the unanswered questions go to the review
 * queue. Framework-free: the bot hands it plain messages.
 */
export class QaDialog {
  /** Other features' buttons for an answer; given with the feature list (feature()). */
  private offersFor: (entry: KbEntry) => AnswerOffer[] = () => [];

  constructor(private readonly deps: QaDialogDeps) {}

  /**
   * The Q&A feature's registration: questions, the answer cards' buttons (under their old bare verbs too).
   * `others` are the rest of the bot's features, whose answer offers go under the answers they match.
   */
  feature(others: readonly Feature[] = []): Feature {
    this.offersFor = (entry) => others.flatMap((f) => f.answerOffers?.(entry) ?? []);
    return {
      name: "qa",
      answer: this.answer,
      cardActions: {
        "qa.ask": { submit: this.submission },
        "qa.feedback": { submit: this.submission, execute: this.execute },
      },
      // Answer cards already posted in chats carry the verbs from before they were namespaced.
      verbAliases: { ask: "qa.ask", feedback: "qa.feedback" },
    };
  }

  /** Answers a question; after the second decline in a row the rephrasing hint follows. */
  readonly answer = async (question: string, message: IncomingMessage): Promise<Reply[]> => {
    const { engine, version } = this.deps.knowledge;
    const result = engine.ask(question);
    this.deps.logger?.info(
      {
        outcome: result.outcome,
        reason: result.outcome === "decline" ? result.reason : undefined,
        entry: result.outcome === "decline" ? undefined : result.entry.id,
        confidence: result.confidence,
      },
      "question answered",
    );
    countAnswer(result.outcome, result.outcome === "decline" ? result.reason : undefined);
    if (result.outcome !== "decline") this.deps.onAnswered?.(result.entry.id);
    if (result.outcome !== "answer") await this.recordUnanswered(question, result, message.asker, version);
    const reply = this.reply(result, question, engine);
    if (result.outcome !== "decline") return [reply];
    return [reply, ...(await declineHint(message.memory, (this.deps.now ?? (() => new Date()))(), this.deps.logger))];
  };

  /** A button of an answer card: 👍/👎, or a question to ask (example, "Menade du", related). */
  private readonly submission = async (value: unknown, message: IncomingMessage): Promise<Reply[]> => {
    const action = (value as { action?: unknown }).action;
    const { engine, version } = this.deps.knowledge;
    const parsed = QaSubmission.safeParse(value);
    const entry = parsed.success && parsed.data.entryId ? engine.entry(parsed.data.entryId) : undefined;
    const forged =
      parsed.success &&
      parsed.data.action === "qa.feedback" &&
      !this.deps.questions.verify(parsed.data.entryId, parsed.data.question, parsed.data.sig);
    if (!parsed.success || (parsed.data.action === "qa.feedback" && !entry) || forged) {
      this.deps.logger?.warn(
        {
          action,
          issues: parsed.success
            ? [forged ? "question not signed by the bot" : "unknown entry"]
            : parsed.error.issues.map((i) => i.path.join(".")),
        },
        "card submission rejected",
      );
      return [{ text: qaText.badSubmission }];
    }
    const data = parsed.data;
    if (data.action === "qa.ask") {
      if (entry)
        return [this.reply({ outcome: "answer", entry, confidence: 1, alternatives: [] }, data.question, engine)];
      return this.answer(data.question, message);
    }
    await this.deps.feedback.queueFeedback({
      entryId: data.entryId,
      vote: data.vote,
      question: data.question,
      asker: this.deps.pseudonym(message.asker),
      kbVersion: version,
    });
    this.deps.logger?.info({ entry: data.entryId, vote: data.vote }, "feedback stored");
    return [{ text: data.vote === "up" ? qaText.feedback.thanksUp : qaText.feedback.thanksDown }];
  };

  /**
   * 👍/👎 pressed (Action.Execute): stores the vote and returns the same answer card with a thank-you
   * in place of the buttons, which replaces the card in the chat, so a vote cannot be given twice.
   */
  private readonly execute = async (data: unknown, asker: Asker): Promise<CardAttachment | undefined> => {
    const { engine, version } = this.deps.knowledge;
    const parsed = FeedbackExecute.safeParse(data);
    const entry = parsed.success ? engine.entry(parsed.data.entryId) : undefined;
    const signed =
      parsed.success && this.deps.questions.verify(parsed.data.entryId, parsed.data.question, parsed.data.sig);
    if (!parsed.success || !entry || !signed) {
      this.deps.logger?.warn({ signed }, "feedback card action rejected");
      return undefined;
    }
    const { vote, question, alts, unsure } = parsed.data;
    await this.deps.feedback.queueFeedback({
      entryId: entry.id,
      vote,
      question,
      asker: this.deps.pseudonym(asker),
      kbVersion: version,
    });
    this.deps.logger?.info({ entry: entry.id, vote }, "feedback stored");
    const alternatives = (alts ? alts.split(",") : [])
      .map((id) => engine.entry(id))
      .filter((e): e is KbEntry => e !== undefined);
    return this.signFeedback(
      answerCard({
        entry,
        question,
        alternatives,
        related: this.relatedOf(entry, engine),
        unsure: Boolean(unsure),
        voted: vote,
        offers: this.offersFor(entry),
      }),
    );
  };

  private relatedOf(entry: KbEntry, engine: QaEngine): KbEntry[] {
    return entry.related.map((id) => engine.entry(id)).filter((e): e is KbEntry => e !== undefined);
  }

  private reply(result: QaResult, question: string, engine: QaEngine): Reply {
    if (result.outcome === "decline") {
      // Close entries help after a plain miss; for out-of-scope and individual requests they would
      // suggest the bot half-answers what it must not.
      const nearby = result.reason === "no-match" ? result.alternatives : [];
      const card = result.passage
        ? quoteCard(result.passage, nearby, question)
        : declineCard(result.reason, nearby, question, result.scope);
      return { text: resultText(result), card };
    }
    const { entry } = result;
    const also = result.also ?? [];
    const alternatives = result.outcome === "suggest" ? result.alternatives.filter((a) => !also.includes(a)) : [];
    const related = entry.related.map((id) => engine.entry(id)).filter((e): e is KbEntry => e !== undefined);
    const text =
      alternatives.length > 0
        ? `${resultText(result)}\n${qaText.didYouMean} ${alternatives.map((a) => a.title).join(" · ")}`
        : resultText(result);
    const card = answerCard({
      entry,
      question,
      alternatives,
      related,
      unsure: result.outcome === "suggest",
      also,
      notice: silentNotice(result),
      offers: this.offersFor(entry),
    });
    return { text, card: this.signFeedback(card) };
  }

  /** Adds the signature to every 👍/👎 button's data, wherever the layout puts the buttons. */
  private signFeedback<T>(card: T): T {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      const el = node as Record<string, unknown>;
      const data = el.data as Record<string, unknown> | undefined;
      if (
        data &&
        data.action === "qa.feedback" &&
        typeof data.entryId === "string" &&
        typeof data.question === "string"
      )
        data.sig = this.deps.questions.sign(data.entryId, data.question);
      for (const v of Object.values(el)) if (v && typeof v === "object") walk(v);
    };
    walk(card);
    return card;
  }

  /** Declines and best guesses go to the review queue; a failure there must not cost the user the answer. */
  private async recordUnanswered(question: string, result: QaResult, asker: Asker, kbVersion: number): Promise<void> {
    const offered = result.outcome === "decline" ? result.alternatives : [result.entry, ...result.alternatives];
    try {
      await this.deps.feedback.queueUnanswered({
        // Requests about an individual may name the person: keep that it happened, not what was asked.
        question: result.outcome === "decline" && result.reason === "individual" ? null : question.slice(0, 600),
        outcome: result.outcome === "decline" ? "decline" : "suggest",
        reason: result.outcome === "decline" ? result.reason : "low-confidence",
        confidence: Math.min(1, Math.max(0, result.confidence)),
        offered: offered.slice(0, 4).map((e) => e.id),
        asker: this.deps.pseudonym(asker),
        kbVersion,
      });
    } catch (err) {
      this.deps.logger?.error({ err }, "could not store an unanswered question");
    }
  }
}
