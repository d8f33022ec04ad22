import { createHash } from "node:crypto";
import { z } from "zod";
import type { Container } from "@azure/cosmos";
import { ConflictError, DuplicateError } from "./errors";
import { Repository } from "./repository";

/**
 * A Bot Framework conversation reference, kept as the plain object botbuilder produces so
 * the bot can continue the conversation proactively. Only the fields we rely on are checked.
 */
export const ConversationReferenceDoc = z
  .object({
    channelId: z.string(),
    serviceUrl: z.string().url(),
    conversation: z.object({ id: z.string() }).passthrough(),
    bot: z.object({ id: z.string() }).passthrough().optional(),
    user: z.object({ id: z.string() }).passthrough().optional(),
  })
  .passthrough();

export const ConversationType = z.enum(["personal", "channel", "groupChat"]);
export type ConversationType = z.infer<typeof ConversationType>;

export const ConversationRecord = z.object({
  id: z.string(),
  tenantId: z.string(),
  conversationId: z.string(),
  conversationType: ConversationType,
  /** The user's Entra object id, for personal chats (to reach a member proactively). */
  aadObjectId: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
  reference: ConversationReferenceDoc,
  active: z.boolean(),
  installedAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationRecord = z.infer<typeof ConversationRecord>;

/** Teams conversation ids contain characters Cosmos ids may not ('/', '#', '?'): hash them. */
function conversationDocId(conversationId: string): string {
  return createHash("sha256").update(conversationId).digest("hex").slice(0, 40);
}

/**
 * A channel's or group chat's reference is kept without `user`, the person whose activity announced the
 * install: posting there needs the conversation, the bot and the service URL, not who added the bot.
 */
function withoutInstaller<T extends Pick<ConversationRecord, "conversationType" | "reference">>(input: T): T {
  if (input.conversationType === "personal" || !input.reference.user) return input;
  const { user: _installer, ...reference } = input.reference;
  return { ...input, reference };
}

/** Conversation references of every install, partitioned by tenant. */
export class ConversationStore {
  private readonly repo: Repository<typeof ConversationRecord>;

  constructor(
    container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new Repository(container, ConversationRecord, (d) => d.tenantId);
  }

  /**
   * Records (or refreshes) an install. `activated` is true for exactly one caller when the conversation
   * was unknown or inactive: Teams announces an install twice (installationUpdate and conversationUpdate)
   * at the same moment, and only one of them may welcome the user. Create-if-absent and etag replace
   * make that hold across instances too.
   */
  async saveInstall(
    input: Omit<ConversationRecord, "id" | "active" | "installedAt" | "updatedAt">,
  ): Promise<{ record: ConversationRecord; activated: boolean }> {
    const id = conversationDocId(input.conversationId);
    for (let attempt = 1; ; attempt++) {
      const at = this.now().toISOString();
      const existing = await this.repo.read(id, input.tenantId);
      const doc: ConversationRecord = {
        ...withoutInstaller(input),
        id,
        active: true,
        installedAt: existing?.doc.installedAt ?? at,
        updatedAt: at,
      };
      try {
        if (!existing) return { record: (await this.repo.create(doc)).doc, activated: true };
        return { record: (await this.repo.replace(doc, existing.etag)).doc, activated: !existing.doc.active };
      } catch (err) {
        // Another turn wrote first; read again (it is now active, so this caller does not welcome).
        if ((err instanceof DuplicateError || err instanceof ConflictError) && attempt < 5) continue;
        throw err;
      }
    }
  }

  /** Marks a conversation inactive (uninstall, or Teams answered 403/404); returns false when unknown. */
  async markInactive(tenantId: string, conversationId: string): Promise<boolean> {
    const existing = await this.repo.read(conversationDocId(conversationId), tenantId);
    if (!existing) return false;
    if (!existing.doc.active) return true;
    await this.repo.upsert({ ...existing.doc, active: false, updatedAt: this.now().toISOString() });
    return true;
  }

  async get(tenantId: string, conversationId: string): Promise<ConversationRecord | undefined> {
    return (await this.repo.read(conversationDocId(conversationId), tenantId))?.doc;
  }

  /** The active install of a team (recorded on its General channel, whose id is the team id). */
  async teamInstall(tenantId: string, teamId: string): Promise<ConversationRecord | undefined> {
    const direct = await this.get(tenantId, teamId);
    if (direct) return direct;
    const found = await this.repo.query(
      "SELECT * FROM c WHERE c.tenantId = @t AND c.teamId = @team",
      [
        { name: "@t", value: tenantId },
        { name: "@team", value: teamId },
      ],
      tenantId,
    );
    return found.map((s) => s.doc).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  /** The active personal chat with a user, for proactive messages. */
  async personalFor(tenantId: string, aadObjectId: string): Promise<ConversationRecord | undefined> {
    const found = await this.repo.query(
      "SELECT * FROM c WHERE c.tenantId = @t AND c.aadObjectId = @u AND c.conversationType = 'personal' AND c.active = true",
      [
        { name: "@t", value: tenantId },
        { name: "@u", value: aadObjectId },
      ],
      tenantId,
    );
    return found.map((s) => s.doc).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  /**
   * Active personal chats with a user in any tenant (admins are configured by object id alone). Crosses
   * partitions, so it is for rare sends such as the admins' fallback, not per message.
   */
  async personalChatsOf(aadObjectId: string): Promise<ConversationRecord[]> {
    const ids = [...new Set([aadObjectId, aadObjectId.toLowerCase()])];
    const found = await this.repo.query(
      "SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.aadObjectId) AND c.conversationType = 'personal' AND c.active = true",
      [{ name: "@ids", value: ids }],
    );
    return found.map((s) => s.doc);
  }

  /**
   * Retention: deletes the references of chats the bot was removed from (uninstalled, or Teams answered
   * 403/404) before `before`. Crosses the tenant partitions: it runs once a day.
   */
  async purgeInactiveBefore(before: Date): Promise<number> {
    return this.repo.deleteWhere("SELECT * FROM c WHERE c.active = false AND c.updatedAt < @before", [
      { name: "@before", value: before.toISOString() },
    ]);
  }

  /** Erasure: every chat record of a person (personal chats carry their object id), active or not. */
  async personalRecordsOf(aadObjectId: string): Promise<ConversationRecord[]> {
    const ids = [...new Set([aadObjectId, aadObjectId.toLowerCase()])];
    const found = await this.repo.query("SELECT * FROM c WHERE ARRAY_CONTAINS(@ids, c.aadObjectId)", [
      { name: "@ids", value: ids },
    ]);
    return found.map((s) => s.doc);
  }

  /**
   * Erasure: channel and group-chat records that still name a person as the one who installed the bot
   * (stored before such references were kept without the installer).
   */
  async installsNaming(aadObjectId: string): Promise<ConversationRecord[]> {
    const found = await this.repo.query(
      "SELECT * FROM c WHERE c.conversationType <> 'personal' AND ARRAY_CONTAINS(@ids, c.reference.user.aadObjectId)",
      [{ name: "@ids", value: [...new Set([aadObjectId, aadObjectId.toLowerCase()])] }],
    );
    return found.map((s) => s.doc);
  }

  /** Takes the installer off a channel's or group chat's record; false when it no longer names anyone. */
  async forgetInstaller(record: Pick<ConversationRecord, "id" | "tenantId">): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const existing = await this.repo.read(record.id, record.tenantId);
      if (!existing?.doc.reference.user || existing.doc.conversationType === "personal") return false;
      try {
        await this.repo.replace(withoutInstaller(existing.doc), existing.etag);
        return true;
      } catch (err) {
        if (err instanceof ConflictError && attempt < 5) continue;
        throw err;
      }
    }
  }

  /** Every personal chat (for finding a person by the name Teams gave; a rare admin search across tenants). */
  async personalChats(): Promise<ConversationRecord[]> {
    return (await this.repo.query("SELECT * FROM c WHERE c.conversationType = 'personal'")).map((s) => s.doc);
  }

  async remove(record: Pick<ConversationRecord, "id" | "tenantId">): Promise<boolean> {
    return this.repo.delete(record.id, record.tenantId);
  }

  async listActive(tenantId: string): Promise<ConversationRecord[]> {
    const found = await this.repo.query(
      "SELECT * FROM c WHERE c.tenantId = @t AND c.active = true",
      [{ name: "@t", value: tenantId }],
      tenantId,
    );
    return found.map((s) => s.doc);
  }
}
