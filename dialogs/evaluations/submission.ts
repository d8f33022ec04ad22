import { z } from "zod";
import { Gender, MAX_COMMENT, OrgType } from "../../data/evaluations/schema";
import { GroupId, MeetingId } from "../../data/meetings/schema";

// The evaluation card's data as it arrives from Teams (Action.Execute invoke data or Action.Submit
// message value): every input is a string, unanswered inputs are "" or missing, and anything may have
// been tampered with. Parsed strictly; the first problem names what the user must fix.

export type EvaluationAction = "evaluation.submit" | "evaluation.edit";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const ScoreInput = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number().int().min(1).max(5),
);

/** Identifies the meeting; present on every evaluation button. */
export const MeetingRef = z.object({
  groupId: GroupId,
  meetingId: MeetingId,
});
export type MeetingRef = z.infer<typeof MeetingRef>;

export const SubmissionInput = MeetingRef.extend({
  q1: ScoreInput,
  q2: ScoreInput,
  comment: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v),
    z.string().max(MAX_COMMENT).optional(),
  ),
  orgType: OrgType,
  gender: z.preprocess(blankToUndefined, Gender.optional()),
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

export type SubmissionProblem = "scores" | "comment" | "orgType" | "gender" | "malformed";

export type ParsedSubmission = { ok: true; value: SubmissionInput } | { ok: false; problem: SubmissionProblem };

export function parseSubmission(data: unknown): ParsedSubmission {
  const parsed = SubmissionInput.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  if (field === "q1" || field === "q2") return { ok: false, problem: "scores" };
  if (field === "comment" || field === "orgType" || field === "gender") return { ok: false, problem: field };
  return { ok: false, problem: "malformed" };
}
