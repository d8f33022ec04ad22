import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfig, ConfigError } from "../core/config";

const GUID = "6e1f3f0a-5b1c-4c39-9a53-2f0c5e9d7a11";
const SECRET = "0123456789abcdef0123456789abcdef";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("configuration", () => {
  it("defaults to a loopback-only bot on 3978 with the embedded store", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3978,
      host: "127.0.0.1",
      authEnabled: false,
      embeddedCosmos: true,
      COSMOS_DATABASE: "samverkansboten",
      LOG_LEVEL: "info",
    });
  });

  it("listens on all interfaces once authentication is configured", () => {
    const c = loadConfig({
      MicrosoftAppId: GUID,
      MicrosoftAppPassword: "secret",
      PSEUDONYM_SECRET: SECRET,
      COSMOS_ENDPOINT: "https://x.documents.azure.com:443/",
      COSMOS_KEY: "k",
      EVALUATION_SECRET: SECRET,
    });
    expect(c).toMatchObject({ authEnabled: true, host: "0.0.0.0", embeddedCosmos: false });
  });

  it("uses a development pseudonym secret only while authentication is off", () => {
    expect(loadConfig({}).pseudonymSecret.length).toBeGreaterThanOrEqual(32);
    expect(
      loadConfig({
        MicrosoftAppId: GUID,
        MicrosoftAppPassword: "x",
        PSEUDONYM_SECRET: SECRET,
        ALLOW_IN_MEMORY_STORE: "true",
      }).pseudonymSecret,
    ).toBe(SECRET);
    expect(loadConfig({}).KB_POLL_SECONDS).toBe(60);
  });

  it("needs no evaluation secret with the embedded store, and takes one with a real store and authentication off", () => {
    expect(loadConfig({}).EVALUATION_SECRET).toBeUndefined();
    expect(
      loadConfig({ COSMOS_ENDPOINT: "https://x.documents.azure.com/", COSMOS_KEY: "k", EVALUATION_SECRET: SECRET }),
    ).toMatchObject({ authEnabled: false, embeddedCosmos: false, EVALUATION_SECRET: SECRET });
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", MicrosoftAppId: " " })).toMatchObject({ PORT: 3978, authEnabled: false });
  });

  it("starts locally when only MicrosoftAppType=SingleTenant is filled in (no app id, no tenant)", () => {
    expect(loadConfig({ MicrosoftAppType: "SingleTenant", MicrosoftAppTenantId: "" })).toMatchObject({
      authEnabled: false,
      MicrosoftAppType: "SingleTenant",
    });
  });

  it("starts with .env.example as it is", () => {
    const env: Record<string, string> = {};
    for (const line of readFileSync(join(__dirname, "..", ".env.example"), "utf8").split("\n")) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
      if (m) env[m[1]] = m[2];
    }
    expect(Object.keys(env)).toContain("MicrosoftAppType");
    expect(problemsOf(env)).toEqual([]);
  });

  it("parses comma-separated id lists", () => {
    expect(
      loadConfig({ ADMIN_AAD_OBJECT_IDS: `${GUID}, ${GUID.replace("6e", "7e")}` }).ADMIN_AAD_OBJECT_IDS,
    ).toHaveLength(2);
  });

  it.each([
    [{ PORT: "abc" }, /^PORT: /],
    [{ PORT: "70000" }, /^PORT: must be 0–65535/],
    [{ HOST: "not-an-ip" }, /^HOST: /],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: must be one of/],
    [
      { MicrosoftAppId: "bot", MicrosoftAppPassword: "x", PSEUDONYM_SECRET: SECRET, ALLOW_IN_MEMORY_STORE: "true" },
      /^MicrosoftAppId: must be a GUID/,
    ],
    [
      { MicrosoftAppId: GUID, PSEUDONYM_SECRET: SECRET, ALLOW_IN_MEMORY_STORE: "true" },
      /^MicrosoftAppPassword: is required/,
    ],
    [{ MicrosoftAppPassword: "x" }, /^MicrosoftAppId: is required/],
    [{ MicrosoftAppId: GUID, MicrosoftAppPassword: "x", MicrosoftAppType: "Single" }, /^MicrosoftAppType: must be/],
    [
      {
        MicrosoftAppId: GUID,
        MicrosoftAppPassword: "x",
        PSEUDONYM_SECRET: SECRET,
        MicrosoftAppType: "SingleTenant",
        ALLOW_IN_MEMORY_STORE: "true",
      },
      /^MicrosoftAppTenantId: is required/,
    ],
    [{ MicrosoftAppTenantId: "t" }, /^MicrosoftAppTenantId: must be a GUID/],
    [
      { COSMOS_ENDPOINT: "ftp://cosmos", COSMOS_KEY: "k", EVALUATION_SECRET: SECRET },
      /^COSMOS_ENDPOINT: must be an http\(s\) URL/,
    ],
    [
      {
        MicrosoftAppId: GUID,
        MicrosoftAppPassword: "x",
        COSMOS_ENDPOINT: "https://x.documents.azure.com/",
        COSMOS_KEY: "k",
        PSEUDONYM_SECRET: SECRET,
      },
      /^EVALUATION_SECRET: is required when COSMOS_ENDPOINT is set/,
    ],
    // Authentication off but a real store: a per-process key would split answers across restarts.
    [
      { COSMOS_ENDPOINT: "https://x.documents.azure.com/", COSMOS_KEY: "k" },
      /^EVALUATION_SECRET: is required when COSMOS_ENDPOINT is set/,
    ],
    [{ EVALUATION_SECRET: "short" }, /^EVALUATION_SECRET: must be at least 32/],
    [{ EVALUATION_OPEN_DAYS: "0" }, /^EVALUATION_OPEN_DAYS: must be 1–90/],
    [{ PUBLIC_BASE_URL: "bot.example.se" }, /^PUBLIC_BASE_URL: must be an http\(s\) URL/],
    [{ COSMOS_DATABASE: "bad name!" }, /^COSMOS_DATABASE: /],
    [{ ALLOWED_TENANT_IDS: "contoso" }, /^ALLOWED_TENANT_IDS\.0: must be a GUID/],
    [{ ADMIN_AAD_OBJECT_IDS: `${GUID},nope` }, /^ADMIN_AAD_OBJECT_IDS\.1: must be a GUID/],
    [
      { MicrosoftAppId: GUID, MicrosoftAppPassword: "x", ALLOW_IN_MEMORY_STORE: "true" },
      /^PSEUDONYM_SECRET: is required when MicrosoftAppId is set/,
    ],
    [{ PSEUDONYM_SECRET: "short" }, /^PSEUDONYM_SECRET: must be at least 32 characters/],
    [{ KB_POLL_SECONDS: "120" }, /^KB_POLL_SECONDS: must be 1–60/],
  ])("rejects %j with a message naming the variable", (env, expected) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});
