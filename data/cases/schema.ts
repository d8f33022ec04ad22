import { z } from "zod";
import { GroupId, UtcInstant } from "../meetings/schema";

// Samverkansärenden: difficulties in cooperation raised by staff, handled by the county part's VuS group
// and, when of county-wide interest, lifted to Välfärd. Container "cases" (partition /groupId): the
// coordinator's screens and the meeting agenda read one group; the yearly follow-up reads four partitions.

export const CaseKind = z.enum(["samverkan", "tolkning", "avvikelse", "tvist", "utveckling"]);
export type CaseKind = z.infer<typeof CaseKind>;

/** open → solved | lifted | closed (the VuS group's decision); a lifted case later gets a regional outcome. */
export const CaseStatus = z.enum(["open", "solved", "lifted", "closed"]);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const Decision = z.enum(["solved", "lifted", "closed"]);
export type Decision = z.infer<typeof Decision>;

/** Where Välfärd took a lifted case (the agreement's regional forums). */
export const Forum = z.enum(["chefsforum", "biv", "funktionshinder", "politiskt", "valfard", "annat"]);
export type Forum = z.infer<typeof Forum>;

export const CaseId = z.string().regex(/^20\d\d-[0-9a-f]{8}$/, "year and 8 hex digits");

export const MAX_DESCRIPTION = 2000;
export const MAX_PARTIES = 300;
export const MAX_DECISION_TEXT = 1000;

/** The person who raised it: enough to tell them about each step in personal chat. */
export const Reporter = z.object({
  tenantId: z.string().min(1),
  aadObjectId: z.string().min(1),
  userId: z.string().min(1),
  serviceUrl: z.string().url(),
  name: z.string().max(200),
});

export const CaseStep = z.enum(["raised", "decided", "outcome"]);
export type CaseStep = z.infer<typeof CaseStep>;

export const CaseEvent = z.object({
  /** The case's revision after this step; notice jobs carry it, so a job can tell its step was written. */
  revision: z.number().int().min(1),
  step: CaseStep,
  at: UtcInstant,
  byName: z.string().max(200),
});

export const Case = z.object({
  id: CaseId,
  type: z.literal("case"),
  groupId: GroupId,
  /** Calendar year (Stockholm) when raised: the yearly follow-up counts it there. */
  year: z.string().regex(/^20\d\d$/),
  kind: CaseKind,
  description: z.string().min(1).max(MAX_DESCRIPTION),
  parties: z.string().min(1).max(MAX_PARTIES),
  /** The agreement's first step: have the responsible managers tried to solve it? */
  managersTried: z.boolean(),
  reporter: Reporter,
  status: CaseStatus,
  raisedAt: UtcInstant,
  decision: z
    .object({
      decision: Decision,
      text: z.string().max(MAX_DECISION_TEXT).optional(),
      at: UtcInstant,
      byName: z.string().max(200),
    })
    .optional(),
  regional: z
    .object({
      forum: Forum,
      outcome: z.string().min(1).max(MAX_DECISION_TEXT),
      at: UtcInstant,
      byName: z.string().max(200),
    })
    .optional(),
  revision: z.number().int().min(1),
  history: z.array(CaseEvent).max(10),
  updatedAt: UtcInstant,
});
export type Case = z.infer<typeof Case>;

/** A case is finished when nothing more will happen to it: decided locally or closed, or lifted with an outcome. */
export function finishedAt(c: Case): string | undefined {
  if (c.status === "solved" || c.status === "closed") return c.decision?.at;
  if (c.status === "lifted") return c.regional?.at;
  return undefined;
}
