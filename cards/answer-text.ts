import type { KbEntry, Source } from "../data/kb/schema";
import * as qaText from "../core/strings/qa";
import { alsoInText, entryFacts } from "./entry-facts";

// Entries, declines and quotes as plain text: the fallback text of the answer cards, in the order
// the cards show them.

/** "Källa: Överenskommelsen, avsnitt Lokal samverkan > Representation". */
export function sourceText(source: Source): string {
  return `${qaText.sourceLabel}: ${qaText.documentName[source.document]} ${source.section}`;
}

/** The entry as plain text, in the order the answer card shows it; `notice` goes under the title. */
export function answerText(entry: KbEntry, notice?: string): string {
  const lines = [entry.title];
  if (notice) lines.push(notice);
  lines.push(entry.answer);
  if (entry.responsibilities.length > 0) {
    lines.push(`${qaText.whoDoesWhat}:`);
    for (const r of entry.responsibilities) lines.push(`${r.actor}: ${r.duty}${r.cost ? ` ${qaText.costMark}` : ""}`);
  }
  // The structured facts come after "Vem gör vad": the duties answer most questions, and the first
  // 1500 characters are what a reader (and the eval) sees first.
  for (const f of entryFacts(entry)) lines.push(f.title ? `${f.title}: ${f.value}` : `  ${f.value}`);
  lines.push(sourceText(entry.source));
  const alsoIn = alsoInText(entry);
  if (alsoIn) lines.push(alsoIn);
  return lines.join("\n");
}

const ONE_LINE_MAX = 220;
const ONE_LINE_MIN = 70;

/**
 * An entry's answer in a line: its first sentence, the second too when the first is short, cut at
 * a word with "…" when still too long.
 */
export function oneLine(entry: KbEntry): string {
  const sentences = entry.answer
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s+/);
  let line = sentences[0] ?? "";
  if (line.length < ONE_LINE_MIN && sentences[1]) line = `${line} ${sentences[1]}`;
  if (line.length <= ONE_LINE_MAX) return line;
  const cut = line.slice(0, ONE_LINE_MAX);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** The situation card as plain text: the best entry in full, then each other entry that applies in a line. */
export function situationText(entry: KbEntry, also: readonly KbEntry[], notice?: string): string {
  const lines = [answerText(entry, notice)];
  if (also.length > 0) {
    lines.push(`${qaText.alsoApplies}:`);
    for (const e of also) lines.push(`${e.title}: ${oneLine(e)} (${sourceText(e.source)})`);
  }
  return lines.join("\n");
}

/** Why the bot did not answer; each reason has its Swedish text. */
export type DeclineReason = keyof typeof qaText.decline;

/** A passage of a source document, quoted when no entry answers. */
export interface QuotedPassage {
  passage: { text: string; document: Source["document"]; section: string };
}

/** `scope` is the scope verdict's kind: a question about another region is declined as such. */
export function declineText(reason: DeclineReason, scope?: string): string {
  if (reason === "out-of-scope" && scope === "other-region") return qaText.otherRegion;
  return qaText.decline[reason];
}

/** A passage quoted when no entry answers: marked as a quote, with its section. */
export function quoteText(hit: QuotedPassage): string {
  const { passage } = hit;
  return [
    qaText.quote.intro,
    qaText.quote.mark(passage.text),
    sourceText({ document: passage.document, section: passage.section }),
    qaText.quote.after,
  ].join("\n");
}

/** The sections of the entries that came closest, each once: "Avsnitt (Dokument)". */
export function nearestSections(entries: readonly KbEntry[]): string[] {
  return [...new Set(entries.map((e) => sourceText(e.source).replace(`${qaText.sourceLabel}: `, "")))];
}
