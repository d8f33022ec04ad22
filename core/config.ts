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
const guid = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "must be a GUID");

/** The Azure Bot's app id alone: packaging the Teams app needs it, but not the secret. */
export const AppIdSetting = optionalString.pipe(guid.optional());

export const ConfigSchema = z
  .object({
    PORT: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ message: "must be a number" })
        .int("must be a whole number")
        .min(1, "must be 1–65535")
        .max(65535, "must be 1–65535")
        .default(3978),
    ),
    HOST: optionalString.pipe(
      z
        .union([z.ipv4({ message: "must be an IPv4 address" }), z.ipv6({ message: "must be an IP address" })])
        .optional(),
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
    COSMOS_KEY: optionalString,
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
    CASES_RETENTION_DAYS: positiveInt(3 * 365, 10 * 365),
    CHART_LINK_DAYS: positiveInt(30, 365),
  })
  .superRefine((c, ctx) => {
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType !== "UserAssignedMSI")
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "is required when MicrosoftAppId is set",
      });
    if (!c.MicrosoftAppId && c.MicrosoftAppPassword)
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppId"],
        message: "is required when MicrosoftAppPassword is set",
      });
    // Without an app id authentication is off and the tenant is never used, so a half-filled .env
    // (type set, tenant not yet known) must not stop a local start.
    if (c.MicrosoftAppId && c.MicrosoftAppType === "SingleTenant" && !c.MicrosoftAppTenantId)
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: "is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant",
      });
    if (c.COSMOS_ENDPOINT && !c.COSMOS_KEY)
      ctx.addIssue({ code: "custom", path: ["COSMOS_KEY"], message: "is required when COSMOS_ENDPOINT is set" });
    if (c.MicrosoftAppId && !c.PSEUDONYM_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["PSEUDONYM_SECRET"],
        message: "is required when MicrosoftAppId is set (authentication on)",
      });
    // Answer ids are keyed hashes: a secret that changed (or was generated per process) would split a
    // respondent's answers across restarts, so any persistent store needs a fixed one, authenticated or not.
    if (c.COSMOS_ENDPOINT && !c.EVALUATION_SECRET)
      ctx.addIssue({ code: "custom", path: ["EVALUATION_SECRET"], message: "is required when COSMOS_ENDPOINT is set" });
  })
  .transform((c) => {
    const authEnabled = Boolean(c.MicrosoftAppId);
    return {
      ...c,
      authEnabled,
      // Without authentication anyone who can reach the port could impersonate Teams: stay on loopback.
      host: c.HOST ?? (authEnabled ? "0.0.0.0" : "127.0.0.1"),
      embeddedCosmos: !c.COSMOS_ENDPOINT,
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
