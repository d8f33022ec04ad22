import autocannon from "autocannon";
import { bodyFor, type ScenarioSpec } from "./scenarios";

// The load generator of bench/http-bench.ts, in its own process (forked, driven over IPC) so its CPU
// is not the bot's or the echo bot's.

export interface LoadRequest {
  id: number;
  url: string;
  seconds: number;
  connections: number;
  users: number;
  serviceUrl: string;
  spec: ScenarioSpec;
}

export interface LoadResult {
  id: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

let counter = 0;

process.on("message", (msg: LoadRequest) => {
  const run = autocannon({
    url: msg.url,
    method: "POST",
    connections: msg.connections,
    duration: msg.seconds,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { "content-type": "application/json" },
          body: bodyFor(msg.spec, counter++, msg.serviceUrl, msg.users),
        }),
      },
    ],
  });
  run.then(
    (r) => {
      const result: LoadResult = {
        id: msg.id,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx + r.timeouts,
        requests: r.requests.total,
      };
      process.send?.(result);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.on("disconnect", () => process.exit(0));
