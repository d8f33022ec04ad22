import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type ConversationParameters,
} from "botbuilder";
import type { ConversationStore } from "../data/conversations";
import { SendError, type Messenger, type SendResult, type SendTarget } from "../core/jobs/messenger";
import type { Reply } from "../core/types";
import { toActivity } from "./teams-bot";

function toSendError(err: unknown, conversationId?: string): SendError {
  if (err instanceof SendError) return err;
  const e = err as {
    statusCode?: number;
    response?: { headers?: { get?: (h: string) => string | undefined } };
    message?: string;
  };
  const status = typeof e?.statusCode === "number" ? e.statusCode : undefined;
  const header = e?.response?.headers?.get?.("retry-after");
  let retryAfterMs: number | undefined;
  if (header) {
    const seconds = Number(header);
    retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(header) - Date.now());
  }
  return new SendError(e?.message ?? "send failed", status, retryAfterMs, conversationId);
}

/**
 * Proactive sends with CloudAdapter: continueConversationAsync on a stored reference, or
 * createConversationAsync to open a personal chat with a member who has none stored yet.
 * One attempt per call; the retry policy lives in dialogs/meetings/retry.ts.
 */
export class ProactiveMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string | undefined,
    private readonly conversations: ConversationStore,
  ) {}

  async send(target: SendTarget, reply: Reply): Promise<SendResult> {
    if (target.kind === "conversation") return this.continueWith(await this.referenceFor(target), reply);
    const personal = await this.conversations.personalFor(target.tenantId, target.aadObjectId);
    if (personal) return this.continueWith(personal.reference as unknown as ConversationReference, reply);
    return this.createPersonal(target, reply);
  }

  /** Replaces a message the bot posted in a conversation (for everyone in it). One attempt. */
  async update(target: Extract<SendTarget, { kind: "conversation" }>, activityId: string, reply: Reply): Promise<void> {
    const reference = await this.referenceFor(target);
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId ?? "", reference, async (context) => {
      try {
        await context.updateActivity({
          ...toActivity(reply),
          id: activityId,
          conversation: reference.conversation,
        } as Partial<Activity>);
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw toSendError(failure, target.conversationId);
  }

  private async referenceFor(target: Extract<SendTarget, { kind: "conversation" }>): Promise<ConversationReference> {
    const own = await this.conversations.get(target.tenantId, target.conversationId);
    const record =
      own ?? (target.teamId ? await this.conversations.teamInstall(target.tenantId, target.teamId) : undefined);
    if (!record?.active) throw new SendError("conversation not installed", 404, undefined, target.conversationId);
    const stored = record.reference as unknown as ConversationReference;
    // A channel of the team: the team install's service URL and bot, the channel as conversation.
    return own ? stored : { ...stored, conversation: { ...stored.conversation, id: target.conversationId } };
  }

  private async continueWith(reference: ConversationReference, reply: Reply): Promise<SendResult> {
    const conversationId = reference.conversation.id;
    let failure: unknown;
    let activityId: string | undefined;
    // Errors inside the callback would go to onTurnError and vanish; keep them for the retry policy.
    await this.adapter.continueConversationAsync(this.appId ?? "", reference, async (context) => {
      try {
        activityId = (await context.sendActivity(toActivity(reply)))?.id;
      } catch (err) {
        failure = err;
      }
    });
    if (failure) throw toSendError(failure, conversationId);
    return { conversationId, activityId };
  }

  private async createPersonal(target: Extract<SendTarget, { kind: "member" }>, reply: Reply): Promise<SendResult> {
    const parameters = {
      isGroup: false,
      bot: { id: this.appId ? `28:${this.appId}` : "28:bot", name: "Samverkansboten" },
      members: [{ id: target.userId, name: "" }],
      tenantId: target.tenantId,
      channelData: { tenant: { id: target.tenantId } },
    } as ConversationParameters;
    let failure: unknown;
    let result: SendResult | undefined;
    try {
      await this.adapter.createConversationAsync(
        this.appId ?? "",
        "msteams",
        target.serviceUrl,
        "",
        parameters,
        async (context) => {
          try {
            const reference = TurnContext.getConversationReference(context.activity);
            await this.conversations.saveInstall({
              tenantId: target.tenantId,
              conversationId: context.activity.conversation.id,
              conversationType: "personal",
              aadObjectId: target.aadObjectId,
              reference: JSON.parse(JSON.stringify(reference)),
            });
            const sent = await context.sendActivity(toActivity(reply));
            result = { conversationId: context.activity.conversation.id, activityId: sent?.id };
          } catch (err) {
            failure = err;
          }
        },
      );
    } catch (err) {
      // Creating the chat failed (e.g. 403: the app is not installed for this user).
      throw toSendError(err);
    }
    if (failure || !result) throw toSendError(failure ?? new Error("no conversation created"));
    return result;
  }
}
