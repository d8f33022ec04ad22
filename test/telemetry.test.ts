import { context, metrics, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { PrivacySpanProcessor, scrubText, scrubUrl } from "../bot/telemetry-privacy";
import { countStoreError } from "../core/telemetry";
import { systemClock } from "../core/clock";
import { fanOut, type Recipient } from "../core/jobs/fanout";
import { SendError, type Messenger } from "../core/jobs/messenger";
import { RateLimiter } from "../core/jobs/rate-limiter";
import { TeamsTestClient, TENANT } from "./support/teams-client";

// The bot's own spans and metrics, read back from in-memory exporters while Teams-shaped activities go
// through the real HTTP endpoint: what a question turn records, and that no text, name or id does.

class TestReader extends MetricReader {
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

/** Every data point of the named metric, as attributes and value (sum, or count for a histogram). */
function points(collected: ResourceMetrics, name: string): { attributes: Record<string, unknown>; value: number }[] {
  return collected.scopeMetrics
    .flatMap((s) => s.metrics)
    .filter((m) => m.descriptor.name === name)
    .flatMap((m) =>
      m.dataPoints.map((p) => ({
        attributes: p.attributes as Record<string, unknown>,
        value: typeof p.value === "number" ? p.value : (p.value as { count: number }).count,
      })),
    );
}

const QUESTION = "Vem har kostnadsansvar för HVB-placering?";
const DECLINED = "Vad blir vädret i Västerås i morgon?";

describe("telemetry", () => {
  const spans = new InMemorySpanExporter();
  const reader = new TestReader();
  let app: App;
  let client: TeamsTestClient;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({
        // Privacy first, as bot/telemetry.ts registers it: the exporter sees the scrubbed span.
        spanProcessors: [new PrivacySpanProcessor() as never, new SimpleSpanProcessor(spans)],
      }),
    );
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `telemetry-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"));
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
    trace.disable();
    metrics.disable();
    context.disable();
  });
  beforeEach(() => spans.reset());

  it("records a question turn as a bot.turn span with its kind and outcome, and nothing the user wrote", async () => {
    const conversationId = "a:1telemetry-conversation-0f3a9c2b7e";
    const { status } = await client.say(QUESTION, { conversationId });
    expect(status).toBe(200);
    const turns = spans.getFinishedSpans().filter((s) => s.name === "bot.turn");
    expect(turns).toHaveLength(1);
    expect(turns[0].attributes).toEqual({
      "activity.type": "message",
      "conversation.type": "personal",
      "turn.kind": "question",
      "qa.outcome": "answer",
    });
    const exported = JSON.stringify(
      spans.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })),
    );
    for (const secret of [
      "HVB",
      "kostnadsansvar",
      client.user.id,
      client.user.aadObjectId,
      client.user.name,
      TENANT,
      conversationId,
    ])
      expect(exported).not.toContain(secret);
  });

  it("counts answers and declines, and turn durations by kind, with no ids in any metric", async () => {
    await client.say(DECLINED);
    await client.say("hjälp");
    const { resourceMetrics } = await reader.collect();
    const answers = points(resourceMetrics, "samverkansboten.qa.answers");
    expect(answers).toEqual(
      expect.arrayContaining([
        { attributes: { "qa.outcome": "answer" }, value: 1 },
        { attributes: { "qa.outcome": "decline", "qa.reason": "out-of-scope" }, value: 1 },
      ]),
    );
    const durations = points(resourceMetrics, "samverkansboten.turn.duration");
    expect(durations).toEqual(
      expect.arrayContaining([
        { attributes: { "turn.kind": "question", "qa.outcome": "answer" }, value: 1 },
        { attributes: { "turn.kind": "help" }, value: 1 },
      ]),
    );
    const all = JSON.stringify(resourceMetrics.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.dataPoints)));
    for (const secret of ["väder", client.user.aadObjectId, TENANT, client.user.name])
      expect(all).not.toContain(secret);
  });

  it("records an install turn and a card button turn by kind; a button that asks a question is a question", async () => {
    await client.install();
    await client.post(client.activity({ type: "message", value: { action: "qa.feedback", vote: "up" } }));
    await client.post(client.activity({ type: "message", value: { action: "qa.ask", question: QUESTION } }));
    const kinds = spans
      .getFinishedSpans()
      .filter((s) => s.name === "bot.turn")
      .map((s) => s.attributes["turn.kind"]);
    expect(kinds).toEqual(["install", "cardSubmit", "question"]);
  });

  it("counts proactive deliveries by job kind and status (reminders sent and failed), without recipients", async () => {
    const now = new Date();
    const job = {
      id: "m1.r1.reminder.7d",
      jobId: "m1.r1.reminder.7d",
      type: "job" as const,
      kind: "reminder" as const,
      groupId: "sala",
      meetingId: "m1",
      meetingRevision: 1,
      key: "7d",
      dueAt: now.toISOString(),
      notAfter: new Date(now.getTime() + 3600_000).toISOString(),
      status: "running" as const,
      runs: 1,
      createdAt: now.toISOString(),
    };
    const recipients: Recipient[] = [1, 2, 3].map((i) => ({
      key: `member:00000000-0000-4000-8000-00000000000${i}`,
      target: { kind: "conversation", tenantId: TENANT, conversationId: `a:member-${i}` },
    }));
    // The third member's chat refuses every attempt with a 500.
    const messenger: Messenger = {
      send: async (target) => {
        if (target.kind === "conversation" && target.conversationId === "a:member-3")
          throw new SendError("Internal error", 500);
        return { conversationId: "a:x" };
      },
    };
    await fanOut(job, recipients, () => ({ text: "Påminnelse" }), {
      jobs: app.jobs,
      messenger,
      limiter: new RateLimiter({ perTenantPerSecond: 50, perConversationPerSecond: 7 }, systemClock),
      clock: systemClock,
      retry: { maxAttempts: 2, maxRetryAfterMs: 10, baseDelayMs: 1, maxDelayMs: 2 },
      concurrency: 2,
      owner: "telemetry-test",
      leaseMs: 60_000,
      markInactive: async () => {},
      logger: createLogger("silent"),
    });
    const { resourceMetrics } = await reader.collect();
    const deliveries = points(resourceMetrics, "samverkansboten.deliveries");
    expect(deliveries).toEqual(
      expect.arrayContaining([
        { attributes: { "job.kind": "reminder", "delivery.status": "sent" }, value: 2 },
        { attributes: { "job.kind": "reminder", "delivery.status": "failed" }, value: 1 },
      ]),
    );
    expect(JSON.stringify(deliveries)).not.toMatch(/member|a:|00000000/);
  });

  it("counts store failures by container and status code", async () => {
    countStoreError("vus", Object.assign(new Error("Request rate is large"), { code: 429 }));
    const { resourceMetrics } = await reader.collect();
    expect(points(resourceMetrics, "samverkansboten.store.errors")).toEqual([
      { attributes: { "db.container": "vus", "db.status_code": 429 }, value: 1 },
    ]);
  });
});

describe("telemetry privacy", () => {
  it("keeps plain path words and replaces ids and query strings in URLs", () => {
    expect(
      scrubUrl(
        "https://smba.trafficmanager.net/emea/v3/conversations/a:1Xy_Zq9-8hF3kLmN0pQrStUvW/activities/1700000000000",
      ),
    ).toBe("https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}");
    expect(
      scrubUrl(
        "https://acct.documents.azure.com/dbs/samverkansboten/colls/vus/docs/member.00000000-0000-4000-8000-00000000a001",
      ),
    ).toBe("https://acct.documents.azure.com/dbs/samverkansboten/colls/vus/docs/{id}");
    expect(scrubUrl("/api/reports/2b?t=eyJhbGciOiJIUzI1NiJ9.secret")).toBe("/api/reports/2b?{query}");
  });

  it("replaces GUIDs, Teams ids and long tokens in error texts", () => {
    expect(
      scrubText(
        "Conflict: vus/member.00000000-0000-4000-8000-00000000a001 by 29:1AbCdEf and a:1Xy_Zq9 key kJ3n9xQ2mP8vL5rT7wY1zB4cH6",
      ),
    ).toBe("Conflict: vus/member.{id} by {id} and {id} key {id}");
  });

  it("scrubs a span's URL, query and exception before an exporter sees it", () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new PrivacySpanProcessor() as never, new SimpleSpanProcessor(exporter)],
    });
    const span = provider.getTracer("test").startSpan("GET", {
      attributes: { "url.full": "https://bot.example/api/reports/2b?t=secret-token", "url.query": "t=secret-token" },
    });
    span.recordException(new Error("not found: 19:meeting_abcdefghijklmnopqrstuvwxyz@thread.v2"));
    span.end();
    const [done] = exporter.getFinishedSpans();
    expect(done.attributes).toEqual({
      "url.full": "https://bot.example/api/reports/2b?{query}",
      "url.query": "{query}",
    });
    expect(JSON.stringify(done.events)).not.toContain("meeting_");
  });

  it("the Azure Monitor distro loads (production wires it only with a connection string)", async () => {
    const distro = await import("@azure/monitor-opentelemetry");
    expect(typeof distro.useAzureMonitor).toBe("function");
    expect(typeof distro.shutdownAzureMonitor).toBe("function");
  });
});
