import { AsyncLocalStorage } from "node:async_hooks";
import {
  metrics,
  SpanStatusCode,
  trace,
  type Attributes,
  type Counter,
  type Histogram,
  type MeterProvider,
} from "@opentelemetry/api";

// The bot's own spans and metrics, through the OpenTelemetry API. Without a registered SDK (no
// APPLICATIONINSIGHTS_CONNECTION_STRING) every call here is a no-op. Attributes are fixed words and
// numbers only: never message text, names, or user, tenant, conversation or job ids.

const SCOPE = "samverkansboten";

/** Metric names as they appear in Application Insights' customMetrics (infra/ alerts query them). */
export const METRIC_NAMES = {
  turnDuration: "samverkansboten.turn.duration",
  answers: "samverkansboten.qa.answers",
  deliveries: "samverkansboten.deliveries",
  jobRuns: "samverkansboten.jobs.runs",
  evaluations: "samverkansboten.evaluations.stored",
  storeErrors: "samverkansboten.store.errors",
} as const;

/** What a turn turned out to be, decided by the router (or the activity type for everything else). */
export type TurnKind =
  "question" | "command" | "help" | "cardSubmit" | "cardAction" | "file" | "install" | "uninstall" | "invoke" | "other";

export type AnswerOutcome = "answer" | "suggest" | "decline";

interface Instruments {
  turnDuration: Histogram;
  answers: Counter;
  deliveries: Counter;
  jobRuns: Counter;
  evaluations: Counter;
  storeErrors: Counter;
}

let instruments: { provider: MeterProvider; made: Instruments } | undefined;

/** Instruments of the meter provider registered now (the API's meters do not follow a later registration). */
function meter(): Instruments {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider === provider) return instruments.made;
  const m = provider.getMeter(SCOPE);
  const made: Instruments = {
    turnDuration: m.createHistogram(METRIC_NAMES.turnDuration, {
      description: "Time to handle one incoming activity, by turn kind",
      unit: "ms",
    }),
    answers: m.createCounter(METRIC_NAMES.answers, {
      description: "Questions by outcome: answer, suggest (Menade du…?) or decline",
    }),
    deliveries: m.createCounter(METRIC_NAMES.deliveries, {
      description: "Proactive messages (reminders, evaluations, notices) by job kind and status",
    }),
    jobRuns: m.createCounter(METRIC_NAMES.jobRuns, {
      description: "Scheduled job runs by job kind and result (ran, failed, expired)",
    }),
    evaluations: m.createCounter(METRIC_NAMES.evaluations, {
      description: "Evaluation answers stored (created or replaced)",
    }),
    storeErrors: m.createCounter(METRIC_NAMES.storeErrors, {
      description: "Cosmos DB calls that failed unexpectedly, by container and status code",
    }),
  };
  instruments = { provider, made };
  return made;
}

interface TurnRecord {
  kind: TurnKind;
  attributes: Attributes;
}

const currentTurn = new AsyncLocalStorage<TurnRecord>();

/** Turn attributes: the activity and conversation type (Teams' own words). */
export interface TurnStart {
  activityType: string;
  conversationType: string;
}

/**
 * Runs one incoming activity in a `bot.turn` span and records its duration by kind. The kind and
 * outcome are filled in by whoever learns them during the turn (markTurn).
 */
export async function recordTurn<T>(start: TurnStart, run: () => Promise<T>): Promise<T> {
  // Until something names it: invokes nobody handled, conversation updates that are not installs, ...
  const record: TurnRecord = { kind: start.activityType === "invoke" ? "invoke" : "other", attributes: {} };
  const began = performance.now();
  return trace
    .getTracer(SCOPE)
    .startActiveSpan(
      "bot.turn",
      { attributes: { "activity.type": safeWord(start.activityType), "conversation.type": start.conversationType } },
      async (span) => {
        try {
          const result = await currentTurn.run(record, run);
          return result;
        } catch (err) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name ?? "Error" });
          record.attributes["turn.failed"] = true;
          throw err;
        } finally {
          span.setAttributes({ "turn.kind": record.kind, ...record.attributes });
          meter().turnDuration.record(performance.now() - began, {
            "turn.kind": record.kind,
            ...(record.attributes["qa.outcome"] ? { "qa.outcome": record.attributes["qa.outcome"] } : {}),
          });
          span.end();
        }
      },
    );
}

/** Names what the current turn is; outside a turn (jobs, tests of dialogs alone) it does nothing. */
export function markTurn(kind: TurnKind, attributes: Attributes = {}): void {
  const record = currentTurn.getStore();
  if (!record) return;
  record.kind = kind;
  Object.assign(record.attributes, attributes);
}

/** A question's outcome (and the decline reason, one of the engine's fixed words). */
export function countAnswer(outcome: AnswerOutcome, reason?: string): void {
  const attributes: Attributes = { "qa.outcome": outcome, ...(reason ? { "qa.reason": reason } : {}) };
  meter().answers.add(1, attributes);
  markTurn("question", attributes);
}

/** One proactive message's end: sent, failed or inactive (the chat is gone). */
export function countDelivery(jobKind: string, status: string): void {
  meter().deliveries.add(1, { "job.kind": jobKind, "delivery.status": status });
}

/** One run of a scheduled job. */
export function countJobRun(jobKind: string, result: "ran" | "failed" | "expired"): void {
  meter().jobRuns.add(1, { "job.kind": jobKind, "job.result": result });
}

/** An evaluation answer stored; `superseded` ones are not counted as stored. */
export function countEvaluationStored(outcome: "created" | "replaced"): void {
  meter().evaluations.add(1, { "evaluation.outcome": outcome });
}

/** A store call that failed for a reason other than the expected conflicts and misses. */
export function countStoreError(container: string, err: unknown): void {
  const code =
    (err as { code?: unknown; statusCode?: unknown } | null)?.code ?? (err as { statusCode?: unknown })?.statusCode;
  meter().storeErrors.add(1, {
    "db.container": container,
    "db.status_code": typeof code === "number" ? code : typeof code === "string" ? safeWord(code) : "none",
  });
}

/** Activity types and error codes come from outside: keep only a short word. */
function safeWord(value: string): string {
  return /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(value) ? value : "other";
}
