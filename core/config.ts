import { z } from "zod";

// Every environment variable the bot reads is parsed here, once. Documented in .env.example.

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const csvList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : (v ?? []),
  z.array(z.string()),
);
/** Keys pseudonyms in local runs only; config refuses to start with authentication on and no secret. */
const DEV_PSEUDONYM_SECRET = "dev-only-pseudonym-secret-not-for-production";
const positiveInt = (fallback: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(1, `must be 1–${max}`)
      .max(max, `must be 1–${max}`)
      .default(fallback),
  );
const positiveNumber = (fallback: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be a number" })
      .positive("must be above 0")
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );
/** Reminder offsets before a meeting: "7d,1d,2h" (days keep the clock time across DST, hours/minutes are exact). */
const offsetList = z.preprocess(
  (v) =>
    typeof v === "string" && v.trim() !== ""
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : ["7d", "1d"],
  z
    .array(z.string().regex(/^[1-9][0-9]{0,2}[dhm]$/, "each offset is a number followed by d, h or m, e.g. 7d,1d"))
    .min(1, "at least one offset")
    .max(5, "at most five offsets"),
);
/** Days a stored kind is kept (between `min` and ten years); the gallring job (dialogs/privacy) enforces it. */
const retentionDays = (fallback: number, min = 1) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(min, `must be ${min}–3650`)
      .max(3650, `must be ${min}–3650`)
      .default(fallback),
  );

/**
 * How long each stored kind is kept, in days, counted from the moment named in the README's retention
 * table ("Gallring"). One line per kind; a feature names its setting in its `retention` rules.
 */
const retention = {
  FEEDBACK_RETENTION_DAYS: retentionDays(365),
  CONVERSATIONS_RETENTION_DAYS: retentionDays(90),
  BOT_STATE_RETENTION_DAYS: retentionDays(30),
  JOIN_REQUESTS_RETENTION_DAYS: retentionDays(60),
  // The evaluation invitations are drawn from a meeting's RSVPs after it ended (EVALUATION_DELAY_MINUTES, at most a week).
  RSVPS_RETENTION_DAYS: retentionDays(90, 8),
  MEETINGS_RETENTION_DAYS: retentionDays(3 * 365, 365),
  JOBS_RETENTION_DAYS: retentionDays(90),
  // The survey of a meeting late in December stays open into the next year (EVALUATION_OPEN_DAYS, at most 90).
  EVALUATIONS_RETENTION_DAYS: retentionDays(365, 120),
  CASES_RETENTION_DAYS: retentionDays(3 * 365),
  IMPORTS_RETENTION_DAYS: retentionDays(7),
  ADMIN_AUDIT_RETENTION_DAYS: retentionDays(3 * 365),
  ESCALATIONS_RETENTION_DAYS: retentionDays(365),
  // "Most asked" reads the last three months of counts.
  ASK_COUNTS_RETENTION_DAYS: retentionDays(400, 100),
};
export type RetentionSetting = keyof typeof retention;
export const retentionSettings = Object.keys(retention) as RetentionSetting[];

const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a GUID");

/** The Azure Bot's app id alone: packaging the Teams app needs it, but not the secret. */
export const AppIdSetting = optionalString.pipe(guid.optional());

const Settings = z.object({
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      // 0 lets the system pick a free port (tests and scripts that start several bots); the log names it.
      .min(0, "must be 0–65535")
      .max(65535, "must be 0–65535")
      .default(3978),
  ),
  HOST: optionalString.pipe(
    z.union([z.ipv4({ message: "must be an IPv4 address" }), z.ipv6({ message: "must be an IP address" })]).optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  ),
  MicrosoftAppId: AppIdSetting,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z
      .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
        message: "must be MultiTenant, SingleTenant or UserAssignedMSI",
      })
      .default("MultiTenant"),
  ),
  MicrosoftAppTenantId: optionalString.pipe(guid.optional()),
  COSMOS_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional()),
  /** Empty with an endpoint = Entra ID (managed identity) through DefaultAzureCredential. */
  COSMOS_KEY: optionalString,
  /** Client id of the user-assigned managed identity that reaches Cosmos (defaults to MicrosoftAppId with UserAssignedMSI). */
  AZURE_CLIENT_ID: optionalString.pipe(guid.optional()),
  /** Explicit opt-in to the in-memory store while authentication is on: one instance, data lost on restart. */
  ALLOW_IN_MEMORY_STORE: z
    .preprocess(emptyToUndefined, z.enum(["true", "false"], { message: "must be true or false" }).default("false"))
    .transform((v) => v === "true"),
  COSMOS_DATABASE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,255}$/, "letters, digits, _ and - only")
      .default("samverkansboten"),
  ),
  ALLOWED_TENANT_IDS: csvList.pipe(z.array(guid)),
  ADMIN_AAD_OBJECT_IDS: csvList.pipe(z.array(guid)),
  PSEUDONYM_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  KB_POLL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be 1–60")
      .max(60, "must be 1–60")
      .default(60),
  ),
  // Meetings and reminders
  MEETINGS_REMINDER_OFFSETS: offsetList,
  MEETINGS_REPRESENTATION_CHECK_TIME: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "must be HH:MM")
      .default("15:00"),
  ),
  MEETINGS_SCHEDULER_ENABLED: z
    .preprocess(emptyToUndefined, z.enum(["true", "false"], { message: "must be true or false" }).default("true"))
    .transform((v) => v === "true"),
  MEETINGS_SCHEDULER_INTERVAL_SECONDS: positiveInt(60, 3600),
  MEETINGS_LEASE_SECONDS: positiveInt(300, 86400),
  MEETINGS_TENANT_SENDS_PER_SECOND: positiveNumber(40, 50),
  MEETINGS_CONVERSATION_SENDS_PER_SECOND: positiveNumber(4, 7),
  MEETINGS_SEND_CONCURRENCY: positiveInt(8, 64),
  MEETINGS_SEND_MAX_ATTEMPTS: positiveInt(5, 20),
  MEETINGS_MAX_RETRY_AFTER_SECONDS: positiveInt(120, 3600),
  // Meeting evaluations and the indicator 2b report
  EVALUATION_DELAY_MINUTES: positiveInt(60, 7 * 24 * 60),
  EVALUATION_OPEN_DAYS: positiveInt(14, 90),
  EVALUATION_SECRET: optionalString.pipe(
    z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 48)").optional(),
  ),
  REPORT_LINK_MINUTES: positiveInt(15, 24 * 60),
  PUBLIC_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional()),
  // Samverkansärenden and the yearly follow-up
  CHART_LINK_DAYS: positiveInt(30, 365),
  // Asking Välfärd: an unanswered question is reminded in the expert channel after this many working days
  ESCALATION_REMINDER_WORKING_DAYS: positiveInt(2, 20),
  /** Telemetry to Application Insights through OpenTelemetry; off when empty. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalString.pipe(
    z
      .string()
      .regex(/InstrumentationKey=|IngestionEndpoint=/i, "must be an Application Insights connection string")
      .optional(),
  ),
  /** Set by App Service on each instance; names this process's claims on jobs and deliveries. */
  WEBSITE_INSTANCE_ID: optionalString,
  ...retention,
});

/** The name of every environment variable the bot reads (infra/ must set each or say why not). */
export const settingNames = Object.keys(Settings.shape) as (keyof typeof Settings.shape)[];

export const ConfigSchema = Settings.superRefine((c, ctx) => {
  const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  // Each app type needs its own pieces; botbuilder checks the same only when the adapter is built,
  // which would crash start-up with a stack trace instead of naming the variable.
  if (c.MicrosoftAppId) {
    if (c.MicrosoftAppType === "UserAssignedMSI") {
      if (!c.MicrosoftAppTenantId)
        problem("MicrosoftAppTenantId", "is required with MicrosoftAppType=UserAssignedMSI (the identity's tenant)");
      if (c.MicrosoftAppPassword)
        problem(
          "MicrosoftAppPassword",
          "must be empty with MicrosoftAppType=UserAssignedMSI (the identity has no secret)",
        );
    } else {
      if (!c.MicrosoftAppPassword)
        problem(
          "MicrosoftAppPassword",
          `is required when MicrosoftAppId is set and MicrosoftAppType is ${c.MicrosoftAppType}`,
        );
      if (c.MicrosoftAppType === "SingleTenant" && !c.MicrosoftAppTenantId)
        problem("MicrosoftAppTenantId", "is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant");
    }
    if (!c.PSEUDONYM_SECRET) problem("PSEUDONYM_SECRET", "is required when MicrosoftAppId is set (authentication on)");
    // An authenticated bot on the in-memory store loses everything on restart, and each instance has its
    // own store (every instance sends every reminder): only an explicit opt-in allows it.
    if (!c.COSMOS_ENDPOINT && !c.ALLOW_IN_MEMORY_STORE)
      problem(
        "COSMOS_ENDPOINT",
        "is required when MicrosoftAppId is set (authentication on); without it the bot would keep its data in memory, " +
          "lose it on every restart and not share it between instances. For a one-instance demo set ALLOW_IN_MEMORY_STORE=true",
      );
  } else if (c.MicrosoftAppPassword) problem("MicrosoftAppId", "is required when MicrosoftAppPassword is set");
  // Answer ids are keyed hashes: a secret that changed (or was generated per process) would split a
  // respondent's answers across restarts, so any persistent store needs a fixed one, authenticated or not.
  if (c.COSMOS_ENDPOINT && !c.EVALUATION_SECRET)
    problem("EVALUATION_SECRET", "is required when COSMOS_ENDPOINT is set");
  if (c.COSMOS_KEY && !c.COSMOS_ENDPOINT) problem("COSMOS_ENDPOINT", "is required when COSMOS_KEY is set");
}).transform((c) => {
  const authEnabled = Boolean(c.MicrosoftAppId);
  return {
    ...c,
    authEnabled,
    // Without authentication anyone who can reach the port could impersonate Teams: stay on loopback.
    host: c.HOST ?? (authEnabled ? "0.0.0.0" : "127.0.0.1"),
    embeddedCosmos: !c.COSMOS_ENDPOINT,
    // No key with an endpoint: Entra ID, where data-plane RBAC lets the bot read and write but not create containers.
    cosmosAuth: !c.COSMOS_ENDPOINT ? ("embedded" as const) : c.COSMOS_KEY ? ("key" as const) : ("entra" as const),
    // The managed identity for Cosmos: an explicit AZURE_CLIENT_ID, else the bot's own identity.
    managedIdentityClientId:
      c.AZURE_CLIENT_ID ?? (c.MicrosoftAppType === "UserAssignedMSI" ? c.MicrosoftAppId : undefined),
    // The development default only ever applies with authentication off (local runs and tests).
    pseudonymSecret: c.PSEUDONYM_SECRET ?? DEV_PSEUDONYM_SECRET,
  };
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  return parsed.data;
}
