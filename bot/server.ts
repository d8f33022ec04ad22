import restify from "restify";
import type { CloudAdapter } from "botbuilder";
import type { Logger } from "../core/logger";
import { tenantOf, type SamverkansBot } from "./teams-bot";
import { IncomingActivity } from "./incoming-activity";

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: SamverkansBot;
  logger: Logger;
  /** True when the store answers. */
  healthy: () => Promise<boolean>;
  /** Tenants whose activities are served; empty serves every tenant. */
  allowedTenants: readonly string[];
}

export interface BotServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting connections and resolves when the turns in flight have finished (or the timeout passed). */
  drain(timeoutMs: number): Promise<void>;
}

export function createServer({ adapter, bot, logger, healthy, allowedTenants }: ServerDeps): BotServer {
  const server = restify.createServer({ name: "samverkansboten", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.post("/api/messages", async (req, res) => {
    const parsed = IncomingActivity.safeParse(req.body);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.map((i) => i.path.join(".")) }, "rejected malformed activity");
      res.send(400, {
        error: "Malformed activity",
        fields: parsed.error.issues.map((i) => i.path.join(".") || "(body)"),
      });
      return;
    }
    const tenantId = tenantOf(parsed.data);
    if (allowedTenants.length > 0 && !allowedTenants.includes(tenantId)) {
      logger.warn(
        { tenantId, activityType: parsed.data.type },
        "refused activity from a tenant outside ALLOWED_TENANT_IDS",
      );
      res.send(403, { error: "Tenant not allowed" });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } finally {
      inFlight--;
      if (inFlight === 0) idle?.();
    }
  });

  server.get("/healthz", async (_req, res) => {
    const ok = await healthy();
    res.send(ok ? 200 : 503, { status: ok ? "ok" : "unavailable", store: ok ? "reachable" : "unreachable" });
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    drain: async (timeoutMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would hold close() open; turns in flight still finish on their own sockets.
      (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((r) => (idle = r)),
          new Promise((r) => setTimeout(r, timeoutMs).unref()),
        ]);
      }
      // Sockets that served the last turns are idle now; drop them so close() can finish.
      (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}
