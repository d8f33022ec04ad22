// Validates adaptive cards with the official adaptivecards library against schema 1.5.
// The package's lib/ build needs a DOM; its UMD bundle in dist/ loads in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require("adaptivecards/dist/adaptivecards.js");

/** Returns every parse and validation problem of the card; empty when it is valid 1.5. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const c = card as Record<string, unknown>;
  if (c?.type !== "AdaptiveCard") problems.push(`type is ${String(c?.type)}, expected AdaptiveCard`);
  if (c?.version !== "1.5") problems.push(`version is ${String(c?.version)}, expected 1.5`);
  if (JSON.stringify(card).includes("${")) problems.push("unexpanded template binding left in card");
  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  adaptive.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  const result = adaptive.validateProperties();
  for (const e of result.validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}
