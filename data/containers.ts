// Every Cosmos container the bot uses, with the partition key chosen for its queries.
// The reasoning for each key is in the README ("Data model").

export interface ContainerSpec {
  id: string;
  partitionKeyPath: string;
}

export const containerSpecs = {
  /** Bot Framework turn state (botbuilder Storage): pure key-value, so the key is the partition. */
  botState: { id: "botState", partitionKeyPath: "/id" },
  /** Conversation references from installs: all of a tenant together, as proactive fan-out lists a tenant's conversations. */
  conversations: { id: "conversations", partitionKeyPath: "/tenantId" },
  /** Knowledge-base entries: read whole at start-up and point-read by id when edited. */
  knowledge: { id: "knowledge", partitionKeyPath: "/id" },
  /** Feedback and unanswered questions for the admins' review queue, listed per kind. */
  feedback: { id: "feedback", partitionKeyPath: "/kind" },
  /**
   * VuS groups with their members, meetings and RSVPs, one logical partition per group: every screen
   * (members of a group, its meetings, the RSVPs of a meeting) is a single-partition query, and a group
   * is small (tens of members, a handful of meetings a year). Documents carry a `type` discriminator.
   */
  vus: { id: "vus", partitionKeyPath: "/groupId" },
  /**
   * Scheduled jobs (reminders, update cards, representation checks; evaluations later) and their
   * per-recipient delivery records, one partition per job: a job's claim, its deliveries and its
   * delivery report stay together. Only the scheduler's "what is due" query crosses partitions.
   */
  jobs: { id: "jobs", partitionKeyPath: "/jobId" },
  /**
   * Meeting evaluations (indicator 2b): pseudonymous answers and, apart from them, invitations, one logical
   * partition per calendar year (Stockholm) of the meeting. The report is per year ("rapport 2b 2026",
   * all groups or one), so it is a single-partition query; a year holds a few hundred documents
   * (4 groups x ~6 meetings x ~20 members), far from any partition limit, and writes are a trickle.
   */
  evaluations: { id: "evaluations", partitionKeyPath: "/year" },
  /** Admins named in Teams, their audit trail and pending imports: each list is one kind, a single-partition query. */
  admin: { id: "admin", partitionKeyPath: "/kind" },
  /**
   * Samverkansärenden, one logical partition per VuS group: the coordinator's list and the meeting
   * agenda read one group; a person's own cases and the yearly follow-up read the four partitions.
   * Finished cases are deleted after CASES_RETENTION_DAYS (the gallring job, dialogs/cases/module.ts).
   */
  cases: { id: "cases", partitionKeyPath: "/groupId" },
  /**
   * Questions sent to Välfärd's experts ("case") and the link to their expert channel ("settings"),
   * partitioned by kind: the experts' list and the review queue are one single-partition query over a
   * trickle of cases (tens a month), and a case is point-read by id with its kind. A case names its
   * asker (the expert must answer them), so it is deleted 365 days after it was answered or closed
   * (EscalationStore.purgeExpired, run daily).
   */
  escalations: { id: "escalations", partitionKeyPath: "/kind" },
  /**
   * How often each knowledge-base entry was answered, per month and instance (counts only, no question
   * or person), for the message extension's "most asked" list: one partition per month, as the list
   * reads the last three months. Deleted after 13 months (AskTally.purgeExpired, run daily).
   */
  askCounts: { id: "askCounts", partitionKeyPath: "/month" },
} satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containerSpecs;
