import net from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import restify from "restify";
import type { Activity } from "botbuilder";
import type { Logger } from "../core/logger";
import type { TeamsAdapter } from "./adapter";
import { type SamverkansBot } from "./teams-bot";
import { IncomingActivity, tenantIdsOf } from "./incoming-activity";

export interface ServerDeps {
  adapter: TeamsAdapter;
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
  /**
   * Stops accepting connections and resolves when every request that had arrived has been answered
   * (or the timeout passed).
   */
  drain(timeoutMs: number): Promise<void>;
}

/** Shutdown stops listening once no connection or request has arrived for this long... */
const ARRIVAL_GRACE_MS = 250;
/** ...or after this long at most, so a steady stream of new connections cannot hold it open. */
const MAX_ACCEPT_MS = 2000;

/** The status of an authentication failure: 401 for a bad or missing token, 503 when the keys could not be fetched. */
function authFailureStatus(err: unknown): 401 | 503 {
  return (err as { statusCode?: unknown } | null)?.statusCode === 401 ? 401 : 503;
}

export function createServer({ adapter, bot, logger, healthy, allowedTenants }: ServerDeps): BotServer {
  const server = restify.createServer({ name: "samverkansboten", handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  // A request is in flight from the moment its connection is accepted (its headers may not have been
  // read yet) until its response is done, whether it is still being parsed, authenticated or answered:
  // shutdown waits for all of them.
  const raw = server.server;
  let inFlight = 0;
  let draining = false;
  let lastArrival = 0;
  const sockets = new Set<net.Socket>();
  /** Accepted connections whose first request has not arrived yet. */
  const unread = new Set<net.Socket>();
  raw.on("connection", (socket: net.Socket) => {
    lastArrival = Date.now();
    sockets.add(socket);
    unread.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      unread.delete(socket);
    });
  });
  raw.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
    unread.delete(req.socket);
    inFlight++;
    lastArrival = Date.now();
    // While draining, each answered request closes its connection so no further request is sent on it.
    if (draining) res.shouldKeepAlive = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.once("finish", finish);
    res.once("close", finish);
  });

  server.post("/api/messages", async (req, res) => {
    const body: unknown = req.body;
    const activity = (body && typeof body === "object" && !Array.isArray(body) ? body : {}) as Partial<Activity>;
    const header = String(req.headers.authorization ?? "");
    // Authenticate first: an unauthenticated caller learns nothing about the shape we expect or
    // which tenants are served.
    let auth;
    try {
      auth = await adapter.authenticate(activity, header);
    } catch (err) {
      const status = authFailureStatus(err);
      if (status === 503) logger.error({ err }, "could not authenticate a request: Bot Framework keys unavailable");
      else logger.warn({ reason: (err as Error)?.message }, "refused an unauthenticated request");
      res.send(status, { error: status === 401 ? "Unauthorized" : "Service unavailable" });
      return;
    }
    const parsed = IncomingActivity.safeParse(body);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.map((i) => i.path.join(".")) }, "rejected malformed activity");
      res.send(400, {
        error: "Malformed activity",
        fields: [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(body)"))],
      });
      return;
    }
    const tenants = tenantIdsOf(parsed.data);
    if (!tenants.consistent) {
      logger.warn({ activityType: parsed.data.type }, "refused an activity whose tenant ids disagree");
      res.send(403, { error: "Tenant not allowed" });
      return;
    }
    if (allowedTenants.length > 0 && !allowedTenants.includes(tenants.tenantId)) {
      logger.warn(
        { tenantId: tenants.tenantId, activityType: parsed.data.type },
        "refused activity from a tenant outside ALLOWED_TENANT_IDS",
      );
      res.send(403, { error: "Tenant not allowed" });
      return;
    }
    try {
      const invoke = await adapter.processAuthenticated(auth, parsed.data as unknown as Activity, (context) =>
        bot.run(context),
      );
      if (invoke?.body !== undefined) res.send(invoke.status ?? 200, invoke.body);
      else res.send(invoke?.status ?? 200);
    } catch (err) {
      // Turn errors are answered by onTurnError; this is a failure around the turn (e.g. no connector).
      logger.error({ err }, "request failed outside the turn");
      if (!res.headersSent) res.send(500, { error: "Internal error" });
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
        raw.once("error", reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    drain: async (timeoutMs) => {
      if (draining) return;
      draining = true;
      // After each pause, one pass of the event loop's I/O phase (setImmediate runs after it), so a
      // process that stalled accepts and reads what arrived meanwhile before deciding all is quiet.
      const sleep = async () => {
        await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setImmediate(r));
      };
      const start = Date.now();
      const deadline = start + timeoutMs;
      lastArrival = Math.max(lastArrival, start);
      const quiet = () => Date.now() - lastArrival >= ARRIVAL_GRACE_MS;
      // Connections a client opened just before the signal may still sit in the listen backlog; closing
      // the listener would reset them. Accept until arrivals stop (bounded), answering with
      // "Connection: close", then stop listening. http.Server.close() is not used: its
      // closeIdleConnections() would also reset connections whose request is not parsed yet.
      while (!quiet() && Date.now() < Math.min(deadline, start + MAX_ACCEPT_MS)) await sleep();
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(raw, () => resolve()));
      while ((inFlight > 0 || unread.size > 0 || !quiet()) && Date.now() < deadline) await sleep();
      for (const socket of sockets) socket.destroy();
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1000).unref())]);
    },
  };
}
