import { z } from "zod";
import { EntryId } from "../../data/kb/schema";

// The data the answer cards' buttons send back (cards/answer.json, cards/decline.json). Teams passes
// it through unchanged, so it is user input like any other and is validated before anything is done.

/** 👍/👎 under an answer. */
export const FeedbackSubmission = z.object({
  action: z.literal("qa.feedback"),
  entryId: EntryId,
  vote: z.enum(["up", "down"]),
  question: z.string().max(600),
  /** The bot's signature over entry and question (QuestionSigner): the question is the one it answered. */
  sig: z.string().max(64).optional(),
});

/**
 * Example, "Menade du…?" and related-question buttons. Plain Action.Submit data rather than msteams
 * imBack/messageBack: Teams and the Agents Playground both deliver it. The question is asked again
 * when the entry is gone (retired since the card was sent) or the button names none (examples).
 */
export const AskSubmission = z.object({
  action: z.literal("qa.ask"),
  entryId: EntryId.optional(),
  question: z.string().trim().min(1).max(600),
});

/**
 * 👍/👎 as Action.Execute: the vote plus what the card showed (its "Menade du…?" entries and whether it
 * was a best guess), so the card that replaces it looks the same with a thank-you instead of the buttons.
 */
export const FeedbackExecute = FeedbackSubmission.extend({
  alts: z
    .string()
    .max(400)
    .regex(/^([a-z0-9-]+(,[a-z0-9-]+)*)?$/)
    .optional(),
  unsure: z.boolean().optional(),
});

export const QaSubmission = z.discriminatedUnion("action", [FeedbackSubmission, AskSubmission]);
export type QaSubmission = z.infer<typeof QaSubmission>;
