import { noticeCard } from "../../cards/evaluation-cards";
import type { CardAttachment } from "../../cards/render";
import type { FeatureHandler } from "../router";
import type { Asker, IncomingMessage, Reply } from "../../core/types";
import type { EvaluationService } from "./evaluation-service";
import { parseReportCommand, type ReportService } from "./report-service";
import { evaluationAction } from "./submission";

/**
 * The evaluation feature as the bot sees it: `rapport 2b …` typed in chat, evaluation buttons sent as
 * Action.Submit (a message with a value: the answer comes back as a new message) or as Action.Execute
 * (an invoke: the answer replaces the pressed card).
 */
export class EvaluationsFeature implements FeatureHandler {
  constructor(
    private readonly evaluations: EvaluationService,
    private readonly reports: ReportService,
  ) {}

  async handle(message: IncomingMessage): Promise<Reply[] | undefined> {
    const action = evaluationAction(message.value);
    if (action) {
      const result = await this.evaluations.handle(action, message.value, message.asker);
      return [result.kind === "card" ? { text: result.text, card: result.card } : { text: result.text }];
    }
    const report = parseReportCommand(message.text);
    if (report) return [await this.reports.reply(message.asker, report)];
    return undefined;
  }

  /** Action.Execute: the card that replaces the pressed one; undefined for verbs of other features. */
  async execute(verb: string, data: unknown, asker: Asker): Promise<CardAttachment | undefined> {
    // The verb and the data's action are the same on our buttons; the data is what is checked.
    const action = evaluationAction({ action: verb });
    if (!action) return undefined;
    const result = await this.evaluations.handle(action, data, asker);
    return result.kind === "card" ? result.card : noticeCard(result.text);
  }
}
