import type { Container } from "@azure/cosmos";
import { createHash } from "node:crypto";
import { statusCodeOf } from "./errors";

// Retention of the Bot Framework turn state (container botState, written by bot/cosmos-storage.ts):
// conversation memory such as the last question answered, kept only while a chat is in use.

/**
 * Deletes state not written since `before` (`savedAt`; documents from before that stamp existed fall
 * back to Cosmos's own last-modified `_ts`). Crosses partitions (the partition is the id): once a day.
 */
export async function purgeBotState(container: Container, before: Date): Promise<number> {
  const { resources } = await container.items
    .query<{ id: string }>({
      query:
        "SELECT c.id FROM c WHERE (IS_DEFINED(c.savedAt) AND c.savedAt < @before) OR (NOT IS_DEFINED(c.savedAt) AND c._ts < @ts)",
      parameters: [
        { name: "@before", value: before.toISOString() },
        { name: "@ts", value: Math.floor(before.getTime() / 1000) },
      ],
    })
    .fetchAll();
  let deleted = 0;
  for (const { id } of resources) {
    try {
      await container.item(id, id).delete();
      deleted++;
    } catch (err) {
      if (statusCodeOf(err) !== 404) throw err;
    }
  }
  return deleted;
}

/** Erasure: deletes the turn state of one conversation; false when there was none. */
export async function deleteConversationState(
  container: Container,
  channelId: string,
  conversationId: string,
): Promise<boolean> {
  const id = createHash("sha256").update(conversationStateKey(channelId, conversationId)).digest("hex");
  try {
    await container.item(id, id).delete();
    return true;
  } catch (err) {
    if (statusCodeOf(err) === 404) return false;
    throw err;
  }
}

/** The storage key botbuilder's ConversationState uses for a conversation (for erasure of a person's chats). */
export const conversationStateKey = (channelId: string, conversationId: string) =>
  `${channelId}/conversations/${conversationId}/`;
