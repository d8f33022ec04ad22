import { escalationText, qaText } from "../core/strings";
import { cutLabel, fitsButton } from "./button-label";
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
import type { AnswerOffer, CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { AnswerBase, AskButton, DetailLine } from "./card-data";
import { layoutAnswer } from "./answer-layout";

// Builds the data for the answer, situation, decline and quote cards; the templates hold the layout.

const MAX_RELATED_BUTTONS = 3;
/** The question travels in the feedback button's data; a pasted essay does not need to. */
const MAX_QUESTION_IN_CARD = 300;

/** "Menade du…?" and nearby buttons: a short Swedish label that says what the button asks. */
const byTitle = (e: KbEntry): AskButton => {
  const label = askLabel(e);
  const text = label.endsWith("?") ? label : (e.phrasings.find(isSwedishQuestion) ?? e.title);
  return { label, text, entryId: e.id };
};

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
    return { label: fits(question) ? question : askLabel(e), text: question, entryId: e.id };
  };

const isSwedishQuestion = (p: string) => p.trim().endsWith("?") && !ENGLISH.test(p);
const fits = fitsButton;
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase("sv") + s.slice(1);

/**
 * A short Swedish label that says what the button asks: the entry's first short Swedish question,
 * else its title, else the part of the title that fits ("Orosanmälan när ett barn far illa – …"),
 * else a short Swedish keyword phrasing, else the first question cut at a word.
 */
export function askLabel(e: Pick<KbEntry, "title" | "phrasings">): string {
  const questions = e.phrasings.filter(isSwedishQuestion);
  const short = questions.find(fits);
  if (short) return short;
  if (fits(e.title)) return e.title;
  const part = e.title
    .split(/\s+[–—-]\s+|:\s+/)
    .map((p) => p.trim())
    .find((p) => p.length >= 8 && fits(p));
  if (part) return capitalised(part);
  const keywords = e.phrasings.find((p) => !p.endsWith("?") && !ENGLISH.test(p) && p.length >= 8 && fits(p));
  if (keywords) return capitalised(keywords);
  return buttonLabel(questions[0] ?? e.title, e.title);
}

/**
 * Teams cuts long button labels off wherever the space ends. Use the question when it fits, else the
 * entry's title, else the question shortened at a word; the button still sends the whole question.
 */
export function buttonLabel(question: string, title: string): string {
  if (fits(question)) return question;
  if (fits(title)) return title;
  return cutLabel(question);
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
  /** After 👍/👎: the card comes back with this thank-you in place of the buttons. */
  voted?: "up" | "down";
  /** Other features' buttons for this entry, shown under the answer. */
  offers?: AnswerOffer[];
}

/** "Vem gör vad" and the facts as text lines for the "Visa mer" part; no FactSet, whose narrow title column breaks long words. */
function detailLines(layout: ReturnType<typeof layoutAnswer>): DetailLine[] {
  const lines: DetailLine[] = [];
  if (layout.whoDoesWhat.length) {
    lines.push({ text: qaText.whoDoesWhat, weight: "Bolder", spacing: "Medium" });
    for (const r of layout.whoDoesWhat)
      lines.push({ text: `**${r.actor}:** ${r.duty}`, weight: "Default", spacing: "Small" });
  }
  for (const [i, f] of layout.facts.entries()) {
    const listContinues = layout.facts[i + 1] && !layout.facts[i + 1].title;
    if (f.title && listContinues) {
      lines.push({ text: f.title, weight: "Bolder", spacing: "Medium" });
      lines.push({ text: `• ${f.value}`, weight: "Default", spacing: "Small" });
    } else if (f.title) lines.push({ text: `**${f.title}:** ${f.value}`, weight: "Default", spacing: "Medium" });
    else lines.push({ text: `• ${f.value}`, weight: "Default", spacing: "None" });
  }
  return lines;
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
  const layout = layoutAnswer(entry, input.question);
  const details = detailLines(layout);
  const alsoInLine = alsoInText(entry);
  const hasAlsoIn = alsoInLine !== undefined;
  const base: AnswerBase = {
    entryId: entry.id,
    title: entry.title,
    unsure: input.notice ?? (input.unsure ? qaText.unsure : ""),
    source: sourceText(entry.source),
    alsoIn: alsoInLine ?? "",
    hasAlsoIn,
    hasAlternatives: alternatives.length > 0,
    didYouMean: qaText.didYouMean,
    alternatives,
    hasOffers: (input.offers ?? []).length > 0,
    offers: input.offers ?? [],
    feedbackPrompt: qaText.feedback.prompt,
    voteUp: qaText.feedback.up,
    voteDown: qaText.feedback.down,
    question: input.question.slice(0, MAX_QUESTION_IN_CARD),
  };
  if (also.length > 0) {
    const facts = entryFacts(entry);
    return cardAttachment("situation", {
      ...base,
      answer: entry.answer,
      hasFacts: facts.length > 0,
      facts,
      hasResponsibilities: entry.responsibilities.length > 0,
      whoDoesWhat: qaText.whoDoesWhat,
      responsibilities: entry.responsibilities.map((r) => ({
        actor: r.actor,
        duty: r.cost ? `${r.duty} ${qaText.costMark}` : r.duty,
      })),
      alsoTitle: qaText.alsoApplies,
      also: also.map((e) => ({
        title: e.title,
        line: oneLine(e),
        source: sourceText(e.source),
        entryId: e.id,
        text: e.title,
        more: buttonLabel(`${qaText.readMore} ${e.title}`, qaText.readMoreButton),
      })),
    });
  }
  return cardAttachment("answer", {
    ...base,
    // The phone layout (cards/answer.json): the lead, the source, the rest behind "Visa mer".
    lead: layout.lead,
    hasMore: layout.more.length > 0 || details.length > 0 || hasAlsoIn,
    more: layout.more,
    details,
    showMoreLabel: qaText.showMore,
    showLessLabel: qaText.showLess,
    voted: input.voted ? qaText.feedback.recorded[input.voted] : "",
    alts: input.alternatives.map((a) => a.id).join(","),
    isUnsure: input.unsure,
    hasRelated: related.length > 0,
    relatedTitle: qaText.relatedTitle,
    related,
    // A best guess may miss: the asker can send the question on to Välfärd's experts.
    hasAskExpert: input.unsure && input.voted === undefined,
    askExpert: escalationText.askButton,
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
    // Not for requests about an individual: those are not Välfärd's to answer either.
    hasAskExpert: reason !== "individual" && question.trim() !== "",
    askExpert: escalationText.askButton,
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
    hasAskExpert: question.trim() !== "",
    askExpert: escalationText.askButton,
  });
}
