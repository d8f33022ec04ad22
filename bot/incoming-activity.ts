import { z } from "zod";

/**
 * The minimum an activity must have before it reaches botbuilder; anything less is answered 400
 * instead of failing deep inside a turn.
 */
export const IncomingActivity = z
  .object({
    type: z.string().min(1),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }).passthrough(),
    from: z.object({ id: z.string().min(1) }).passthrough(),
    recipient: z
      .object({ id: z.string().min(1) })
      .passthrough()
      .optional(),
    text: z.string().max(28000).optional(),
  })
  .passthrough();
