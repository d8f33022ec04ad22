import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { CosmosClient, type Container, type Database } from "@azure/cosmos";
import type { Logger } from "../core/logger";
import { containerSpecs, type ContainerName } from "./containers";

/** Any base64 string is accepted by the embedded server; this is the well-known emulator key. */
const EMBEDDED_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

export interface CosmosSettings {
  endpoint?: string;
  key?: string;
  databaseId: string;
}

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  endpoint: string;
  embedded: boolean;
  /** True when Cosmos answers a cheap read. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts the in-process Cosmos-compatible server on loopback; resolves with its endpoint. */
export async function startEmbeddedCosmos(): Promise<{ endpoint: string; server: Server }> {
  // Loaded only when used: with COSMOS_ENDPOINT set, the server and its query compiler (~20 MB) stay out.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHttpServer } = require("@vercel/cosmosdb-server") as typeof import("@vercel/cosmosdb-server");
  // Without keepAlive it answers every request with "connection: close", so each Cosmos call would
  // open a new TCP connection; Azure Cosmos DB keeps them open.
  const server = createHttpServer({ keepAlive: true });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, server };
}

/**
 * Opens the store: the configured Azure Cosmos DB account, or the embedded server when no endpoint is set.
 * Both go through the same @azure/cosmos client and the same containers.
 */
export async function openCosmos(settings: CosmosSettings, logger: Logger): Promise<CosmosStore> {
  let embeddedServer: Server | undefined;
  let endpoint = settings.endpoint;
  let key = settings.key;
  if (!endpoint) {
    const started = await startEmbeddedCosmos();
    embeddedServer = started.server;
    endpoint = started.endpoint;
    key = EMBEDDED_KEY;
    logger.warn(
      { endpoint },
      "COSMOS_ENDPOINT is not set: using the embedded Cosmos-compatible server (in memory, data is lost on exit)",
    );
  }
  const client = new CosmosClient({
    endpoint,
    key,
    // The embedded server (in this process or shared by several instances, as in the propagation
    // test) speaks plain HTTP and has no regional endpoints to discover; Azure is always https.
    connectionPolicy: embeddedServer || endpoint.startsWith("http:") ? { enableEndpointDiscovery: false } : undefined,
  });
  const { database } = await client.databases.createIfNotExists({ id: settings.databaseId });
  const containers = {} as Record<ContainerName, Container>;
  for (const [name, spec] of Object.entries(containerSpecs) as [
    ContainerName,
    (typeof containerSpecs)[ContainerName],
  ][]) {
    const { container } = await database.containers.createIfNotExists({
      id: spec.id,
      partitionKey: { paths: [spec.partitionKeyPath] },
    });
    containers[name] = container;
  }
  logger.info(
    {
      endpoint: embeddedServer ? endpoint : new URL(endpoint).host,
      database: settings.databaseId,
      embedded: Boolean(embeddedServer),
    },
    "cosmos ready",
  );
  return {
    client,
    database,
    containers,
    endpoint,
    embedded: Boolean(embeddedServer),
    async ping() {
      try {
        await database.read();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      client.dispose();
      if (embeddedServer) await new Promise<void>((resolve) => embeddedServer!.close(() => resolve()));
    },
  };
}
