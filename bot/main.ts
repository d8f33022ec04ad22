import "./compile-cache";
import { loadConfig, ConfigError } from "../core/config";
import { createLogger } from "../core/logger";
import type { App } from "./app";
import { startupFailureLine } from "./startup-failure";
import { startTelemetry } from "./telemetry";

// Entry point of `npm start`. The app (restify, @azure/cosmos) is loaded only after telemetry has
// started, so its instrumentations wrap them.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // A configuration error is the operator's to fix: say what, no stack trace.
      console.error(`${err.message}\nSee .env.example for every setting.`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  logger.info(
    { auth: config.authEnabled, cosmos: config.embeddedCosmos ? "embedded" : "azure" },
    config.embeddedCosmos
      ? "starting with the embedded Cosmos-compatible store (no COSMOS_ENDPOINT)"
      : "starting against Azure Cosmos DB",
  );
  const telemetry = await startTelemetry(config);
  if (telemetry) logger.info("telemetry to Application Insights on");
  const { createApp } = await import("./app");
  const { MissingContainersError } = await import("../data/cosmos");
  let app: App;
  let port: number;
  try {
    app = await createApp(config, logger);
    port = await app.start();
  } catch (err) {
    // The store unreachable, a key refused, the port taken: one line for the operator, no dump.
    logger.debug({ err }, "start-up failed");
    // Missing containers name themselves and say how to create them.
    console.error(
      err instanceof MissingContainersError ? err.message : startupFailureLine(err, config.COSMOS_ENDPOINT),
    );
    process.exit(1);
  }
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/api/messages`;
  logger.info(
    { url, host: config.host, port },
    config.authEnabled
      ? "listening with Bot Framework authentication on"
      : "listening on loopback only, authentication off",
  );
  if (!config.authEnabled) {
    logger.info(
      `Talk to the bot: run "npm run playground" (Teams-like client in the browser), or POST Bot Framework activities to ${url}`,
    );
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down: finishing turns in flight");
    app
      .stop()
      // What is still buffered goes out before the instance is gone (at most a few seconds).
      .then(() => telemetry?.shutdown())
      .then(
        () => {
          logger.info("stopped");
          process.exit(0);
        },
        (err) => {
          logger.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(startupFailureLine(err));
  process.exit(1);
});
