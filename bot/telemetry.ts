import type { Config } from "../core/config";
import { PrivacySpanProcessor } from "./telemetry-privacy";

// Application Insights through the Azure Monitor OpenTelemetry distro: incoming requests, outgoing
// HTTP (Bot Connector) and Azure SDK (Cosmos DB) dependencies, and the bot's own spans and metrics
// (core/telemetry). Only with APPLICATIONINSIGHTS_CONNECTION_STRING; without it nothing is loaded
// and the OpenTelemetry API stays a no-op.

export interface TelemetryHandle {
  /** Flushes what is buffered and stops the exporters (at shutdown). */
  shutdown(): Promise<void>;
}

/**
 * Starts the exporters. Must run before restify and @azure/cosmos are loaded, so the instrumentations
 * can wrap them: main.ts calls it before importing the app.
 */
export async function startTelemetry(config: Config): Promise<TelemetryHandle | undefined> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return undefined;
  const { useAzureMonitor, shutdownAzureMonitor } = await import("@azure/monitor-opentelemetry");
  // Health probes every minute per instance would drown the requests table. (A variable, since the
  // distro's option type is the generic instrumentation config.)
  const http = { enabled: true, ignoreIncomingRequestHook: (request: { url?: string }) => request.url === "/healthz" };
  // In Azure the managed identity authenticates the ingestion (infra/ turns key-only ingestion off and
  // grants the identity Monitoring Metrics Publisher); elsewhere the connection string alone is used.
  const clientId = config.MicrosoftAppType === "UserAssignedMSI" ? config.managedIdentityClientId : undefined;
  const credential = clientId
    ? new (await import("@azure/identity")).ManagedIdentityCredential({ clientId })
    : undefined;
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(credential ? { credential } : {}) },
    // Every trace kept (metrics are never sampled): the volume is small, a few thousand turns a day, and a
    // per-second cap would drop most spans of a reminder fan-out burst.
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    spanProcessors: [new PrivacySpanProcessor() as never],
    instrumentationOptions: {
      // Logs go to stdout as JSON (App Service collects them); console instrumentation would duplicate them.
      console: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      http,
    },
  });
  return { shutdown: () => shutdownAzureMonitor() };
}
