import { qaText } from "../core/strings";
import type { KbEntry } from "../data/kb/schema";
import { declineText, sourceText } from "./answer-text";
import { alsoInText, entryFacts } from "./entry-facts";
import type { DeclineReason } from "./answer-text";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";

// Builds the data for cards/answer.json and cards/decline.json; the templates hold the layout.

const MAX_RELATED_BUTTONS = 3;
/** The question travels in the feedback button's data; a pasted essay does not need to. */
const MAX_QUESTION_IN_CARD = 300;
/** Longest related-question label shown as it is; Teams truncates buttons not much longer than this. */
export const MAX_BUTTON_LABEL = 45;

/** A button that asks for an entry: the label shown, the text it sends, and the entry it means. */
interface AskButton {
  label: string;
  text: string;
  entryId: string;
}

const byTitle = (e: KbEntry): AskButton => ({ label: e.title, text: e.title, entryId: e.id });
/** Related entries are offered as the question people ask about them, which reads better as a button. */
const byQuestion = (e: KbEntry): AskButton => {
  const question = e.phrasings[0] ?? e.title;
  return { label: buttonLabel(question, e.title), text: question, entryId: e.id };
};

/**
 * Teams cuts long button labels off wherever the space ends. Use the question when it fits, else the
 * entry's title, else the question shortened at a word; the button still sends the whole question.
 */
export function buttonLabel(question: string, title: string): string {
  if (question.length <= MAX_BUTTON_LABEL) return question;
  if (title.length <= MAX_BUTTON_LABEL) return title;
  const cut = question.slice(0, MAX_BUTTON_LABEL);
  const atWord = cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:–-]+$/, "");
  return `${atWord.length >= MAX_BUTTON_LABEL / 2 ? atWord : cut.slice(0, MAX_BUTTON_LABEL - 1)}…`;
}

export interface AnswerCardInput {
  entry: KbEntry;
  /** The question as asked, sent back with 👍/👎. */
  question: string;
  /** Grey zone: "Menade du…?" alternatives (empty for a confident answer). */
  alternatives: KbEntry[];
  /** Related entries that exist in the served base. */
  related: KbEntry[];
  unsure: boolean;
}

export function answerCard(input: AnswerCardInput): CardAttachment {
  const { entry } = input;
  const alternatives = input.alternatives.map(byTitle);
  const related = input.related
    .filter((r) => !input.alternatives.some((a) => a.id === r.id))
    .slice(0, MAX_RELATED_BUTTONS)
    .map(byQuestion);
  return cardAttachment("answer", {
    entryId: entry.id,
    title: entry.title,
    unsure: input.unsure ? qaText.unsure : "",
    answer: entry.answer,
    facts: entryFacts(entry),
    hasFacts: entryFacts(entry).length > 0,
    hasResponsibilities: entry.responsibilities.length > 0,
    whoDoesWhat: qaText.whoDoesWhat,
    responsibilities: entry.responsibilities.map((r) => ({
      actor: r.actor,
      duty: r.cost ? `${r.duty} ${qaText.costMark}` : r.duty,
    })),
    source: sourceText(entry.source),
    alsoIn: alsoInText(entry) ?? "",
    hasAlsoIn: alsoInText(entry) !== undefined,
    hasAlternatives: alternatives.length > 0,
    didYouMean: qaText.didYouMean,
    alternatives,
    hasRelated: related.length > 0,
    relatedTitle: qaText.relatedTitle,
    related,
    feedbackPrompt: qaText.feedback.prompt,
    voteUp: qaText.feedback.up,
    voteDown: qaText.feedback.down,
    question: input.question.slice(0, MAX_QUESTION_IN_CARD),
  });
}

export function declineCard(reason: DeclineReason, nearby: KbEntry[]): CardAttachment {
  const alternatives = nearby.map(byTitle);
  return cardAttachment("decline", {
    message: declineText(reason),
    hasAlternatives: alternatives.length > 0,
    nearbyTitle: qaText.nearbyTitle,
    alternatives,
  });
}
