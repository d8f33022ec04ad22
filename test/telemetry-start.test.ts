import { loadConfig } from "../core/config";
import { startTelemetry } from "../bot/telemetry";
import { PrivacySpanProcessor } from "../bot/telemetry-privacy";

// How the Azure Monitor distro is started. The distro itself is replaced: started for real it would
// send to Microsoft's endpoints (statsbeat, settings), which tests must not reach.
jest.mock("@azure/monitor-opentelemetry", () => ({
  useAzureMonitor: jest.fn(),
  shutdownAzureMonitor: jest.fn(async () => {}),
}));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const distro = require("@azure/monitor-opentelemetry") as {
  useAzureMonitor: jest.Mock;
  shutdownAzureMonitor: jest.Mock;
};

const CONNECTION =
  "InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/";
const MSI = {
  MicrosoftAppType: "UserAssignedMSI",
  MicrosoftAppId: "2b7c9a1e-4d3f-4e8a-9c1b-7f0e6d5a4b3c",
  MicrosoftAppTenantId: "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11",
  PSEUDONYM_SECRET: "a-pseudonym-secret-of-at-least-32-chars",
  EVALUATION_SECRET: "an-evaluation-secret-of-at-least-32-chars",
  COSMOS_ENDPOINT: "https://example.documents.azure.com:443/",
  LOG_LEVEL: "silent",
};

describe("starting telemetry", () => {
  beforeEach(() => distro.useAzureMonitor.mockClear());

  it("does not touch the distro without a connection string", async () => {
    expect(await startTelemetry(loadConfig({ ...MSI }))).toBeUndefined();
    expect(distro.useAzureMonitor).not.toHaveBeenCalled();
  });

  it("with a managed identity: Entra ID ingestion as that identity, the privacy processor, no health probes, no console capture", async () => {
    const handle = await startTelemetry(loadConfig({ ...MSI, APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }));
    expect(distro.useAzureMonitor).toHaveBeenCalledTimes(1);
    const options = distro.useAzureMonitor.mock.calls[0][0];
    expect(options.azureMonitorExporterOptions.connectionString).toBe(CONNECTION);
    const credential = options.azureMonitorExporterOptions.credential;
    expect(credential?.constructor.name).toBe("ManagedIdentityCredential");
    expect(options.spanProcessors.some((p: unknown) => p instanceof PrivacySpanProcessor)).toBe(true);
    expect(options.enableLiveMetrics).toBe(false);
    expect(options.instrumentationOptions.console.enabled).toBe(false);
    expect(options.instrumentationOptions.bunyan.enabled).toBe(false);
    const ignore = options.instrumentationOptions.http.ignoreIncomingRequestHook;
    expect(ignore({ url: "/healthz" })).toBe(true);
    expect(ignore({ url: "/api/messages" })).toBe(false);
    await handle!.shutdown();
    expect(distro.shutdownAzureMonitor).toHaveBeenCalled();
  });

  it("without a managed identity: the connection string alone", async () => {
    await startTelemetry(loadConfig({ LOG_LEVEL: "silent", APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION }));
    expect(distro.useAzureMonitor.mock.calls[0][0].azureMonitorExporterOptions.credential).toBeUndefined();
  });
});
