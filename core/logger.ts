import pino from "pino";

// Structured JSON logs. Message text from users is never logged at info level (privacy): log ids and sizes.
export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { app: "samverkansboten" }, timestamp: pino.stdTimeFunctions.isoTime });
}
