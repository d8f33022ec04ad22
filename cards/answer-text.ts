import type { KbEntry, Source } from "../data/kb/schema";
import * as qaText from "../core/strings/qa";
import { alsoInText, entryFacts } from "./entry-facts";

/** "Källa: Överenskommelsen, avsnitt Lokal samverkan > Representation". */
export function sourceText(source: Source): string {
  return `${qaText.sourceLabel}: ${qaText.documentName[source.document]} ${source.section}`;
}

/** The entry as plain text, in the order the answer card shows it. */
export function answerText(entry: KbEntry): string {
  const lines = [entry.title, entry.answer];
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

/** Why the bot did not answer; each reason has its Swedish text. */
export type DeclineReason = keyof typeof qaText.decline;

export function declineText(reason: DeclineReason): string {
  return qaText.decline[reason];
}
