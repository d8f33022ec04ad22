import { z } from "zod";
import { EntryId } from "../../data/kb/schema";

// The data the answer cards' buttons send back (cards/answer.json, cards/decline.json). Teams passes
// it through unchanged, so it is user input like any other and is validated before anything is done.

/** 👍/👎 under an answer. */
export const FeedbackSubmission = z.object({
  action: z.literal("feedback"),
  entryId: EntryId,
  vote: z.enum(["up", "down"]),
  question: z.string().max(600),
});

/** "Menade du…?" and related-question buttons (messageBack: the text comes too). */
export const AskSubmission = z.object({
  action: z.literal("ask"),
  entryId: EntryId,
});

export const QaSubmission = z.discriminatedUnion("action", [FeedbackSubmission, AskSubmission]);
export type QaSubmission = z.infer<typeof QaSubmission>;

export const QA_ACTIONS: readonly string[] = ["feedback", "ask"];

/** The `action` of a card submission, if it has one. */
export function actionOf(value: unknown): string | undefined {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  return typeof value === "object" && typeof action === "string" ? action : undefined;
}
