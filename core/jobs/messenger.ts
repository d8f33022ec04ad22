import type { Reply } from "../types";

// The proactive-send contract between the framework-free scheduler and bot/ (which implements it with
// CloudAdapter). Dialogs never see Bot Framework types.

/** Who a proactive message goes to. */
export type SendTarget =
  | { kind: "member"; tenantId: string; aadObjectId: string; userId: string; serviceUrl: string }
  | {
      kind: "conversation";
      tenantId: string;
      conversationId: string;
      /** A channel's team, whose install reaches it. */ teamId?: string;
    };

export interface SendResult {
  conversationId: string;
  activityId?: string;
}

/** A send that Teams (or the network) refused; `statusCode` is absent for network errors. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
    /** From Retry-After on a 429. */
    readonly retryAfterMs?: number,
    /** The conversation involved, when known, so a 403/404 can mark it inactive. */
    readonly conversationId?: string,
  ) {
    super(message);
    this.name = "SendError";
  }
}

export interface Messenger {
  /** One attempt, no retries: throws SendError when refused. */
  send(target: SendTarget, reply: Reply): Promise<SendResult>;
}
