import type { KbEntry, Source } from "../../data/kb/schema";
import * as qaText from "../../core/strings/qa";
import type { DeclineReason } from "./qa-engine";

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
  lines.push(sourceText(entry.source));
  return lines.join("\n");
}

export function declineText(reason: DeclineReason): string {
  return qaText.decline[reason];
}
