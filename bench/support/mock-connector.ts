import http from "node:http";
import type { AddressInfo } from "node:net";

/** A Bot Connector that accepts every reply and counts them, so benchmarks measure the bot, not the connector. */
export async function startMockConnector(): Promise<{
  serviceUrl: string;
  replies: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method === "POST") count++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id":"r"}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    replies: () => count,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
