import type { AddressInfo } from "node:net";
import { createHttpServer } from "@vercel/cosmosdb-server";

// The embedded Cosmos-compatible server in a process of its own (the production shape: the store's
// CPU and heap are not the bot's). Prints its endpoint as one JSON line.
// keepAlive: Azure Cosmos DB keeps connections open; without it every call pays a new connection.
const server = createHttpServer({ keepAlive: true });
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
process.once("SIGTERM", () => process.exit(0));
