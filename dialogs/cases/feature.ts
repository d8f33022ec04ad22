import { caseNoticeCard } from "../../cards/case-cards";
import type { CardAttachment } from "../../cards/render";
import { normaliseText } from "../commands";
import type { FeatureHandler } from "../router";
import type { Asker, IncomingMessage, Reply } from "../types";
import type { CaseResult, CaseService } from "./case-service";
import { parseFollowupCommand, type FollowupService } from "./followup-service";

const COMMANDS = {
  raise:
    /^(nytt ärende|nytt arende|lyft ärende|lyft ett ärende|nytt samverkansärende|samverkansärende|lyft en svårighet)$/i,
  list: /^(ärenden|arenden|mina ärenden|samverkansärenden)$/i,
};

/** Card verbs (Action.Execute) and submit actions (Action.Submit) of the feature; the same names. */
export const CASE_ACTIONS = [
  "cases.new",
  "cases.raise",
  "cases.open",
  "cases.refresh",
  "cases.decide",
  "cases.outcome",
] as const;
type CaseAction = (typeof CASE_ACTIONS)[number];

const isCaseAction = (a: unknown): a is CaseAction => (CASE_ACTIONS as readonly unknown[]).includes(a);

/** `nytt ärende`, `ärenden`, `årsuppföljning [år]` and the case cards' buttons. */
export class CasesFeature implements FeatureHandler {
  constructor(
    private readonly cases: CaseService,
    private readonly followup: FollowupService,
  ) {}

  private run(action: CaseAction, data: unknown, asker: Asker): Promise<CaseResult> {
    switch (action) {
      case "cases.new":
        return this.cases.form(asker);
      case "cases.raise":
        return this.cases.raise(data, asker);
      case "cases.open":
      case "cases.refresh":
        return this.cases.open(data, asker);
      case "cases.decide":
        return this.cases.decide(data, asker);
      case "cases.outcome":
        return this.cases.recordOutcome(data, asker);
    }
  }

  async handle(message: IncomingMessage): Promise<Reply[] | undefined> {
    const action = (message.value as { action?: unknown } | null | undefined)?.action;
    if (isCaseAction(action)) {
      const r = await this.run(action, message.value, message.asker);
      return [r.card ? { text: r.text, card: r.card } : { text: r.text }];
    }
    const said = normaliseText(message.text);
    if (COMMANDS.raise.test(said)) {
      const r = await this.cases.form(message.asker);
      return [r.card ? { text: r.text, card: r.card } : { text: r.text }];
    }
    if (COMMANDS.list.test(said)) {
      const r = await this.cases.list(message.asker);
      return [r.card ? { text: r.text, card: r.card } : { text: r.text }];
    }
    const followup = parseFollowupCommand(message.text);
    if (followup) return [await this.followup.reply(message.asker, followup)];
    return undefined;
  }

  /** Action.Execute: the card that replaces the pressed one; undefined for other features' verbs. */
  async execute(verb: string, data: unknown, asker: Asker): Promise<CardAttachment | undefined> {
    if (!isCaseAction(verb)) return undefined;
    const r = await this.run(verb, data, asker);
    return r.card ?? caseNoticeCard(r.text);
  }
}
