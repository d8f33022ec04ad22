import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type FileConsentCardResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type StatePropertyAccessor,
  type InvokeResponse,
  type Storage,
} from "botbuilder";
import type { BackgroundWrites } from "../core/background-writes";
import { z } from "zod";
import type { Logger } from "../core/logger";
import type { ConversationStore, ConversationType } from "../data/conversations";
import { unknownActionCard, welcomeCard } from "../cards/help-cards";
import { botText, trustText } from "../core/strings";
import type { MessageRouter } from "../dialogs/router";
import type { Asker, CardAttachment, ConversationMemory, IncomingMessage, Reply } from "../core/types";
import { FILE_CONSENT_CARD, FILE_INFO_CARD, incomingFiles, uploadToSession } from "./file-transfer";
import { AadObjectId } from "../data/meetings/schema";
import { hasBrokenText } from "../core/markdown";
import { markTurn, recordTurn } from "../core/telemetry";

/** The message extension's search (composeExtension/query), framework-free (dialogs/search). */
export interface ComposeSearch {
  query(request: {
    text: string;
    skip?: number;
    count?: number;
  }): Promise<
    | { kind: "results"; hits: { title: string; preview: string; card: CardAttachment }[] }
    | { kind: "message"; text: string }
  >;
}

/** The manifest's search command (manifest/manifest.json, composeExtensions). */
export const SEARCH_COMMAND_ID = "searchKnowledge";
const SEARCH_PARAMETER = "searchQuery";

/** What Teams sends in a composeExtension/query; anything else is read as an empty query. */
const ComposeQuery = z.object({
  commandId: z.string().max(100).optional(),
  parameters: z
    .array(z.object({ name: z.string().max(100).optional(), value: z.unknown().optional() }).passthrough())
    .max(20)
    .optional()
    .catch([]),
  queryOptions: z
    .object({
      skip: z.number().int().optional().catch(undefined),
      count: z.number().int().optional().catch(undefined),
    })
    .passthrough()
    .optional()
    .catch(undefined),
});

/** Builds an exported file when the user accepts a file consent card (the admin dialog's export). */
export interface FileExporter {
  exportAccepted(
    message: IncomingMessage,
  ): Promise<{ ok: true; content: Buffer; entries: number } | { ok: false; text: string }>;
}

/** Swedish texts around the file consent flow. */
export interface FileTexts {
  uploaded: (entries: number) => string;
  declined: string;
  failed: string;
}

const NO_TENANT = "no-tenant";

export function tenantOf(activity: { conversation?: { tenantId?: string }; channelData?: unknown }): string {
  return (
    (activity.conversation?.tenantId ??
      (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id) ||
    NO_TENANT
  );
}

function conversationTypeOf(activity: Partial<Activity>): ConversationType {
  const t = activity.conversation?.conversationType;
  return t === "channel" || t === "groupChat" ? t : "personal";
}

export function toActivity(reply: Reply): Partial<Activity> {
  if (reply.file) {
    // Teams asks the user where to save it; the file itself is uploaded once they accept.
    const { name, description, sizeInBytes, context } = reply.file;
    return MessageFactory.attachment(
      {
        contentType: FILE_CONSENT_CARD,
        name,
        content: { description, sizeInBytes, acceptContext: context, declineContext: context },
      },
      reply.text,
    );
  }
  if (!reply.card) return MessageFactory.text(reply.text);
  // The plain-text fallback goes in `summary` and the card's `fallbackText`, not in `text`: Teams
  // posts an activity's text and its card as two separate messages, so the answer would show twice
  // (MicrosoftDocs/msteams-docs#1998 and #2594; the Agents Playground shows two bubbles too).
  // `summary` is the Bot Framework's "text to display if the channel cannot render cards", and Teams
  // shows it in the notification and the chat list instead of "Sent a card" (msteams-docs#4405).
  // `fallbackText` is what an Adaptive Card host shows when it cannot render the card.
  const content = { ...reply.card.content, fallbackText: reply.text };
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(content)), summary: reply.text };
}

/** Maps Teams activities onto the framework-free dialogs. Everything Bot Framework-specific stays here. */
export class SamverkansBot extends TeamsActivityHandler {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly router: MessageRouter,
    private readonly logger: Logger,
    private readonly state?: ConversationState,
    private readonly files?: { exporter: FileExporter; texts: FileTexts },
    private readonly search?: ComposeSearch,
    /** Where the conversation state is written off the turn (the state's own storage, and the queue). */
    private readonly stateWrites?: { storage: Storage; writes: BackgroundWrites },
  ) {
    super();

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.rememberInstall(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetInstall(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id))
        await this.rememberInstall(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id))
        await this.forgetInstall(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  /** Every activity runs in a telemetry turn (a span and a duration by kind; no text, names or ids). */
  async run(context: TurnContext): Promise<void> {
    const a = context.activity;
    await recordTurn({ activityType: a.type ?? "none", conversationType: conversationTypeOf(a) }, () =>
      super.run(context),
    );
  }

  private asker(context: TurnContext): Asker {
    const a = context.activity;
    const data = a.channelData as { channel?: { id?: string }; team?: { id?: string } } | undefined;
    const conversationType = conversationTypeOf(a);
    return {
      tenantId: tenantOf(a),
      userId: a.from.id,
      // Part of document ids (member.<id>): anything but letters, digits and dashes is not an Entra id.
      aadObjectId: AadObjectId.safeParse(a.from.aadObjectId).success ? a.from.aadObjectId : undefined,
      conversationType,
      name: a.from.name,
      serviceUrl: a.serviceUrl,
      conversationId: a.conversation.id,
      // A channel message's conversation id names the thread ("19:…@thread.tacv2;messageid=…").
      channelId:
        conversationType === "channel" ? (data?.channel?.id ?? a.conversation.id.split(";messageid=")[0]) : undefined,
      teamId: data?.team?.id,
    };
  }

  protected async handleTeamsFileConsentAccept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    if (!this.files || !response.uploadInfo?.uploadUrl) return;
    const built = await this.files.exporter.exportAccepted({ text: "", asker: this.asker(context) });
    if (!built.ok) {
      await context.sendActivity(built.text);
      return;
    }
    const { uploadUrl, contentUrl, name, uniqueId, fileType } = response.uploadInfo;
    try {
      await uploadToSession(uploadUrl, built.content);
    } catch (err) {
      this.logger.error({ err }, "export upload failed");
      await context.sendActivity(this.files.texts.failed);
      return;
    }
    await context.sendActivity(
      MessageFactory.attachment(
        { contentType: FILE_INFO_CARD, contentUrl, name, content: { uniqueId, fileType } },
        this.files.texts.uploaded(built.entries),
      ),
    );
  }

  protected async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    if (this.files) await context.sendActivity(this.files.texts.declined);
  }

  protected async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    markTurn("cardAction");
    if (hasBrokenText(invokeValue.action)) {
      const notice = unknownActionCard(trustText.unreadableText);
      return { statusCode: 200, type: notice.contentType, value: notice.content as never };
    }
    const card = await this.router.execute(
      invokeValue.action?.verb ?? "",
      invokeValue.action?.data,
      this.asker(context),
    );
    this.logger.debug({ verb: invokeValue.action?.verb, handled: Boolean(card) }, "card action");
    // Teams shows an error response's message as is (in English): say it in Swedish on a card instead.
    const shown = card ?? unknownActionCard();
    return { statusCode: 200, type: shown.contentType, value: shown.content as never };
  }

  /** Invokes nobody handles get a Swedish message rather than 501, which Teams reports in English. */
  protected async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response?.status !== 501) return response;
    this.logger.info({ name: context.activity.name }, "unknown invoke");
    await context.sendActivity(trustText.unknownInvoke);
    return { status: 200 };
  }

  protected async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    raw: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const parsed = ComposeQuery.safeParse(raw ?? {});
    const query = parsed.success ? parsed.data : { commandId: undefined, parameters: [], queryOptions: undefined };
    if (!this.search || (query.commandId && query.commandId !== SEARCH_COMMAND_ID))
      return { composeExtension: { type: "message", text: botText.errors.unknownButton } };
    // "initialRun" (the extension just opened) and a missing or non-text value are an empty query.
    const value = query.parameters?.find((p) => p.name === SEARCH_PARAMETER)?.value;
    if (hasBrokenText(value)) return { composeExtension: { type: "message", text: trustText.unreadableText } };
    const started = Date.now();
    const outcome = await this.search.query({
      text: typeof value === "string" ? value : "",
      skip: query.queryOptions?.skip,
      count: query.queryOptions?.count,
    });
    this.logger.debug(
      { kind: outcome.kind, hits: outcome.kind === "results" ? outcome.hits.length : 0, ms: Date.now() - started },
      "message extension query",
    );
    if (outcome.kind === "message") return { composeExtension: { type: "message", text: outcome.text } };
    return {
      composeExtension: {
        type: "result",
        attachmentLayout: "list",
        attachments: outcome.hits.map((hit) => ({
          contentType: hit.card.contentType,
          content: { ...hit.card.content, fallbackText: `${hit.title}: ${hit.preview}` },
          preview: CardFactory.thumbnailCard(hit.title, hit.preview),
        })),
      },
    };
  }

  /** Stores the conversation reference; welcomes only when the install is new, since Teams announces it twice, concurrently. */
  private async rememberInstall(context: TurnContext): Promise<void> {
    markTurn("install");
    const a = context.activity;
    const tenantId = tenantOf(a);
    const conversationType = conversationTypeOf(a);
    const team = (a.channelData as { team?: { id?: string; name?: string } } | undefined)?.team;
    const { activated } = await this.conversations.saveInstall({
      tenantId,
      conversationId: a.conversation.id,
      conversationType,
      aadObjectId: conversationType === "personal" ? a.from.aadObjectId : undefined,
      teamId: team?.id,
      teamName: team?.name,
      reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(a))),
    });
    this.logger.info({ tenantId, conversationType, activated }, "install recorded");
    if (!activated) return;
    const text = conversationType === "personal" ? botText.fallback.welcome : botText.welcome.teamIntro;
    await context.sendActivity(toActivity({ text, card: welcomeCard() }));
  }

  private async forgetInstall(context: TurnContext): Promise<void> {
    markTurn("uninstall");
    const a = context.activity;
    const known = await this.conversations.markInactive(tenantOf(a), a.conversation.id);
    this.logger.info({ tenantId: tenantOf(a), known }, "uninstall recorded");
  }

  private readonly accessors = new Map<string, StatePropertyAccessor<unknown>>();

  /** The conversation's state (Cosmos, through botbuilder Storage), read and written only when a feature asks. */
  private memory(context: TurnContext): ConversationMemory | undefined {
    const state = this.state;
    if (!state) return undefined;
    const accessor = (key: string) => {
      let a = this.accessors.get(key);
      if (!a) this.accessors.set(key, (a = state.createProperty<unknown>(key)));
      return a;
    };
    const background = this.stateWrites;
    const storageKey = state.getStorageKey(context);
    if (!background || !storageKey)
      return {
        get: (key) => accessor(key).get(context),
        set: async (key, value) => {
          await accessor(key).set(context, value);
          await state.saveChanges(context);
        },
      };
    // The reply does not wait for the state write; a later turn of the same conversation on this
    // instance waits for it before reading, so it sees its own writes. The write replaces the
    // document without an eTag, as ConversationState.saveChanges does.
    return {
      get: async (key) => {
        await background.writes.idle(storageKey);
        return accessor(key).get(context);
      },
      set: async (key, value) => {
        await accessor(key).set(context, value);
        const snapshot = { ...(state.get(context) as Record<string, unknown>), eTag: "*" };
        await background.writes.run(
          "conversation state",
          () => background.storage.write({ [storageKey]: snapshot }),
          storageKey,
        );
      },
    };
  }

  private async answer(context: TurnContext): Promise<void> {
    const a = context.activity;
    // Broken characters would fail in the store or the search: refuse before anything is stored.
    if (hasBrokenText(a.text) || hasBrokenText(a.value)) {
      await context.sendActivity(trustText.unreadableText);
      return;
    }
    const text = a.text ? (TurnContext.removeRecipientMention(a) ?? a.text) : "";
    const files = incomingFiles(a.attachments);
    const replies = await this.router.handle({
      text: text ?? "",
      value: a.value,
      asker: this.asker(context),
      ...(files.length > 0 ? { files } : {}),
      memory: this.memory(context),
    });
    this.logger.debug({ chars: text.length, replies: replies.length }, "message handled");
    for (const reply of replies) await context.sendActivity(toActivity(reply));
  }
}
