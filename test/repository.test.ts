import { z } from "zod";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { Repository } from "../data/repository";
import { ConflictError, DuplicateError, InvalidDocumentError } from "../data/errors";
import { createLogger } from "../core/logger";

const Note = z.object({ id: z.string(), tenantId: z.string(), text: z.string().max(20), n: z.number().int() });

describe("Repository on the embedded Cosmos server", () => {
  let store: CosmosStore;
  let notes: Repository<typeof Note>;

  beforeAll(async () => {
    store = await openCosmos({ databaseId: `test-${Date.now()}` }, createLogger("silent"));
    // conversations is partitioned on /tenantId, which suits this sample schema
    notes = new Repository(store.containers.conversations, Note, (d) => d.tenantId);
  });
  afterAll(() => store.close());

  it("answers ping", async () => {
    expect(await store.ping()).toBe(true);
  });

  it("creates and reads back a validated document with an etag", async () => {
    const created = await notes.create({ id: "a", tenantId: "t1", text: "hej", n: 1 });
    expect(created.etag).not.toBe("");
    const read = await notes.read("a", "t1");
    expect(read?.doc).toEqual({ id: "a", tenantId: "t1", text: "hej", n: 1 });
    expect(read?.etag).toBe(created.etag);
  });

  it("returns undefined for a missing document", async () => {
    expect(await notes.read("missing", "t1")).toBeUndefined();
  });

  it("surfaces a duplicate create (409) as DuplicateError", async () => {
    await notes.create({ id: "dup", tenantId: "t1", text: "x", n: 1 });
    await expect(notes.create({ id: "dup", tenantId: "t1", text: "y", n: 2 })).rejects.toBeInstanceOf(DuplicateError);
    expect((await notes.read("dup", "t1"))?.doc.text).toBe("x");
  });

  it("surfaces a stale etag (412) as ConflictError and keeps the winner's write", async () => {
    const first = await notes.create({ id: "c", tenantId: "t1", text: "v1", n: 1 });
    const winner = await notes.replace({ ...first.doc, text: "v2" }, first.etag);
    expect(winner.etag).not.toBe(first.etag);
    await expect(notes.replace({ ...first.doc, text: "v3" }, first.etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await notes.read("c", "t1"))?.doc.text).toBe("v2");
  });

  it("refuses to write a document that breaks the schema", async () => {
    await expect(notes.create({ id: "bad", tenantId: "t1", text: "x".repeat(30), n: 1 })).rejects.toBeInstanceOf(
      InvalidDocumentError,
    );
    expect(await notes.read("bad", "t1")).toBeUndefined();
  });

  it("validates documents read back from the store", async () => {
    await store.containers.conversations.items.create({ id: "foreign", tenantId: "t1", text: 42 });
    await expect(notes.read("foreign", "t1")).rejects.toBeInstanceOf(InvalidDocumentError);
  });

  it("queries within a partition", async () => {
    await notes.create({ id: "q1", tenantId: "t2", text: "a", n: 5 });
    await notes.create({ id: "q2", tenantId: "t2", text: "b", n: 7 });
    const found = await notes.query(
      "SELECT * FROM c WHERE c.tenantId = @t AND c.n > @n",
      [
        { name: "@t", value: "t2" },
        { name: "@n", value: 5 },
      ],
      "t2",
    );
    expect(found.map((s) => s.doc.id)).toEqual(["q2"]);
  });
});
