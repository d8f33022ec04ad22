import { qaText } from "../core/strings";
import type { KbEntry } from "../data/kb/schema";
import {
  declineText,
  nearestSections,
  oneLine,
  sourceText,
  type DeclineReason,
  type QuotedPassage,
} from "./answer-text";
import { alsoInText, entryFacts } from "./entry-facts";
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

const byTitle = (e: KbEntry): AskButton => ({ label: buttonLabel(e.title, e.title), text: e.title, entryId: e.id });

/** Folded, without punctuation: "Vad är en SIP?" and "vad ar en sip" are the same question. */
const sameQuestion = (a: string, b: string) => {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  return norm(a) === norm(b);
};
// Entries carry English phrasings for search; a Swedish card must not show them on its buttons.
const ENGLISH = /\b(who|what|which|how|when|where|does|do|is|are|the|should|can|must)\b/i;

/**
 * Related entries are offered as the question people ask about them, which reads better as a
 * button: the first Swedish phrasing that is not the question just asked, else the title.
 */
const byQuestion =
  (asked: string) =>
  (e: KbEntry): AskButton | undefined => {
    const question = e.phrasings.find((p) => !ENGLISH.test(p) && !sameQuestion(p, asked)) ?? e.title;
    if (sameQuestion(question, asked)) return undefined;
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
  /** Other entries the story touches: the situation card's "Det här gäller också". */
  also?: KbEntry[];
  /** Shown under the title instead of the grey-zone note: the detail asked is not in the agreement. */
  notice?: string;
}

export function answerCard(input: AnswerCardInput): CardAttachment {
  const { entry } = input;
  const also = input.also ?? [];
  const shown = new Set([entry.id, ...also.map((e) => e.id)]);
  const alternatives = input.alternatives.filter((a) => !shown.has(a.id)).map(byTitle);
  const related = input.related
    .filter((r) => !input.alternatives.some((a) => a.id === r.id) && !shown.has(r.id))
    .map(byQuestion(input.question))
    .filter((b): b is AskButton => b !== undefined)
    .slice(0, MAX_RELATED_BUTTONS);
  return cardAttachment(also.length > 0 ? "situation" : "answer", {
    entryId: entry.id,
    title: entry.title,
    unsure: input.notice ?? (input.unsure ? qaText.unsure : ""),
    alsoTitle: qaText.alsoApplies,
    also: also.map((e) => ({
      title: e.title,
      line: oneLine(e),
      source: sourceText(e.source),
      entryId: e.id,
      text: e.title,
      more: buttonLabel(`${qaText.readMore} ${e.title}`, qaText.readMore),
    })),
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

/**
 * A decline. `question` travels in the card's data, so a button added to it (passing the question
 * on to Välfärd) has it at hand.
 */
export function declineCard(reason: DeclineReason, nearby: KbEntry[], question = "", scope?: string): CardAttachment {
  const alternatives = nearby.map(byTitle);
  const sections = nearestSections(nearby);
  return cardAttachment("decline", {
    message: declineText(reason, scope),
    hasSections: sections.length > 0,
    sections: [`${qaText.nearestSections}:`, ...sections].join("\n\n"),
    hasAlternatives: alternatives.length > 0,
    nearbyTitle: qaText.nearbyTitle,
    alternatives,
    question: question.slice(0, MAX_QUESTION_IN_CARD),
  });
}

/** No entry answered, but a passage of a source document is about the question: quoted, with its section. */
export function quoteCard(hit: QuotedPassage, nearby: KbEntry[], question = ""): CardAttachment {
  const alternatives = nearby.map(byTitle);
  return cardAttachment("quote", {
    intro: qaText.quote.intro,
    quote: qaText.quote.mark(hit.passage.text),
    source: sourceText({ document: hit.passage.document, section: hit.passage.section }),
    after: qaText.quote.after,
    hasAlternatives: alternatives.length > 0,
    nearbyTitle: qaText.nearbyTitle,
    alternatives,
    question: question.slice(0, MAX_QUESTION_IN_CARD),
  });
}
