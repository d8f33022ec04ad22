import { z } from "zod";
import { GroupId } from "../../data/meetings/schema";
import {
  CaseId,
  CaseKind,
  Decision,
  Forum,
  MAX_DECISION_TEXT,
  MAX_DESCRIPTION,
  MAX_PARTIES,
} from "../../data/cases/schema";
import { containsPersonalNumber } from "../../core/personal-number";

// Card data as it arrives from Teams (Action.Execute data or Action.Submit value): strings, blanks for
// unanswered inputs, and possibly tampered. Parsed strictly; the first problem names what to fix.

const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1).max(max));
const optionalTrimmed = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v),
    z.string().max(max).optional(),
  );

export const RaiseInput = z.object({
  groupId: GroupId,
  kind: CaseKind,
  description: trimmed(MAX_DESCRIPTION),
  parties: trimmed(MAX_PARTIES),
  managersTried: z.enum(["yes", "no"]),
  /** Set by the "Skicka ändå" button after the managers-first reminder. */
  proceed: z.preprocess((v) => v === true || v === "true", z.boolean()).optional(),
});
export type RaiseInput = z.infer<typeof RaiseInput>;

export const CaseRef = z.object({ groupId: GroupId, caseId: CaseId });
export type CaseRef = z.infer<typeof CaseRef>;
/** Buttons that change a case carry the revision the card showed, so a stale card changes nothing. */
const Revision = z.preprocess(
  (v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
  z.number().int().min(1),
);

export const DecideInput = CaseRef.extend({
  revision: Revision,
  decision: Decision,
  decisionText: optionalTrimmed(MAX_DECISION_TEXT),
});
export type DecideInput = z.infer<typeof DecideInput>;

export const OutcomeInput = CaseRef.extend({
  revision: Revision,
  forum: Forum,
  outcome: trimmed(MAX_DECISION_TEXT),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export type RaiseProblem = "group" | "kind" | "description" | "parties" | "managers" | "personalNumber";
export type DecideProblem = "decision" | "decisionText" | "personalNumber" | "malformed";
export type OutcomeProblem = "forum" | "outcome" | "personalNumber" | "malformed";

const firstField = (e: z.ZodError) => String(e.issues[0]?.path[0] ?? "");

export function parseRaise(data: unknown): { ok: true; value: RaiseInput } | { ok: false; problem: RaiseProblem } {
  const parsed = RaiseInput.safeParse(data);
  if (!parsed.success) {
    const f = firstField(parsed.error);
    const problem: RaiseProblem =
      f === "groupId"
        ? "group"
        : f === "kind"
          ? "kind"
          : f === "parties"
            ? "parties"
            : f === "managersTried"
              ? "managers"
              : "description";
    return { ok: false, problem };
  }
  if (containsPersonalNumber(parsed.data.description) || containsPersonalNumber(parsed.data.parties))
    return { ok: false, problem: "personalNumber" };
  return { ok: true, value: parsed.data };
}

export function parseDecide(data: unknown): { ok: true; value: DecideInput } | { ok: false; problem: DecideProblem } {
  const parsed = DecideInput.safeParse(data);
  if (!parsed.success) {
    const f = firstField(parsed.error);
    return { ok: false, problem: f === "decision" ? "decision" : f === "decisionText" ? "decisionText" : "malformed" };
  }
  if (parsed.data.decision === "solved" && !parsed.data.decisionText) return { ok: false, problem: "decisionText" };
  if (parsed.data.decisionText && containsPersonalNumber(parsed.data.decisionText))
    return { ok: false, problem: "personalNumber" };
  return { ok: true, value: parsed.data };
}

export function parseOutcome(
  data: unknown,
): { ok: true; value: OutcomeInput } | { ok: false; problem: OutcomeProblem } {
  const parsed = OutcomeInput.safeParse(data);
  if (!parsed.success) {
    const f = firstField(parsed.error);
    return { ok: false, problem: f === "forum" ? "forum" : f === "outcome" ? "outcome" : "malformed" };
  }
  if (containsPersonalNumber(parsed.data.outcome)) return { ok: false, problem: "personalNumber" };
  return { ok: true, value: parsed.data };
}
