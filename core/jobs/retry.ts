import type { Clock } from "../clock";
import { SendError, type SendResult } from "./messenger";

// Teams' guidance: honour 429 Retry-After; retry 412, 502 and 504 with jittered exponential backoff;
// stop after a bounded number of attempts. 403/404 mean the bot is gone from that conversation.

export interface RetrySettings {
  maxAttempts: number;
  maxRetryAfterMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetrySettings: RetrySettings = {
  maxAttempts: 5,
  maxRetryAfterMs: 120_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

export type SendOutcome =
  | { status: "sent"; attempts: number; result: SendResult }
  | { status: "inactive"; attempts: number; statusCode?: number; conversationId?: string }
  | { status: "failed"; attempts: number; statusCode?: number };

const TRANSIENT = new Set([412, 500, 502, 503, 504]);

function isRetryable(err: SendError): boolean {
  return err.statusCode === undefined || err.statusCode === 429 || TRANSIENT.has(err.statusCode);
}

/** Full jitter: a random wait up to the exponential ceiling, so retries from many sends spread out. */
export function backoffMs(attempt: number, s: RetrySettings, random: () => number = Math.random): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface RetryHooks {
  /** Called before every attempt (rate limiting). */
  beforeAttempt?: () => Promise<void>;
  /** Called on a 429 with the wait chosen, so the tenant as a whole can slow down. */
  onThrottled?: (waitMs: number) => void;
  random?: () => number;
}

export async function sendWithRetry(
  attempt: () => Promise<SendResult>,
  settings: RetrySettings,
  clock: Clock,
  hooks: RetryHooks = {},
): Promise<SendOutcome> {
  let lastStatus: number | undefined;
  for (let n = 1; n <= settings.maxAttempts; n++) {
    await hooks.beforeAttempt?.();
    try {
      return { status: "sent", attempts: n, result: await attempt() };
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError(err instanceof Error ? err.message : String(err));
      lastStatus = e.statusCode;
      if (e.statusCode === 403 || e.statusCode === 404)
        return { status: "inactive", attempts: n, statusCode: e.statusCode, conversationId: e.conversationId };
      if (!isRetryable(e) || n === settings.maxAttempts)
        return { status: "failed", attempts: n, statusCode: e.statusCode };
      let wait = backoffMs(n, settings, hooks.random);
      if (e.statusCode === 429 && e.retryAfterMs !== undefined) {
        if (e.retryAfterMs > settings.maxRetryAfterMs) return { status: "failed", attempts: n, statusCode: 429 };
        wait = e.retryAfterMs;
      }
      if (e.statusCode === 429) hooks.onThrottled?.(wait);
      await clock.sleep(wait);
    }
  }
  return { status: "failed", attempts: settings.maxAttempts, statusCode: lastStatus };
}
