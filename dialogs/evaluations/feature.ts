import { noticeCard } from "../../cards/evaluation-cards";
import { botText } from "../../core/strings";
import type { JobHandler } from "../../core/jobs/scheduler";
import type { CardAction, Feature } from "../feature";
import type { EvaluationService } from "./evaluation-service";
import { parseReportCommand, type ReportService } from "./report-service";
import type { EvaluationAction } from "./submission";

/**
 * The evaluation feature as the bot sees it: `rapport 2b …` typed in chat, evaluation buttons sent as
 * Action.Submit (a message with a value: the answer comes back as a new message) or as Action.Execute
 * (an invoke: the answer replaces the pressed card), and the "evaluation" job that sends the cards.
 */
export function evaluationsFeature(evaluations: EvaluationService, reports: ReportService, job: JobHandler): Feature {
  const button = (action: EvaluationAction): CardAction => ({
    submit: async (data, message) => {
      const result = await evaluations.handle(action, data, message.asker);
      return [result.kind === "card" ? { text: result.text, card: result.card } : { text: result.text }];
    },
    execute: async (data, asker) => {
      const result = await evaluations.handle(action, data, asker);
      return result.kind === "card" ? result.card : noticeCard(result.text);
    },
  });
  return {
    name: "evaluations",
    commands: [
      {
        match: /^rapport\s*2b\b/i,
        help: { text: botText.commandHelp.report2b, role: "coordinator" },
        run: async ({ message, said }) => [await reports.reply(message.asker, parseReportCommand(said)!)],
      },
    ],
    cardActions: { "evaluation.submit": button("evaluation.submit"), "evaluation.edit": button("evaluation.edit") },
    jobs: { evaluation: job },
  };
}
