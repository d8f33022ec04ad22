import { openCosmos, type CosmosStore } from "../data/cosmos";
import { createLogger } from "../core/logger";
import { CosmosBotStorage } from "../bot/cosmos-storage";
import { InvalidDocumentError } from "../data/errors";

describe("botbuilder Storage on Cosmos", () => {
  let store: CosmosStore;
  let storage: CosmosBotStorage;

  beforeAll(async () => {
    store = await openCosmos({ databaseId: `state-${Date.now()}` }, createLogger("silent"));
    storage = new CosmosBotStorage(store.containers.botState);
  });
  afterAll(() => store.close());

  it("writes, reads back with an eTag, and deletes state under keys containing '/'", async () => {
    const key = "msteams/conversations/a:1/";
    await storage.write({ [key]: { step: 2, answers: ["ja"] } });
    const read = await storage.read([key, "missing/key"]);
    expect(read[key]).toMatchObject({ step: 2, answers: ["ja"] });
    expect(typeof read[key].eTag).toBe("string");
    expect(read["missing/key"]).toBeUndefined();
    await storage.delete([key, "missing/key"]);
    expect(await storage.read([key])).toEqual({});
  });

  it("refuses a write with a stale eTag, as botbuilder expects", async () => {
    const key = "msteams/users/29:x/";
    await storage.write({ [key]: { n: 1 } });
    const first = (await storage.read([key]))[key];
    await storage.write({ [key]: { ...first, n: 2 } });
    await expect(storage.write({ [key]: { ...first, n: 3 } })).rejects.toMatchObject({ code: 412 });
    expect((await storage.read([key]))[key]).toMatchObject({ n: 2 });
    await storage.write({ [key]: { n: 4, eTag: "*" } });
    expect((await storage.read([key]))[key]).toMatchObject({ n: 4 });
  });

  it("rejects a document that is not state it wrote", async () => {
    const { createHash } = await import("node:crypto");
    const id = createHash("sha256").update("bad/key").digest("hex");
    await store.containers.botState.items.upsert({ id, something: "else" });
    await expect(storage.read(["bad/key"])).rejects.toBeInstanceOf(InvalidDocumentError);
  });
});
