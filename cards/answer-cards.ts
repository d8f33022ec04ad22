import { qaText } from "../core/strings";
import type { KbEntry } from "../data/kb/schema";
import { declineText, sourceText } from "../dialogs/qa/answer-text";
import { layoutAnswer } from "../dialogs/qa/answer-layout";
import { alsoInText } from "../dialogs/qa/entry-facts";
import type { DeclineReason } from "../dialogs/qa/qa-engine";
import { cardAttachment, type CardAttachment } from "./render";

// Builds the data for cards/answer.json and cards/decline.json; the templates hold the layout.

const MAX_RELATED_BUTTONS = 3;
/** The question travels in the feedback button's data; a pasted essay does not need to. */
const MAX_QUESTION_IN_CARD = 300;
/**
 * Longest button label. Teams cuts a button's title off instead of wrapping it; on a 360 px phone a
 * full-width button holds about 36 characters.
 */
export const MAX_BUTTON_LABEL = 38;

/** A button that asks for an entry: the label shown, the text it sends, and the entry it means. */
interface AskButton {
  label: string;
  text: string;
  entryId: string;
}

/** Phrasings are Swedish and English; buttons speak Swedish. */
const ENGLISH = /\b(what|who|whom|how|when|where|which|does|do|is|are|the|can|should|pays?|of|for)\b/i;
const isSwedishQuestion = (p: string) => p.trim().endsWith("?") && !ENGLISH.test(p);
const fits = (s: string) => s.length <= MAX_BUTTON_LABEL;
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
  const long = questions[0] ?? e.title;
  const cut = long.slice(0, MAX_BUTTON_LABEL - 1);
  const atWord = cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:–-]+$/, "");
  return `${atWord.length >= MAX_BUTTON_LABEL / 2 ? atWord : cut}…`;
}

/** The button asks the question it shows when that is a question, else the entry's first Swedish question. */
const askButton = (e: KbEntry): AskButton => {
  const label = askLabel(e);
  const text = label.endsWith("?") ? label : (e.phrasings.find(isSwedishQuestion) ?? e.title);
  return { label, text, entryId: e.id };
};

export interface AnswerCardInput {
  entry: KbEntry;
  /** The question as asked: it decides the lead, and is sent back with 👍/👎. */
  question: string;
  /** Grey zone: "Menade du…?" alternatives (empty for a confident answer). */
  alternatives: KbEntry[];
  /** Related entries that exist in the served base. */
  related: KbEntry[];
  unsure: boolean;
  /** After 👍/👎: the card comes back with this thank-you in place of the buttons. */
  voted?: "up" | "down";
}

/** "Vem gör vad" and the facts as text lines for the "Visa mer" part; no FactSet, whose narrow title column breaks long words. */
function detailLines(layout: ReturnType<typeof layoutAnswer>): { text: string; weight: string; spacing: string }[] {
  const lines: { text: string; weight: string; spacing: string }[] = [];
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
  const layout = layoutAnswer(entry, input.question);
  const alternatives = input.alternatives.map(askButton);
  const related = input.related
    .filter((r) => !input.alternatives.some((a) => a.id === r.id))
    .slice(0, MAX_RELATED_BUTTONS)
    .map(askButton);
  const details = detailLines(layout);
  const alsoIn = alsoInText(entry);
  return cardAttachment("answer", {
    entryId: entry.id,
    title: entry.title,
    unsure: input.unsure ? qaText.unsure : "",
    lead: layout.lead,
    source: sourceText(entry.source),
    hasMore: layout.more.length > 0 || details.length > 0 || alsoIn !== undefined,
    more: layout.more,
    details,
    alsoIn: alsoIn ?? "",
    hasAlsoIn: alsoIn !== undefined,
    showMoreLabel: qaText.showMore,
    showLessLabel: qaText.showLess,
    hasAlternatives: alternatives.length > 0,
    didYouMean: qaText.didYouMean,
    alternatives,
    hasRelated: related.length > 0,
    relatedTitle: qaText.relatedTitle,
    related,
    feedbackPrompt: qaText.feedback.prompt,
    voteUp: qaText.feedback.up,
    voteDown: qaText.feedback.down,
    voted: input.voted ? qaText.feedback.recorded[input.voted] : "",
    question: input.question.slice(0, MAX_QUESTION_IN_CARD),
    alts: input.alternatives.map((a) => a.id).join(","),
    isUnsure: input.unsure,
  });
}

export function declineCard(reason: DeclineReason, nearby: KbEntry[]): CardAttachment {
  const alternatives = nearby.map(askButton);
  return cardAttachment("decline", {
    message: declineText(reason),
    hasAlternatives: alternatives.length > 0,
    nearbyTitle: qaText.nearbyTitle,
    alternatives,
  });
}
