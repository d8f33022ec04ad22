import { createAdapter } from "../bot/adapter";
import { ConfigError, loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { cosmosSettingsOf } from "../data/cosmos";

// The settings an operator meets when moving to Azure: every combination the schema accepts must also
// build the Bot Framework adapter (botbuilder checks the app type's pieces only then, with a stack trace),
// and combinations that would lose data or fail later are refused up front, naming the variable.

const GUID = "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11";
const TENANT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const SECRET = "0123456789abcdef0123456789abcdef";
const COSMOS = { COSMOS_ENDPOINT: "https://x.documents.azure.com:443/", EVALUATION_SECRET: SECRET };
const logger = createLogger("silent");

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("app types", () => {
  const types = ["", "MultiTenant", "SingleTenant", "UserAssignedMSI"];
  const ids = ["", GUID];
  const passwords = ["", "client-secret"];
  const tenants = ["", TENANT];
  const combos = types.flatMap((MicrosoftAppType) =>
    ids.flatMap((MicrosoftAppId) =>
      passwords.flatMap((MicrosoftAppPassword) =>
        tenants.map((MicrosoftAppTenantId) => ({
          MicrosoftAppType,
          MicrosoftAppId,
          MicrosoftAppPassword,
          MicrosoftAppTenantId,
        })),
      ),
    ),
  );

  it.each(combos)("whatever the schema accepts builds the adapter: %j", (auth) => {
    const env = { ...auth, ...COSMOS, PSEUDONYM_SECRET: SECRET };
    let config;
    try {
      config = loadConfig(env);
    } catch (e) {
      // Refused: with a message per variable, never a crash.
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.length).toBeGreaterThan(0);
      return;
    }
    expect(() => createAdapter(config, logger)).not.toThrow();
  });

  it("accepts a user-assigned managed identity with its tenant and no secret", () => {
    const c = loadConfig({
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppId: GUID,
      MicrosoftAppTenantId: TENANT,
      PSEUDONYM_SECRET: SECRET,
      ...COSMOS,
    });
    expect(c).toMatchObject({ authEnabled: true, MicrosoftAppType: "UserAssignedMSI" });
    expect(() => createAdapter(c, logger)).not.toThrow();
  });

  it.each([
    [
      { MicrosoftAppType: "UserAssignedMSI", MicrosoftAppId: GUID },
      /^MicrosoftAppTenantId: is required with MicrosoftAppType=UserAssignedMSI/,
    ],
    [
      {
        MicrosoftAppType: "UserAssignedMSI",
        MicrosoftAppId: GUID,
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppPassword: "x",
      },
      /^MicrosoftAppPassword: must be empty with MicrosoftAppType=UserAssignedMSI/,
    ],
    [
      { MicrosoftAppType: "SingleTenant", MicrosoftAppId: GUID, MicrosoftAppPassword: "x" },
      /^MicrosoftAppTenantId: is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant/,
    ],
    [
      { MicrosoftAppType: "SingleTenant", MicrosoftAppId: GUID, MicrosoftAppTenantId: TENANT },
      /^MicrosoftAppPassword: is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant/,
    ],
  ])("names the missing piece of %j", (auth, expected) => {
    const problems = problemsOf({ ...auth, ...COSMOS, PSEUDONYM_SECRET: SECRET });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});

describe("store with authentication on", () => {
  const auth = { MicrosoftAppId: GUID, MicrosoftAppPassword: "x", PSEUDONYM_SECRET: SECRET };

  it("refuses the in-memory store unless explicitly allowed", () => {
    const problems = problemsOf(auth);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^COSMOS_ENDPOINT: is required when MicrosoftAppId is set/);
    expect(problems[0]).toMatch(/ALLOW_IN_MEMORY_STORE=true/);
    expect(loadConfig({ ...auth, ALLOW_IN_MEMORY_STORE: "true" })).toMatchObject({
      authEnabled: true,
      embeddedCosmos: true,
    });
  });

  it("keeps the in-memory store the default without authentication", () => {
    expect(loadConfig({})).toMatchObject({
      embeddedCosmos: true,
      cosmosAuth: "embedded",
      ALLOW_IN_MEMORY_STORE: false,
    });
  });

  it("rejects a malformed opt-in", () => {
    expect(problemsOf({ ALLOW_IN_MEMORY_STORE: "yes" })[0]).toMatch(/^ALLOW_IN_MEMORY_STORE: must be true or false/);
  });
});

describe("Cosmos DB access", () => {
  it("uses Entra ID when the endpoint has no key", () => {
    const c = loadConfig({ ...COSMOS });
    expect(c.cosmosAuth).toBe("entra");
    const settings = cosmosSettingsOf(c);
    expect(settings.key).toBeUndefined();
    expect(settings.credential).toBeDefined();
  });

  it("uses the key when there is one", () => {
    const c = loadConfig({ ...COSMOS, COSMOS_KEY: "k" });
    expect(c.cosmosAuth).toBe("key");
    expect(cosmosSettingsOf(c).credential).toBeUndefined();
  });

  it("reaches Cosmos with the bot's managed identity unless AZURE_CLIENT_ID names another", () => {
    const msi = {
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppId: GUID,
      MicrosoftAppTenantId: TENANT,
      PSEUDONYM_SECRET: SECRET,
      ...COSMOS,
    };
    expect(loadConfig(msi).managedIdentityClientId).toBe(GUID);
    expect(loadConfig({ ...msi, AZURE_CLIENT_ID: TENANT }).managedIdentityClientId).toBe(TENANT);
    expect(loadConfig({ ...COSMOS }).managedIdentityClientId).toBeUndefined();
  });

  it("refuses a key without an endpoint", () => {
    expect(problemsOf({ COSMOS_KEY: "k" })[0]).toMatch(/^COSMOS_ENDPOINT: is required when COSMOS_KEY is set/);
  });
});
