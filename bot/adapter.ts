import {
  ActivityTypes,
  CloudAdapter,
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type AdaptiveCardInvokeResponse,
  type TurnContext,
} from "botbuilder";
import { apologyCard } from "../cards/help-cards";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { botText } from "../core/strings";

export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>
>;

/**
 * CloudAdapter whose two halves can be called apart: the server authenticates a request before it
 * looks at anything in it, and only then validates the activity and runs the turn.
 */
export class TeamsAdapter extends CloudAdapter {
  /** Validates the JWT of a request (anonymous claims when authentication is off). */
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  /** Runs the turn of an activity that was authenticated already; resolves with the invoke response, if any. */
  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<{ status: number; body?: unknown } | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/** CloudAdapter with Bot Framework authentication from configuration; no app id means no JWT checks (local only). */
export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
  // Without an app id the type and tenant mean nothing, and botbuilder would still insist on an app id
  // for SingleTenant/UserAssignedMSI: pass nothing, which turns JWT checks off.
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.authEnabled
      ? {
          MicrosoftAppId: config.MicrosoftAppId,
          MicrosoftAppPassword: config.MicrosoftAppPassword,
          MicrosoftAppType: config.MicrosoftAppType,
          MicrosoftAppTenantId: config.MicrosoftAppTenantId,
        }
      : {},
  );
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        err: error,
        activityType: context.activity.type,
        conversationType: context.activity.conversation?.conversationType,
      },
      "turn failed",
    );
    try {
      const a = context.activity;
      if (a.type === ActivityTypes.Message) await context.sendActivity(botText.errors.apology);
      // A card button (Action.Execute) waits for the card that replaces it; without an invoke
      // response Teams shows its own English error. Answer with the apology as a card instead
      // (status 200: the failure is ours to explain, not the client's to retry).
      else if (
        a.type === ActivityTypes.Invoke &&
        a.name === "adaptiveCard/action" &&
        !context.turnState.get(INVOKE_RESPONSE_KEY)
      ) {
        const card = apologyCard();
        const body: AdaptiveCardInvokeResponse = {
          statusCode: 200,
          type: card.contentType,
          value: card.content as never,
        };
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
      }
    } catch (sendError) {
      logger.error({ err: sendError }, "could not send the apology");
    }
  };
  return adapter;
}
