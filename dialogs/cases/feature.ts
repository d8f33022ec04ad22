import { caseNoticeCard } from "../../cards/case-cards";
import { botText, casesText } from "../../core/strings";
import type { JobHandler } from "../../core/jobs/scheduler";
import type { Asker } from "../../core/types";
import type { CardAction, Feature } from "../feature";
import type { CaseResult, CaseService } from "./case-service";
import { parseFollowupCommand, type FollowupService } from "./followup-service";

/** Card verbs (Action.Execute) and submit actions (Action.Submit) of the feature; the same names. */
const CASE_ACTIONS = [
  "cases.new",
  "cases.raise",
  "cases.open",
  "cases.refresh",
  "cases.decide",
  "cases.outcome",
] as const;
type CaseAction = (typeof CASE_ACTIONS)[number];

const help = botText.commandHelp;
/**
 * Answers drawn from the agreement's routine for difficulties in cooperation offer to raise a case; an
 * entry an admin adds from that section gets the button too.
 */
const RAISE_FROM_SECTION = /> Svårigheter i samverkan$/;
const reply = (r: CaseResult) => [r.card ? { text: r.text, card: r.card } : { text: r.text }];

/** `nytt ärende`, `ärenden`, `årsuppföljning [år]`, the case cards' buttons and the case notices. */
export function casesFeature(cases: CaseService, followup: FollowupService, notices: JobHandler): Feature {
  const run = (action: CaseAction, data: unknown, asker: Asker): Promise<CaseResult> => {
    switch (action) {
      case "cases.new":
        return cases.form(asker);
      case "cases.raise":
        return cases.raise(data, asker);
      case "cases.open":
      case "cases.refresh":
        return cases.open(data, asker);
      case "cases.decide":
        return cases.decide(data, asker);
      case "cases.outcome":
        return cases.recordOutcome(data, asker);
    }
  };
  const button = (action: CaseAction): CardAction => ({
    submit: async (data, message) => reply(await run(action, data, message.asker)),
    execute: async (data, asker) => {
      const r = await run(action, data, asker);
      return r.card ?? caseNoticeCard(r.text);
    },
  });
  return {
    name: "cases",
    commands: [
      {
        match:
          /^(nytt ärende|nytt arende|lyft ärende|lyft ett ärende|nytt samverkansärende|samverkansärende|lyft en svårighet)$/i,
        help: { text: help.raiseCase, role: "everyone" },
        run: async ({ message }) => reply(await cases.form(message.asker)),
      },
      {
        match: /^(ärenden|arenden|mina ärenden|samverkansärenden)$/i,
        help: { text: help.cases, role: "everyone" },
        run: async ({ message }) => reply(await cases.list(message.asker)),
      },
      {
        match: /^(årsuppföljning|arsuppfoljning|årsuppfoljning)\b/i,
        help: { text: help.followup, role: "coordinator" },
        run: async ({ message, said }) => [await followup.reply(message.asker, parseFollowupCommand(said)!)],
      },
    ],
    cardActions: Object.fromEntries(CASE_ACTIONS.map((a) => [a, button(a)])),
    jobs: { caseNotice: notices },
    answerOffers: (entry) =>
      [entry.source, ...entry.alsoSources].some((s) => RAISE_FROM_SECTION.test(s.section))
        ? [{ title: casesText.form.offer, action: "cases.new" }]
        : [],
  };
}
