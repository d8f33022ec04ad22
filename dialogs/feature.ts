import type { JobHandler } from "../core/jobs/scheduler";
import type { RetentionRule } from "../core/jobs/retention";
import type { Role } from "../core/permissions";
import type { HelpLine } from "../core/strings/bot";
import type { AnswerOffer, Asker, CardAttachment, IncomingFile, IncomingMessage, Reply } from "../core/types";
import type { KbEntry } from "../data/kb/schema";
import type { JobKind } from "../data/meetings/schema";

// The one shape every feature under dialogs/ registers with. The router, the help card and the
// scheduler's handler table are built from the list of features (bot/app.ts), so adding a command,
// a card button or a scheduled job is one entry in the feature's own file.

/** What a typed command gets: the message, the text as matched (normalised) and the match. */
export interface CommandContext {
  message: IncomingMessage;
  said: string;
  match: RegExpExecArray;
}

/** A command typed in chat, with the help line `hjälp` shows to the role that may use it. */
export interface Command {
  /** Tested against the text with whitespace folded and a trailing "." or "!" dropped (normaliseText). */
  match: RegExp;
  help: { text: HelpLine; role: Role };
  /** The replies; undefined when the text only looked like the command (it then goes on, as a question). */
  run(ctx: CommandContext): Promise<Reply[] | undefined>;
}

/**
 * A card button, by its namespaced verb ("meetings.rsvp", "qa.ask"). Action.Submit data arrives as a
 * message and is answered with replies; Action.Execute arrives as an invoke and is answered with the
 * card that replaces the clicked one (undefined: the data is not valid, the invoke fails).
 */
export interface CardAction {
  submit?(data: unknown, message: IncomingMessage): Promise<Reply[]>;
  execute?(data: unknown, asker: Asker): Promise<CardAttachment | undefined>;
}

/** A file sent in personal chat, routed by what it contains. */
export interface FileClaim {
  /** True when the downloaded content is this feature's kind of file. */
  claims(file: IncomingFile, content: string): boolean;
  import(file: IncomingFile, content: string, message: IncomingMessage): Promise<Reply[]>;
}

export interface Feature {
  /** Names the feature in logs and tests. */
  name: string;
  commands?: Command[];
  /** By verb; a key "admin.*" takes every other verb of that namespace (a tampered or retired button). */
  cardActions?: Record<string, CardAction>;
  /** Old verbs still on cards already sent in chats, mapped to today's: { ask: "qa.ask" }. */
  verbAliases?: Record<string, string>;
  /** Handlers of the scheduled job kinds this feature owns. */
  jobs?: Partial<Record<JobKind, JobHandler>>;
  /** How long the kinds this feature stores are kept: the daily gallring job runs every feature's rules. */
  retention?: RetentionRule[];
  /** Files this feature imports; features are asked in list order, the first that claims a file gets it. */
  files?: FileClaim;
  /** Buttons this feature puts under answers about some entries, e.g. by the section they cite. */
  answerOffers?(entry: Pick<KbEntry, "id" | "source" | "alsoSources">): AnswerOffer[];
  /** Answers any text that no command claimed (the Q&A feature; exactly one feature has it). */
  answer?(question: string, message: IncomingMessage): Promise<Reply[]>;
}
