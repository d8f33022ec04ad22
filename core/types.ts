import type { CardAttachment } from "../cards/render";
import type { ConversationType } from "../data/conversations";

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

/** A user message: typed text, or the data of a card button (Action.Submit / Action.Execute). */
export interface IncomingMessage {
  text: string;
  value?: unknown;
  asker: Asker;
  /** Files attached in a personal chat (Teams file download info), if any. */
  files?: IncomingFile[];
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
  /** Set on the reply to a question: whether the knowledge base answered, guessed or declined. */
  qaOutcome?: "answer" | "suggest" | "decline";
}

/** A turn's answer that is only text. */
export const textReply = (text: string): Reply[] => [{ text }];
