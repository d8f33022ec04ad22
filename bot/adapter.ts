import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { botText } from "../core/strings";

/** CloudAdapter with Bot Framework authentication from configuration; no app id means no JWT checks (local only). */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, conversationType: context.activity.conversation?.conversationType }, "turn failed");
    try {
      if (context.activity.type === "message") await context.sendActivity(botText.errors.apology);
    } catch (sendError) {
      logger.error({ err: sendError }, "could not send the apology");
    }
  };
  return adapter;
}
