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
  /** Admins named in Teams, their audit trail and pending imports: each list is one kind, a single-partition query. */
  admin: { id: "admin", partitionKeyPath: "/kind" },
} satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof containerSpecs;
