import http from "node:http";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp } from "../bot/app";
import { TeamsTestClient } from "./support/teams-client";

// Graceful shutdown: every request that reached the bot before stop() is answered, however far it
// got (still being sent, parsed, or answered); new connections are refused once stopping started.

const SLOW_MS = 400;

function postRaw(port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/messages",
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("shutdown with questions in flight", () => {
  it.each([
    [20, 0],
    [50, 0],
    [20, 400],
  ])(
    "answers all %i questions sent before SIGTERM (the process stalls %i ms once stopping began)",
    async (n, stallMs) => {
      const config = loadConfig({ LOG_LEVEL: "silent" });
      let started = 0;
      const app = await createApp(config, createLogger("silent"), {
        answerQuestion: async () => {
          started++;
          await new Promise((r) => setTimeout(r, SLOW_MS));
          return { text: "svar" };
        },
        startScheduler: false,
        // The bound is production's; here it only has to outlast a saturated CI machine.
        drainMs: 60_000,
      });
      const port = await app.start(0);
      const client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
      try {
        const bodies = Array.from({ length: n }, (_, i) =>
          JSON.stringify(client.activity({ type: "message", text: `Vem betalar HVB ${i}?` })),
        );
        // Some requests are answered, some are still on their way when the stop begins.
        const sent = bodies.map((b) =>
          postRaw(port, b).then(
            (status) => status,
            (err: Error) => err.message,
          ),
        );
        await new Promise((r) => setImmediate(r));
        const stopping = app.stop();
        // A loaded machine can stall the process just after the stop began, before it has read the
        // requests its connections carry: a request that arrived is still answered.
        for (let i = 0; i < 20; i++) await Promise.resolve();
        for (const until = Date.now() + stallMs; Date.now() < until;);
        const statuses = await Promise.all(sent);
        await stopping;
        expect(statuses.filter((s) => s !== 200)).toEqual([]);
        expect(started).toBe(n);
        expect(client.sent.filter((s) => s.activity.text === "svar")).toHaveLength(n);
        // Once stopped, the port takes no new connection.
        await expect(postRaw(port, bodies[0])).rejects.toThrow(/ECONNREFUSED/);
      } finally {
        await client.close();
      }
    },
  );
});
