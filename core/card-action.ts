/**
 * The verb of a card button's data (`{ action: "qa.ask", ... }`), if it has one. Action.Submit sends
 * it in the message value; Action.Execute sends it as the invoke's verb and, on our cards, in the data too.
 */
export function actionOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const action = (value as { action?: unknown }).action;
  return typeof action === "string" ? action : undefined;
}
