import { z } from "zod";

// Documents of the VuS feature. Container "vus" (partition /groupId) holds groups, members, meetings
// and RSVPs; container "jobs" (partition /jobId) holds scheduled jobs and their delivery records.
// Every document has a `type` so several schemas can share a container; queries always filter on it.

/** UTC instant as produced by Date.toISOString(): fixed width, so string order is time order in queries. */
export const UtcInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, "must be an ISO UTC instant");

export const GroupId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "lowercase letters, digits and -");

/** A meeting's id (a UUID when the bot creates it): no characters Cosmos ids or URLs treat specially. */
export const MeetingId = z.string().regex(/^[A-Za-z0-9-]{8,80}$/, "letters, digits and -");

/** An Entra object id: a GUID in Teams (either case); local clients send similar hex-and-dash ids. */
export const AadObjectId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "letters, digits and -");

/**
 * A conversation the bot can post into proactively (a team channel linked to a group). Teams records
 * the install once per team, so a channel other than General is reached through the team's record.
 */
export const ConversationPointer = z.object({
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  teamId: z.string().min(1).optional(),
});

export const Group = z.object({
  id: GroupId,
  type: z.literal("group"),
  groupId: GroupId,
  name: z.string().min(1).max(60),
  /** Municipalities of the county part; each must be represented (individ och familj, socialpsykiatri). */
  municipalities: z.array(z.string().min(1).max(60)).min(1).max(12),
  channel: ConversationPointer.optional(),
  updatedAt: UtcInstant,
});
export type Group = z.infer<typeof Group>;

/** The functions the agreement ("Lokal samverkan") names for a VuS group, plus invited guests. */
export const MemberFunction = z.enum([
  "ifo",
  "socialpsykiatri",
  "ifo-socialpsykiatri",
  "vuxenpsykiatri",
  "habilitering",
  "vardcentral",
  "samordnare",
  "ovrig",
]);
export type MemberFunction = z.infer<typeof MemberFunction>;

export const MemberRole = z.enum(["member", "coordinator"]);

export const Member = z.object({
  /** `member.<aadObjectId>`: one membership per person and group. */
  id: z.string(),
  type: z.literal("member"),
  groupId: GroupId,
  tenantId: z.string().min(1),
  aadObjectId: z.string().min(1),
  /** Teams user id (29:...) and service URL, to open a personal chat when none is stored yet. */
  userId: z.string().min(1),
  serviceUrl: z.string().url(),
  name: z.string().max(200),
  /** A municipality of the group, "Region Västmanland" or another organisation. */
  organisation: z.string().min(1).max(100),
  function: MemberFunction,
  role: MemberRole,
  joinedAt: UtcInstant,
  updatedAt: UtcInstant,
});
export type Member = z.infer<typeof Member>;

/** Someone asking to join a group; a coordinator of the group or an admin approves or denies it. */
export const JoinRequest = Member.pick({
  groupId: true,
  tenantId: true,
  aadObjectId: true,
  userId: true,
  serviceUrl: true,
  name: true,
  organisation: true,
  function: true,
}).extend({
  /** `request.<aadObjectId>`: one open request per person and group. */
  id: z.string(),
  type: z.literal("joinRequest"),
  requestedAt: UtcInstant,
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const MeetingStatus = z.enum(["planned", "cancelled", "notHeld"]);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const Meeting = z.object({
  id: MeetingId,
  type: z.literal("meeting"),
  groupId: GroupId,
  start: UtcInstant,
  durationMinutes: z.number().int().min(15).max(480),
  place: z.string().max(200).optional(),
  onlineUrl: z.string().url().max(2000).optional(),
  theme: z.string().max(200).optional(),
  agenda: z.array(z.string().min(1).max(300)).max(20),
  status: MeetingStatus,
  /** Where and when the meeting was before its latest move, for the update card. */
  movedFrom: z
    .object({
      start: UtcInstant,
      durationMinutes: z.number().int().min(15).max(480),
      place: z.string().max(200).optional(),
    })
    .optional(),
  /** Bumped on every move; scheduled jobs of older revisions are cancelled. */
  revision: z.number().int().min(1),
  createdBy: z.string(),
  createdAt: UtcInstant,
  updatedBy: z.string(),
  updatedAt: UtcInstant,
});
export type Meeting = z.infer<typeof Meeting>;

export const RsvpAnswer = z.enum(["attending", "declined", "substitute"]);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;

export const Rsvp = z.object({
  /** `rsvp.<meetingId>.<aadObjectId>`: the latest answer wins. */
  id: z.string(),
  type: z.literal("rsvp"),
  groupId: GroupId,
  meetingId: z.string(),
  aadObjectId: z.string(),
  name: z.string().max(200),
  answer: RsvpAnswer,
  answeredAt: UtcInstant,
});
export type Rsvp = z.infer<typeof Rsvp>;

/**
 * Kinds of scheduled work; each has a handler registered by its feature, and the claim, lease and
 * delivery machinery (core/jobs) is shared.
 */
export const JobKind = z.enum([
  "reminder",
  "meetingUpdate",
  "representationCheck",
  "evaluation",
  "caseNotice",
  "escalationReminder",
  "retention",
]);
export type JobKind = z.infer<typeof JobKind>;

export const JobStatus = z.enum(["pending", "running", "done", "expired", "cancelled"]);
export type JobStatus = z.infer<typeof JobStatus>;

export const DeliveryCounts = z.object({
  sent: z.number().int().min(0),
  failed: z.number().int().min(0),
  inactive: z.number().int().min(0),
  /** Recipients not reached because the meeting started first. */
  expired: z.number().int().min(0),
});
export type DeliveryCounts = z.infer<typeof DeliveryCounts>;

/** noCoordinator: the check went to the admins instead; noRecipient: it reached nobody at all. */
export const JobProblem = z.enum(["noCoordinator", "noRecipient"]);
export type JobProblem = z.infer<typeof JobProblem>;

export const ScheduledJob = z.object({
  /** Deterministic: `<meetingId>.r<revision>.<kind>.<key>`, so planning twice creates one job. */
  id: z.string(),
  jobId: z.string(),
  type: z.literal("job"),
  kind: JobKind,
  groupId: GroupId,
  meetingId: z.string(),
  meetingRevision: z.number().int().min(1),
  /** Reminder offset ("7d"), update reason ("moved", "cancelled") or similar. */
  key: z.string().max(40),
  dueAt: UtcInstant,
  /** Nothing is sent at or after this instant (the meeting's start for reminders). */
  notAfter: UtcInstant,
  status: JobStatus,
  owner: z.string().optional(),
  leaseUntil: UtcInstant.optional(),
  runs: z.number().int().min(0),
  counts: DeliveryCounts.optional(),
  /** Something a coordinator or admin should fix, shown in `leveranser`. */
  problem: JobProblem.optional(),
  createdAt: UtcInstant,
  finishedAt: UtcInstant.optional(),
});
export type ScheduledJob = z.infer<typeof ScheduledJob>;

export const DeliveryStatus = z.enum(["sending", "sent", "failed", "inactive"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const Delivery = z.object({
  /**
   * Keyed hash of (jobId, recipient) (JobStore.deliveryIdOf): the create-if-absent claim that makes each
   * send happen once. Nothing else in the record names the recipient.
   */
  id: z.string(),
  jobId: z.string(),
  type: z.literal("delivery"),
  status: DeliveryStatus,
  owner: z.string(),
  /** While sending: when the claim was taken (a stale claim is taken over). Once finished: the job's due time. */
  claimedAt: UtcInstant,
  attempts: z.number().int().min(0),
  lastStatusCode: z.number().int().optional(),
  /** The job's due time, the same on every record of the job. */
  finishedAt: UtcInstant.optional(),
});
export type Delivery = z.infer<typeof Delivery>;

/** The default county parts shipped in groups.json (Välfärd must confirm the split). */
export const GroupsFile = z.object({
  confirmed: z.boolean(),
  groups: z
    .array(z.object({ id: GroupId, name: z.string().min(1), municipalities: z.array(z.string().min(1)).min(1) }))
    .length(4),
});
