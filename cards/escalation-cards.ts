import { escalationText } from "../core/strings";
import type { EscalationCase } from "../data/escalation/schema";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";

// Data for the escalation templates (cards/escalation-*.json): the asker's form, the expert channel's
// case card, the asker's answer card, and the experts' list. Layout lives in the templates.

const t = escalationText;

export const askFormCard = (question = ""): CardAttachment => cardAttachment("escalation-form", askFormData(question));
export function askFormData(question = ""): CardDataMap["escalation-form"] {
  return {
    ...t.form,
    question,
    maxLength: t.MAX_QUESTION_CHARS,
    emptyMessage: t.asked.empty,
  };
}

export function statusText(c: EscalationCase): string {
  switch (c.status) {
    case "open":
      return t.caseCard.statuses.open;
    case "taken":
      return t.caseCard.statuses.taken(c.assignee?.name ?? "");
    case "answered":
      return t.caseCard.statuses.answered(c.answeredBy?.name ?? "");
    case "closed":
      return t.caseCard.statuses.closed(c.closedBy?.name ?? "");
  }
}

export interface CaseCardOptions {
  /** Local date and time the question was asked ("5 dec 2026 kl. 09:12"). */
  askedAt: string;
  /** A line at the top of the card (after an action, or a failed delivery). */
  notice?: string;
  noticeStyle?: "good" | "attention" | "warning" | "emphasis";
  /** Put back in the answer box (an answer refused as too long). */
  draft?: string;
}

/** The expert channel's card: who asked, the question, what the bot answered, status and the experts' buttons. */
export const caseCard = (c: EscalationCase, options: CaseCardOptions): CardAttachment =>
  cardAttachment("escalation-case", caseCardData(c, options));
export function caseCardData(c: EscalationCase, options: CaseCardOptions): CardDataMap["escalation-case"] {
  const s = t.caseCard;
  const unanswered = c.status === "open" || c.status === "taken";
  const facts = [
    { title: s.askedBy, value: c.asker?.name || "–" },
    { title: s.askedAt, value: options.askedAt },
    { title: s.status, value: statusText(c) },
  ];
  if (c.status === "answered")
    facts.push({
      title: s.rating,
      value: c.rating === "up" ? s.ratingUp : c.rating === "down" ? s.ratingDown : s.notRated,
    });
  return {
    ...s,
    heading: s.heading(c.ref),
    notice: options.notice ?? "",
    noticeStyle: options.noticeStyle ?? "emphasis",
    facts,
    questionLabel: s.question,
    question: c.question,
    botAnsweredLabel: s.botAnswered,
    botAnswer: c.botAnswer || "–",
    hasAnswer: c.status === "answered" && Boolean(c.answer),
    answerLabel: s.answer,
    answer: c.answer ?? "",
    canAnswer: unanswered,
    canTake: c.status === "open",
    canAddToKb: c.status === "answered",
    answerInputLabel: s.answerLabel,
    draft: options.draft ?? "",
    maxAnswer: t.MAX_ANSWER_CHARS,
    caseId: c.id,
  };
}

/** The expert's answer as the asker gets it in personal chat, with 👍/👎. */
export const answerToAskerCard = (c: EscalationCase): CardAttachment =>
  cardAttachment("escalation-answer", answerToAskerData(c));
export function answerToAskerData(c: EscalationCase): CardDataMap["escalation-answer"] {
  const a = t.answerCard;
  return {
    heading: a.heading,
    yourQuestionLabel: a.yourQuestion,
    question: c.question,
    answerLabel: a.answer,
    answer: c.answer ?? "",
    answeredBy: a.answeredBy(c.answeredBy?.name ?? ""),
    prompt: a.prompt,
    up: a.up,
    down: a.down,
    caseId: c.id,
  };
}

export interface CaseListItem {
  case: EscalationCase;
  /** "3 arbetsdagar". */
  age: string;
  /** Offer "Lägg in i kunskapsbanken" / "Klar": answered cases in the review queue. */
  canReview: boolean;
}

export const caseListCard = (title: string, items: CaseListItem[], empty: string): CardAttachment =>
  cardAttachment("escalation-list", caseListData(title, items, empty));
export function caseListData(title: string, items: CaseListItem[], empty: string): CardDataMap["escalation-list"] {
  return {
    title,
    empty: items.length ? "" : empty,
    items: items.map(({ case: c, age, canReview }) => ({
      heading: `${c.ref} · ${statusText(c)}`,
      question: c.question,
      detail: `${c.asker?.name || "–"} · ${age}${c.answer ? ` · ${t.caseCard.answer}: ${c.answer.slice(0, 200)}` : ""}`,
      canReview,
      toKnowledgeBase: t.caseCard.toKnowledgeBase,
      dismiss: t.list.dismiss,
      caseId: c.id,
    })),
  };
}

/** A short message in place of a button's card: the presser may not see the case, or the button was not readable. */
export const escalationNoticeCard = (message: string): CardAttachment =>
  cardAttachment("notice", { title: t.form.title, message });
