import type { ConversationType } from "../data/conversations";

/** An adaptive card as sent in an activity attachment. */
export interface CardAttachment {
  contentType: "application/vnd.microsoft.card.adaptive";
  content: Record<string, unknown>;
}

// The contract between bot/ (Bot Framework) and the framework-free dialogs: plain data in, plain data out,
// so a move to the Microsoft 365 Agents SDK or the Teams SDK only touches bot/.

/** Who is asking, as far as dialogs need to know. */
export interface Asker {
  tenantId: string;
  /** Channel-specific user id (Teams "29:..."). */
  userId: string;
  /** Entra object id; absent in some test clients. */
  aadObjectId?: string;
  conversationType: ConversationType;
  /** Display name, as Teams sends it; an admin's name is recorded with their changes. */
  name?: string;
  /** Where Teams reaches this user's tenant; kept with a membership to open a personal chat later. */
  serviceUrl?: string;
  conversationId?: string;
  /** In a team channel: the channel's own id (the conversation id without Teams' ";messageid=…" suffix). */
  channelId?: string;
  /** In a team: the team's id, which is also the id of its General channel, where the install is recorded. */
  teamId?: string;
}

/** A file sent to the bot in personal chat (Teams "file.download.info" attachment): a short-lived, pre-authorised download URL. */
export interface IncomingFile {
  name: string;
  downloadUrl: string;
  fileType?: string;
}

/** Fetches the text of a file sent to the bot; one implementation in bot/ (size cap, https only with auth). */
export type FileDownload = (
  file: IncomingFile,
) => Promise<{ ok: true; text: string } | { ok: false; reason: "tooLarge" | "failed" }>;

/**
 * State kept per conversation by bot/ (botbuilder's ConversationState, stored in Cosmos), so a feature
 * can remember something between turns without knowing Bot Framework. Each feature uses its own keys.
 */
export interface ConversationMemory {
  get(key: string): Promise<unknown>;
  /** Stores the value at once. */
  set(key: string, value: unknown): Promise<void>;
}

/** A user message: typed text, or the data of a card button (Action.Submit / Action.Execute). */
export interface IncomingMessage {
  text: string;
  value?: unknown;
  asker: Asker;
  /** Files attached in a personal chat (Teams file download info), if any. */
  files?: IncomingFile[];
  /** This conversation's state; absent where no conversation is kept (tools, some tests). */
  memory?: ConversationMemory;
}

/** A file the bot offers to save in the user's OneDrive (Teams file consent in personal chat). */
export interface FileOffer {
  name: string;
  description: string;
  sizeInBytes: number;
  /** Echoed back by Teams when the user accepts or declines. */
  context: Record<string, unknown>;
}

/** One reply: a card with plain text for clients and notifications that show no card. */
export interface Reply {
  text: string;
  card?: CardAttachment;
  /** Offer a file instead of (or besides) a card. */
  file?: FileOffer;
}

/** A button another feature adds under an answer (e.g. raise a case under the answer on cooperation difficulties). */
export interface AnswerOffer {
  title: string;
  /** The card verb the button sends, handled by the feature that offered it. */
  action: string;
}

/** A turn's answer that is only text. */
export const textReply = (text: string): Reply[] => [{ text }];
