import * as qaText from "../../core/strings/qa";
import { declineText, nearestSections, quoteText, situationText } from "../../cards/answer-text";
import type { QaResult } from "./qa-engine";

/** The notice for a detail the agreement does not give, if the result has one. */
export function silentNotice(result: QaResult): string | undefined {
  if (result.outcome === "decline" || !result.silentOn) return undefined;
  const name = result.entry.title.split(/\s+[–-]\s+|\s*\(/)[0];
  return qaText.silentOn[result.silentOn](name);
}

/** What the user reads first for a result, in the order its card shows it. */
export function resultText(result: QaResult): string {
  if (result.outcome === "decline") {
    if (result.passage) return quoteText(result.passage);
    const lines = [declineText(result.reason, result.scope)];
    if (result.reason === "no-match" && result.alternatives.length > 0) {
      lines.push(`${qaText.nearestSections}:`);
      for (const s of nearestSections(result.alternatives)) lines.push(s);
    }
    return lines.join("\n");
  }
  return situationText(result.entry, result.also ?? [], silentNotice(result));
}
