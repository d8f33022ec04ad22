import { z } from "zod";

// What an activity must look like before it reaches botbuilder. Checked after authentication: an
// authenticated caller with a malformed activity is told which fields are wrong (400), so nothing
// fails deep inside a turn. Optional fields the bot reads are checked for their type too.

const account = z.object({ id: z.string().min(1), aadObjectId: z.string().optional() }).passthrough();
const jsonObject = z.record(z.string(), z.unknown());

export const IncomingActivity = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    conversation: z
      .object({
        id: z.string().min(1),
        tenantId: z.string().optional(),
        conversationType: z.string().optional(),
      })
      .passthrough(),
    from: account.extend({ name: z.string().optional() }),
    recipient: account.optional(),
    name: z.string().optional(),
    action: z.string().optional(),
    text: z.string().max(28000).optional(),
    value: z.union([jsonObject, z.null()]).optional(),
    attachments: z.array(jsonObject).max(50).optional(),
    entities: z.array(jsonObject).max(50).optional(),
    membersAdded: z.array(account).max(500).optional(),
    membersRemoved: z.array(account).max(500).optional(),
    channelData: jsonObject.optional(),
  })
  .passthrough();
export type IncomingActivity = z.infer<typeof IncomingActivity>;

/**
 * The activity's tenant. Teams sends it twice (conversation.tenantId and channelData.tenant.id); when
 * both are present they must agree, or the allow-list could be passed with one and the other used.
 */
export function tenantIdsOf(activity: { conversation?: { tenantId?: string }; channelData?: unknown }): {
  tenantId: string;
  consistent: boolean;
} {
  const fromConversation = activity.conversation?.tenantId || undefined;
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const raw = data?.tenant?.id;
  const fromChannelData = typeof raw === "string" && raw ? raw : undefined;
  const consistent =
    (data?.tenant === undefined || typeof raw === "string") &&
    (!fromConversation || !fromChannelData || fromConversation.toLowerCase() === fromChannelData.toLowerCase());
  return { tenantId: fromConversation ?? fromChannelData ?? "no-tenant", consistent };
}
