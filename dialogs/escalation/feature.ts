import { escalationNoticeCard } from "../../cards/escalation-cards";
import { botText, escalationText } from "../../core/strings";
import type { JobHandler } from "../../core/jobs/scheduler";
import { containsPersonalNumber } from "../../core/personal-number";
import { textReply as text, type Asker, type IncomingMessage, type Reply } from "../../core/types";
import type { CardAction, Feature } from "../feature";
import type { EscalationStore } from "../../data/escalation/escalation-store";
import type { EscalationService } from "./escalation-service";

const t = escalationText;
const help = botText.commandHelp;

/** Buttons of the asker's cards and the review queue (Action.Submit). */
const SUBMIT_ACTIONS = [
  "escalation.start",
  "escalation.submit",
  "escalation.cancel",
  "escalation.rate",
  "escalation.kbForm",
  "escalation.dismiss",
] as const;
type SubmitAction = (typeof SUBMIT_ACTIONS)[number];

/** Buttons of the expert channel's case card (Action.Execute). */
const EXECUTE_ACTIONS = [
  "escalation.take",
  "escalation.answer",
  "escalation.close",
  "escalation.toKnowledgeBase",
  "escalation.refresh",
] as const;

const field = (data: unknown, name: string): unknown =>
  typeof data === "object" && data !== null ? (data as Record<string, unknown>)[name] : undefined;

/** The form, unless the question already carries a personal number (then it is not even shown back). */
function formFor(service: EscalationService, question: unknown): Reply[] {
  const q = typeof question === "string" ? question : "";
  return containsPersonalNumber(q) ? text(t.asked.personalNumber) : service.form(q);
}

/** `fråga välfärd`, `koppla expertkanal`, `expertfrågor`, the asker's and the experts' buttons, and the reminder job. */
export function escalationFeature(
  service: EscalationService,
  reminders: JobHandler,
  store: Pick<EscalationStore, "purgeBefore">,
): Feature {
  const submit = (action: SubmitAction, data: unknown, asker: Asker): Promise<Reply[]> | Reply[] => {
    switch (action) {
      case "escalation.start":
        return formFor(service, field(data, "question"));
      case "escalation.submit":
        return service.submit(asker, field(data, "question"));
      case "escalation.cancel":
        return text(t.asked.cancelled);
      case "escalation.rate":
        return service.rate(asker, field(data, "caseId"), field(data, "vote"));
      case "escalation.kbForm":
        return service.review(asker, "kbForm", field(data, "caseId"));
      case "escalation.dismiss":
        return service.review(asker, "dismiss", field(data, "caseId"));
    }
  };
  const execute: CardAction = {
    execute: async (data, asker: Asker) => {
      const result = await service.execute(String(field(data, "action")), data, asker);
      return "card" in result ? result.card : escalationNoticeCard(result.message);
    },
  };
  return {
    name: "escalation",
    commands: [
      {
        match: /^fr[åa]ga v[äa]lf[äa]rd(?:\s*[:,-]?\s*(?<question>.+))?$/i,
        help: { text: help.askExperts, role: "everyone" },
        run: async ({ match }) => formFor(service, match.groups?.question ?? ""),
      },
      {
        match: /^koppla expertkanal$/i,
        help: { text: help.expertChannel, role: "admin" },
        run: ({ message }) => service.linkChannel(message.asker),
      },
      {
        match: /^(expertfr[åa]gor|fr[åa]gor till v[äa]lf[äa]rd)$/i,
        help: { text: help.expertQuestions, role: "admin" },
        run: ({ message }) => service.list(message.asker),
      },
    ],
    cardActions: {
      ...Object.fromEntries(
        SUBMIT_ACTIONS.map((a): [string, CardAction] => [
          a,
          { submit: async (data, message: IncomingMessage) => submit(a, data, message.asker) },
        ]),
      ),
      ...Object.fromEntries(EXECUTE_ACTIONS.map((a) => [a, execute])),
      // A tampered or retired escalation button: a clear answer, nothing changed.
      "escalation.*": {
        submit: async () => text(t.expert.badButton),
        execute: async () => escalationNoticeCard(t.expert.badButton),
      },
    },
    jobs: { escalationReminder: reminders },
    retention: [
      { kind: "escalations.case", setting: "ESCALATIONS_RETENTION_DAYS", purge: (before) => store.purgeBefore(before) },
    ],
  };
}
