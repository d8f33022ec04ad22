import { z } from "zod";

// Documents of the `escalations` container (partition key /kind): questions sent to Välfärd's experts
// ("case") and the link to Välfärd's expert channel ("settings"). Every document read back is
// validated with these schemas.

const Instant = z.string().datetime({ offset: true });
const Name = z.string().max(200);

/** A person as the case needs them: the asker to be answered in personal chat, an expert to be named on the card. */
export const CasePerson = z.object({
  aadObjectId: z.string().min(1).max(100),
  name: Name,
});

export const CaseAsker = CasePerson.extend({
  tenantId: z.string().min(1).max(100),
  /** Teams user id ("29:…") and service URL, to open a personal chat for the answer. */
  userId: z.string().min(1).max(200),
  serviceUrl: z.string().url(),
});

export const CaseStatus = z.enum(["open", "taken", "answered", "closed"]);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const EscalationCase = z.object({
  id: z.string().uuid(),
  kind: z.literal("case"),
  /** Short reference the asker and the experts see ("VF-3F2B8C"). */
  ref: z.string().regex(/^VF-[0-9A-F]{6}$/),
  /** Gone once the asker's personal data was erased (`radera användare`); the question and answer stay. */
  asker: CaseAsker.optional(),
  askerErasedAt: Instant.optional(),
  question: z.string().min(1).max(1000),
  /** What the bot answered the same question, as the expert reads it. */
  botAnswer: z.string().max(400),
  status: CaseStatus,
  createdAt: Instant,
  updatedAt: Instant,
  assignee: CasePerson.optional(),
  answer: z.string().max(4000).optional(),
  answeredBy: CasePerson.optional(),
  answeredAt: Instant.optional(),
  closedBy: CasePerson.optional(),
  closedAt: Instant.optional(),
  /** Whether the answer reached the asker's personal chat. */
  delivered: z.boolean().optional(),
  rating: z.enum(["up", "down"]).optional(),
  /** The card in the expert channel, updated in place as the case moves on. */
  channelPost: z
    .object({
      tenantId: z.string(),
      conversationId: z.string(),
      activityId: z.string(),
      teamId: z.string().optional(),
    })
    .optional(),
  /** Done with in the admins' review queue (turned into a knowledge-base entry, or dismissed). */
  reviewed: z.boolean(),
});
export type EscalationCase = z.infer<typeof EscalationCase>;

export const ExpertChannel = z.object({
  id: z.literal("expert-channel"),
  kind: z.literal("settings"),
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  teamId: z.string().optional(),
  linkedBy: CasePerson,
  linkedAt: Instant,
});
export type ExpertChannel = z.infer<typeof ExpertChannel>;

export const EscalationDoc = z.discriminatedUnion("kind", [EscalationCase, ExpertChannel]);
export type EscalationDoc = z.infer<typeof EscalationDoc>;

/** The reference shown to people, from the case id. */
export const caseRef = (id: string): string => `VF-${id.replace(/-/g, "").slice(0, 6).toUpperCase()}`;
