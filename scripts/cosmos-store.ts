import type { AddressInfo } from "node:net";
import { createHttpServer } from "@vercel/cosmosdb-server";
import { EMBEDDED_KEY } from "../data/cosmos";

// `npm run store`: the embedded Cosmos-compatible server as its own process, so several bot processes
// share one store on loopback as App Service instances share one Cosmos DB account. In memory: the data
// lives as long as this process. COSMOS_STORE_PORT picks the port (default 8081, the emulator's).
const port = Number(process.env.COSMOS_STORE_PORT ?? 8081);
// keepAlive: like Azure Cosmos DB; without it every response says "connection: close" and each call
// pays a new TCP connection.
const server = createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One JSON line first, for scripts that start the store and read where it listens.
  console.log(JSON.stringify({ endpoint, key: EMBEDDED_KEY }));
  console.error(
    `Cosmos-compatible store (in memory) on ${endpoint}. Start bots with COSMOS_ENDPOINT=${endpoint} ` +
      `COSMOS_KEY=<the key above> EVALUATION_SECRET=<32+ characters>. Ctrl-C stops it (and loses the data).`,
  );
});
server.on("error", (err) => {
  console.error(`could not start the store: ${err.message}`);
  process.exit(1);
});
const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
