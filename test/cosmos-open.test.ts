import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHttpsServer } from "@vercel/cosmosdb-server";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/identity";
import { createLogger } from "../core/logger";
import { containerSpecs } from "../data/containers";
import { MissingContainersError, openCosmos, startEmbeddedCosmos, type CosmosStore } from "../data/cosmos";

// Opening the store as production does: several instances at once on an empty account, and Entra ID
// access, where the bot may read and write but not create (Cosmos DB data-plane RBAC).

const KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
const logger = createLogger("silent");

/** Stands in for DefaultAzureCredential; records the scopes asked for. */
class FakeCredential implements TokenCredential {
  scopes: string[] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: "fake-entra-token", expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

describe("opening Cosmos", () => {
  let cosmos: { endpoint: string; server: Server };
  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
  });
  afterAll(async () => {
    await new Promise<void>((r) => cosmos.server.close(() => r()));
  });

  it("lets several instances start at the same moment on an empty account", async () => {
    // Each round is a fresh database: every instance sees it missing, then races to create it and
    // its containers. Before, one create answered 409 and that instance exited.
    for (let round = 0; round < 4; round++) {
      const databaseId = `race-${Date.now()}-${round}`;
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, () => openCosmos({ endpoint: cosmos.endpoint, key: KEY, databaseId }, logger)),
      );
      const failures = results
        .filter((r) => r.status === "rejected")
        .map((r) => String((r as PromiseRejectedResult).reason));
      for (const r of results) if (r.status === "fulfilled") await r.value.close();
      expect(failures).toEqual([]);
    }
  });

  describe("with Entra ID (no key)", () => {
    // Bearer tokens go only over TLS, so this part runs the embedded server on https with a certificate
    // made for the run (openssl) and trusted through the client's agent alone.
    let tls: { endpoint: string; server: Server; agent: Agent };
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), "cosmos-tls-"));
      execFileSync(
        "openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"].concat([
          "-addext",
          "subjectAltName=IP:127.0.0.1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ]),
        { stdio: "ignore" },
      );
      const cert = readFileSync(join(dir, "cert.pem"));
      const key = readFileSync(join(dir, "key.pem"));
      rmSync(dir, { recursive: true });
      const server = createHttpsServer({ cert, key });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
      tls = {
        endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
        server,
        agent: new Agent({ ca: cert, keepAlive: true }),
      };
    });
    afterAll(async () => {
      tls.agent.destroy();
      await new Promise<void>((r) => tls.server.close(() => r()));
    });
    const open = (databaseId: string, credential = new FakeCredential()) =>
      openCosmos({ endpoint: tls.endpoint, credential, databaseId, agent: tls.agent }, logger);
    const openWithKey = (databaseId: string) =>
      openCosmos({ endpoint: tls.endpoint, key: KEY, databaseId, agent: tls.agent }, logger);

    it("names every missing container and creates nothing", async () => {
      const databaseId = `entra-partial-${Date.now()}`;
      const admin = await openWithKey(databaseId);
      await admin.containers.jobs.delete();
      await admin.containers.evaluations.delete();
      const credential = new FakeCredential();
      const error = await open(databaseId, credential).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MissingContainersError);
      expect((error as MissingContainersError).missing.sort()).toEqual(["evaluations", "jobs"]);
      expect((error as Error).message).toMatch(/lacks the container\(s\) (jobs, evaluations|evaluations, jobs)/);
      expect((error as Error).message).toMatch(/infra\//);
      // Signed in with the Cosmos DB scope, and created nothing.
      // The SDK asks for the account's own scope (<endpoint>/.default) first.
      expect(credential.scopes).toContain(`${tls.endpoint}/.default`);
      const { resources } = await admin.database.containers.readAll().fetchAll();
      expect(resources.map((c) => c.id).sort()).not.toContain("jobs");
      await admin.close();
    });

    it("stops with a clear message when the database itself is missing", async () => {
      const error = await open(`entra-none-${Date.now()}`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingContainersError);
      expect((error as Error).message).toMatch(/database "entra-none-\d+" is missing/);
    });

    it("opens an account prepared by infra/ and reads and writes through the same containers", async () => {
      const databaseId = `entra-ready-${Date.now()}`;
      const admin = await openWithKey(databaseId);
      let store: CosmosStore | undefined;
      try {
        store = await open(databaseId);
        expect(Object.keys(store.containers).sort()).toEqual(Object.keys(containerSpecs).sort());
        await store.containers.admin.items.create({ id: "probe", kind: "probe" });
        const { resource } = await admin.containers.admin.item("probe", "probe").read();
        expect(resource?.id).toBe("probe");
        expect(await store.ping()).toBe(true);
      } finally {
        await store?.close();
        await admin.close();
      }
    });
  });
});
