import type { CardAttachment } from "../cards/render";

// The contract between bot/ (Bot Framework) and the framework-free dialogs: plain data in, plain data out,
// so a move to the Microsoft 365 Agents SDK or the Teams SDK only touches bot/.

/** Who is asking, as far as dialogs need to know. */
export interface Asker {
  tenantId: string;
  /** Channel-specific user id (Teams "29:..."). */
  userId: string;
  /** Entra object id; absent in some test clients. */
  aadObjectId?: string;
  conversationType: "personal" | "channel" | "groupChat";
  /** Display name, as Teams sends it. */
  name?: string;
  /** Where Teams reaches this user's tenant; kept with a membership to open a personal chat later. */
  serviceUrl?: string;
  conversationId?: string;
}

/** A file sent to the bot in personal chat (Teams "file.download.info" attachment). */
export interface IncomingFile {
  name: string;
  downloadUrl: string;
  fileType?: string;
}

/** A user message: typed text, or the data of a card button (Action.Submit / Action.Execute). */
export interface IncomingMessage {
  text: string;
  value?: unknown;
  asker: Asker;
  files?: IncomingFile[];
}

/** One reply: a card with plain text for clients and notifications that show no card. */
export interface Reply {
  text: string;
  card?: CardAttachment;
}
