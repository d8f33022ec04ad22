import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Agent } from "node:https";
import { CosmosClient, ErrorResponse, type Container, type Database } from "@azure/cosmos";
import { DefaultAzureCredential, type TokenCredential } from "@azure/identity";
import type { Config } from "../core/config";
import type * as CosmosServer from "@vercel/cosmosdb-server";
import type { Logger } from "../core/logger";
import { containerSpecs, type ContainerName } from "./containers";

/** Any base64 string is accepted by the embedded server; this is the well-known emulator key. */
export const EMBEDDED_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

export interface CosmosSettings {
  endpoint?: string;
  /** Account key; without it (and with an endpoint) `credential` signs in with Entra ID. */
  key?: string;
  /** Entra ID credential (DefaultAzureCredential in production), used when there is no key. */
  credential?: TokenCredential;
  databaseId: string;
  /** A custom https agent (a private CA or a proxy); the default agent otherwise. */
  agent?: Agent;
}

/** The store settings from configuration: a key, Entra ID (DefaultAzureCredential, the managed identity in Azure), or embedded. */
export function cosmosSettingsOf(config: Config): CosmosSettings {
  return {
    endpoint: config.COSMOS_ENDPOINT,
    key: config.COSMOS_KEY,
    databaseId: config.COSMOS_DATABASE,
    credential:
      config.cosmosAuth === "entra"
        ? new DefaultAzureCredential(
            config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {},
          )
        : undefined,
  };
}

/** Start-up stops with this when Entra ID access finds the database or containers missing. */
export class MissingContainersError extends Error {
  constructor(
    readonly databaseId: string,
    readonly missing: string[],
  ) {
    super(
      `Cosmos DB ${missing.length === 0 ? `database "${databaseId}" is missing` : `database "${databaseId}" lacks the container(s) ${missing.join(", ")}`}. ` +
        "With Entra ID access (no COSMOS_KEY) the bot cannot create them: deploy infra/ (Bicep), which declares every container " +
        "with its partition key, or create them as listed in data/containers.ts.",
    );
    this.name = "MissingContainersError";
  }
}

const isStatus = (err: unknown, code: number) => err instanceof ErrorResponse && err.code === code;

/**
 * createIfNotExists is a read then a create: two instances starting together on an empty account both
 * read 404 and one create answers 409. The other's creation is as good as ours, so read it back.
 */
async function createOrRead<T>(create: () => Promise<T>, read: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (err) {
    if (isStatus(err, 409)) return read();
    throw err;
  }
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
  const { createHttpServer } = require("@vercel/cosmosdb-server") as typeof CosmosServer;
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
  const useEntra = !key;
  if (useEntra && !settings.credential)
    throw new Error("COSMOS_KEY is empty and no Entra ID credential was given for Cosmos DB");
  const client = new CosmosClient({
    endpoint,
    ...(useEntra ? { aadCredentials: settings.credential } : { key }),
    ...(settings.agent ? { agent: settings.agent } : {}),
    // The embedded server (in this process or shared by several instances, as in the propagation
    // test) speaks plain HTTP and has no regional endpoints to discover; Azure is always https.
    connectionPolicy: embeddedServer || endpoint.startsWith("http:") ? { enableEndpointDiscovery: false } : undefined,
  });
  const containers = {} as Record<ContainerName, Container>;
  const specs = Object.entries(containerSpecs) as [ContainerName, (typeof containerSpecs)[ContainerName]][];
  let database: Database;
  if (useEntra) {
    // Data-plane RBAC (Cosmos DB Built-in Data Contributor) reads and writes items but cannot create
    // databases or containers: check they exist, name every missing one, create nothing.
    database = client.database(settings.databaseId);
    const missing: string[] = [];
    try {
      await database.read();
    } catch (err) {
      if (isStatus(err, 404)) throw new MissingContainersError(settings.databaseId, []);
      throw err;
    }
    for (const [name, spec] of specs) {
      const container = database.container(spec.id);
      try {
        await container.read();
      } catch (err) {
        if (isStatus(err, 404)) missing.push(spec.id);
        else throw err;
        continue;
      }
      containers[name] = container;
    }
    if (missing.length > 0) throw new MissingContainersError(settings.databaseId, missing);
  } else {
    const db = await createOrRead(
      () => client.databases.createIfNotExists({ id: settings.databaseId }),
      () => client.database(settings.databaseId).read(),
    );
    database = db.database;
    for (const [name, spec] of specs) {
      const { container } = await createOrRead(
        () => database.containers.createIfNotExists({ id: spec.id, partitionKey: { paths: [spec.partitionKeyPath] } }),
        () => database.container(spec.id).read(),
      );
      containers[name] = container;
    }
  }
  logger.info(
    {
      endpoint: embeddedServer ? endpoint : new URL(endpoint).host,
      database: settings.databaseId,
      embedded: Boolean(embeddedServer),
      auth: useEntra ? "entra" : "key",
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
