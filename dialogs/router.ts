import { helpCard, helpText, type HelpSection } from "../cards/help-cards";
import { actionOf } from "../core/card-action";
import type { Role } from "../core/permissions";
import { botText, filesText } from "../core/strings";
import type { Asker, CardAttachment, FileDownload, IncomingMessage, Reply } from "../core/types";
import { markTurn } from "../core/telemetry";
import { normaliseText } from "./commands";
import type { CardAction, Command, Feature } from "./feature";

export interface RouterDeps {
  /** In order: commands, files and card verbs are looked up in this order. */
  features: readonly Feature[];
  /** Whose commands `hjälp` shows the asker; everyone's when absent. */
  roleOf?: (asker: Asker) => Promise<Role>;
  /** Fetches a file sent in chat; without it files are ignored. */
  download?: FileDownload;
  /** Whether the sender may import anything at all; checked before any download (the URL comes from the client). */
  mayImport?: (asker: Asker) => Promise<boolean>;
  /** Largest file fetched at all, in MB (each import may accept less). */
  maxFileMb?: number;
}

const HELP_WORDS = /^(hj[äa]lp|help|\?|meny|vad kan du( göra| gora)?\??|kommandon)$/i;
const ROLES: readonly Role[] = ["everyone", "coordinator", "admin"];

/**
 * A button's data with `action` set to the verb it was routed by, so a handler reads one field whether
 * the click came as Action.Submit (verb in the data) or Action.Execute (verb beside it), or by an old alias.
 */
function withVerb(data: unknown, verb: string): Record<string, unknown> {
  return { ...(typeof data === "object" && data !== null ? data : {}), action: verb };
}

/** The router's own command: the help, built from every feature's commands. */
function helpCommand(router: MessageRouter): Command {
  return {
    match: HELP_WORDS,
    help: { text: botText.commandHelp.help, role: "everyone" },
    run: async ({ message }) => [await router.help(message.asker)],
  };
}

/**
 * Decides what a message is and produces the replies, from the features' registrations: a card
 * button goes to the feature owning its verb, a file to the first feature that claims it, typed text
 * to the first matching command, and anything else is a question. Knows nothing of Bot Framework.
 */
export class MessageRouter {
  readonly commands: readonly Command[];
  private readonly actions = new Map<string, CardAction>();
  private readonly aliases = new Map<string, string>();

  constructor(private readonly deps: RouterDeps) {
    this.commands = [helpCommand(this), ...deps.features.flatMap((f) => f.commands ?? [])];
    for (const feature of deps.features) {
      for (const [verb, action] of Object.entries(feature.cardActions ?? {})) {
        if (this.actions.has(verb)) throw new Error(`card verb ${verb} registered twice`);
        this.actions.set(verb, action);
      }
      for (const [old, verb] of Object.entries(feature.verbAliases ?? {})) this.aliases.set(old, verb);
    }
    if (deps.features.filter((f) => f.answer).length !== 1)
      throw new Error("exactly one feature must answer questions");
  }

  /** Whether a button with this verb (or an old alias of it) has a handler for the way it is sent. */
  accepts(verb: string, via: "submit" | "execute"): boolean {
    return Boolean(this.action(verb)?.action[via]);
  }

  private action(verb: string): { verb: string; action: CardAction } | undefined {
    const canonical = this.aliases.get(verb) ?? verb;
    const dot = canonical.indexOf(".");
    const action =
      this.actions.get(canonical) ?? (dot > 0 ? this.actions.get(`${canonical.slice(0, dot)}.*`) : undefined);
    return action && { verb: canonical, action };
  }

  async handle(message: IncomingMessage): Promise<Reply[]> {
    if (message.value !== undefined && message.value !== null) {
      const verb = actionOf(message.value);
      const found = verb ? this.action(verb) : undefined;
      markTurn("cardSubmit");
      if (found?.action.submit) return found.action.submit(withVerb(message.value, found.verb), message);
      // A button nobody knows (an old card, or tampered data) with no text to fall back on.
      if (!message.text.trim()) return [{ text: botText.errors.unknownButton }];
    } else if (message.files?.length) {
      markTurn("file");
      return this.file(message);
    }
    const said = normaliseText(message.text);
    for (const command of this.commands) {
      const match = command.match.exec(said);
      if (!match) continue;
      markTurn(command.match === HELP_WORDS ? "help" : "command");
      const replies = await command.run({ message, said, match });
      if (replies) return replies;
    }
    // The question keeps its punctuation; the knowledge base reads it as typed.
    const question = message.text.replace(/\s+/g, " ").trim();
    if (!question) {
      markTurn("help");
      return [await this.help(message.asker)];
    }
    markTurn("question");
    const answering = this.deps.features.find((f) => f.answer)!;
    return answering.answer!(question, message);
  }

  /** Action.Execute: the card that replaces the clicked one; undefined for an unknown verb or invalid data. */
  async execute(verb: string, data: unknown, asker: Asker): Promise<CardAttachment | undefined> {
    const found = this.action(verb);
    return found?.action.execute?.(withVerb(data, found.verb), asker);
  }

  /**
   * Routes a file sent in chat by what it contains, not by who sent it or its extension: an admin
   * may send a meeting plan, and a coordinator's JSON plan is not a knowledge-base import.
   */
  private async file(message: IncomingMessage): Promise<Reply[]> {
    const file = message.files![0];
    if (!this.deps.download) return [{ text: filesText.downloadFailed }];
    if (message.asker.conversationType !== "personal") return [{ text: filesText.personalOnly }];
    if (this.deps.mayImport && !(await this.deps.mayImport(message.asker))) return [{ text: filesText.notAllowed }];
    const got = await this.deps.download(file);
    if (!got.ok)
      return [
        { text: got.reason === "tooLarge" ? filesText.tooLarge(this.deps.maxFileMb ?? 0) : filesText.downloadFailed },
      ];
    const owner = this.deps.features.find((f) => f.files?.claims(file, got.text));
    if (!owner) return [{ text: filesText.unknownFile }];
    return owner.files!.import(file, got.text, message);
  }

  /** The commands a role may use, in sections: everyone's, then a coordinator's, then an admin's. */
  helpSections(role: Role): HelpSection[] {
    const h = botText.help;
    const titles: Record<Role, string> = {
      everyone: h.commandsTitle,
      coordinator: h.coordinatorTitle,
      admin: h.adminTitle,
    };
    return ROLES.slice(0, ROLES.indexOf(role) + 1).map((r) => ({
      title: titles[r],
      commands: this.commands.filter((c) => c.help.role === r).map((c) => c.help.text),
    }));
  }

  async help(asker: Asker): Promise<Reply> {
    let role: Role = "everyone";
    try {
      role = (await this.deps.roleOf?.(asker)) ?? "everyone";
    } catch {
      // The store did not answer: everyone's help is still better than an apology.
    }
    const sections = this.helpSections(role);
    return { text: helpText(sections), card: helpCard(sections) };
  }
}
