import { z } from "zod";
import { GroupId, UtcInstant } from "../meetings/schema";

// Documents of the evaluation feature (indicator 2b), container "evaluations" (partition /year).
//
// Privacy design: an answer is stored under a keyed hash of (meeting, respondent) and carries nothing
// else that points at the person: no Entra id, no name, no Teams id, no link to the invitation. Who was
// invited is kept in separate "invitation" documents whose ids are keyed hashes under a different key,
// so without the secret an invitation cannot be matched to an answer (nor either to a person).

export const Score = z.number().int().min(1).max(5);
export type Score = z.infer<typeof Score>;

export const OrgType = z.enum(["kommun", "region", "annan"]);
export type OrgType = z.infer<typeof OrgType>;

export const Gender = z.enum(["kvinna", "man", "annan", "vill-inte-uppge"]);
export type Gender = z.infer<typeof Gender>;

export const MAX_COMMENT = 1000;

/** Calendar year in Stockholm of the meeting, as the partition key value ("2026"). */
export const Year = z.string().regex(/^\d{4}$/);

/** Hex HMAC-SHA256, the only identifier an answer or an invitation has. */
export const KeyedId = z.string().regex(/^[0-9a-f]{64}$/, "must be a keyed hash");

/** What a respondent said about one meeting. The latest submission replaces earlier ones. */
export const EvaluationAnswer = z.strictObject({
  id: KeyedId,
  type: z.literal("answer"),
  year: Year,
  groupId: GroupId,
  meetingId: z.string().min(1).max(80),
  /** "Samverkan på lokal nivå är välfungerande." */
  q1: Score,
  /** "Mötets innehåll var relevant för min verksamhet." */
  q2: Score,
  comment: z.string().max(MAX_COMMENT).optional(),
  orgType: OrgType,
  gender: Gender.optional(),
  /**
   * The day this version was submitted (Stockholm midnight as a UTC instant, never the exact time, which
   * could be matched to other traces of the person): an older submission never replaces a newer day's.
   */
  submittedAt: UtcInstant,
});
export type EvaluationAnswer = z.infer<typeof EvaluationAnswer>;

/** That someone was sent the evaluation of a meeting (counts "invited"); nothing about their answer. */
export const EvaluationInvitation = z.strictObject({
  id: KeyedId,
  type: z.literal("invitation"),
  year: Year,
  groupId: GroupId,
  meetingId: z.string().min(1).max(80),
  /** When the meeting's survey opened (the same for every invitation of the meeting, late joiners too). */
  invitedAt: UtcInstant,
});
export type EvaluationInvitation = z.infer<typeof EvaluationInvitation>;
