import { qaText } from "../core/strings";
import type { KbEntry } from "../data/kb/schema";
import { answerCard } from "./answer-cards";
import type { CardAttachment } from "../core/types";

/** Drops every button and the feedback prompt: a card shared into a chat answers, it does not ask the bot back. */
function withoutActions(node: unknown): unknown {
  if (Array.isArray(node))
    return node
      .filter((n) => {
        const el = n as { type?: string; text?: string } | null;
        return !(el?.type === "ActionSet" || (el?.type === "TextBlock" && el.text === qaText.feedback.prompt));
      })
      .map(withoutActions);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== "actions" && k !== "selectAction") out[k] = withoutActions(v);
  return out;
}

/**
 * The answer card as the message extension inserts it into a conversation: the same layout and source
 * line as the bot's answer, without the buttons (in a chat the bot may not be part of, they would fail).
 */
export function sharedAnswerCard(entry: KbEntry): CardAttachment {
  const card = answerCard({ entry, question: entry.title, alternatives: [], related: [], unsure: false });
  return { ...card, content: withoutActions(card.content) as Record<string, unknown> };
}
