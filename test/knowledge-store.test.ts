import { createLogger } from "../core/logger";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { MARKER_ID, KnowledgeEntryDoc } from "../data/kb/knowledge-docs";
import { KnowledgeStore } from "../data/kb/knowledge-store";
import type { KbEntry } from "../data/kb/schema";
import { loadSeed, type Seed } from "../data/kb/seed";
import { KnowledgeService, type KnowledgeSource } from "../dialogs/qa/knowledge-service";
import { entry, fixtureEntries } from "./qa-fixtures";

const seedOf = (entries: KbEntry[], version: string): Seed => ({ entries, version });

describe("the repository seed", () => {
  it("validates every file and has a stable content version", () => {
    const a = loadSeed();
    expect(a.entries.length).toBeGreaterThan(200);
    expect(loadSeed().version).toBe(a.version);
    expect(a.version).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("KnowledgeStore on the embedded Cosmos server", () => {
  let store: CosmosStore;
  let db = 0;
  const open = async () => {
    store = await openCosmos(
      { databaseId: `kb-${Date.now()}-${db++}-${Math.round(Math.random() * 1e6)}` },
      createLogger("silent"),
    );
    return new KnowledgeStore(store.containers.knowledge);
  };
  afterEach(async () => store?.close());

  it("loads the seed once, with version 1 per entry and a base marker", async () => {
    const kb = await open();
    const report = await kb.ensureSeeded(seedOf(fixtureEntries, "v1"));
    expect(report).toMatchObject({ loaded: true, created: fixtureEntries.length, updated: 0, retired: 0 });
    const { docs, problems } = await kb.readEntries();
    expect(problems).toEqual([]);
    expect(docs.map((d) => d.id).sort()).toEqual(fixtureEntries.map((e) => e.id).sort());
    expect(docs.every((d) => d.version === 1 && d.updatedBy === "seed")).toBe(true);
    // The fixture's retired entry is stored, retired.
    expect(docs.filter((d) => d.status === "retired").map((d) => d.id)).toEqual(
      fixtureEntries.filter((e) => e.retired).map((e) => e.id),
    );
    expect(await kb.readMarker()).toMatchObject({ id: MARKER_ID, version: 1, seedVersion: "v1" });
  });

  it("writes nothing on a restart with the same seed", async () => {
    const kb = await open();
    await kb.ensureSeeded(seedOf(fixtureEntries, "v1"));
    const before = await store.containers.knowledge.items.readAll().fetchAll();
    const again = await new KnowledgeStore(store.containers.knowledge).ensureSeeded(seedOf(fixtureEntries, "v1"));
    expect(again.loaded).toBe(false);
    const after = await store.containers.knowledge.items.readAll().fetchAll();
    expect(after.resources.map((r) => r._etag).sort()).toEqual(before.resources.map((r) => r._etag).sort());
    expect((await kb.readMarker())?.version).toBe(1);
  });

  it("applies a newer seed, keeps an admin's edit and retires entries the seed dropped", async () => {
    const kb = await open();
    await kb.ensureSeeded(seedOf(fixtureEntries, "v1"));
    const [first, second, third, ...rest] = fixtureEntries.filter((e) => !e.retired);
    // An admin edited `second` in Cosmos.
    const edited = (await kb.readEntries()).docs.find((d) => d.id === second.id)!;
    await store.containers.knowledge.items.upsert({
      ...edited,
      entry: { ...edited.entry, answer: "Redigerad av en administratör i Välfärd." },
      version: 2,
      updatedBy: "admin@example.se",
    });

    const newer = [
      { ...first, answer: `${first.answer} Uppdaterad i källan.` },
      { ...second, answer: `${second.answer} Också ändrad i källan.` },
      ...rest,
    ];
    const report = await kb.ensureSeeded(seedOf([...newer, ...fixtureEntries.filter((e) => e.retired)], "v2"));
    expect(report).toMatchObject({ loaded: true, created: 0, updated: 1, retired: 1, keptAdminEdits: [second.id] });

    const docs = new Map((await kb.readEntries()).docs.map((d) => [d.id, d]));
    expect(docs.get(first.id)).toMatchObject({ version: 2, status: "active" });
    expect(docs.get(first.id)?.entry.answer).toContain("Uppdaterad i källan");
    expect(docs.get(second.id)?.entry.answer).toBe("Redigerad av en administratör i Välfärd.");
    expect(docs.get(third.id)).toMatchObject({ status: "retired", version: 2 });
    expect(await kb.readMarker()).toMatchObject({ version: 2, seedVersion: "v2" });
  });

  it("skips and reports a stored document that fails validation, serving the rest", async () => {
    const kb = await open();
    await kb.ensureSeeded(seedOf(fixtureEntries, "v1"));
    const good = (await kb.readEntries()).docs[0];
    await store.containers.knowledge.items.create({
      ...good,
      id: "term-trasig",
      entry: { ...good.entry, id: "term-trasig", answer: "kort" },
    });
    await store.containers.knowledge.items.create({ ...good, id: "term-fel-id" });

    const { docs, problems } = await kb.readEntries();
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.startsWith("term-trasig:"))).toMatch(/entry\.answer/);
    expect(problems.find((p) => p.startsWith("term-fel-id:"))).toMatch(/entry\.id must equal/);
    expect(docs.map((d) => d.id)).not.toContain("term-trasig");

    const service = new KnowledgeService(kb);
    const loaded = await service.reload();
    expect(loaded.problems).toHaveLength(2);
    expect(loaded.entries).toBe(fixtureEntries.filter((e) => !e.retired).length);
    expect(service.engine.entry("term-trasig")).toBeUndefined();
  });

  it("reloads only when the base version changes, and serves retire and restore by status", async () => {
    const kb = await open();
    await kb.ensureSeeded(seedOf(fixtureEntries, "v1"));
    const service = new KnowledgeService(kb);
    await service.reload();
    expect(service.version).toBe(1);
    expect(await service.poll()).toBe(false);
    expect(service.engine.entry("term-sip")).toBeDefined();

    const sip = (await kb.readEntries()).docs.find((d) => d.id === "term-sip")!;
    await store.containers.knowledge.items.upsert(
      KnowledgeEntryDoc.parse({ ...sip, status: "retired", version: sip.version + 1, updatedBy: "admin" }),
    );
    expect(await service.poll()).toBe(false); // not yet announced
    expect(service.engine.entry("term-sip")).toBeDefined();
    await kb.bumpMarker("admin");
    expect(await service.poll()).toBe(true);
    expect(service.version).toBe(2);
    expect(service.engine.entry("term-sip")).toBeUndefined();

    // Restored by status alone, although the stored entry itself still says retired: true.
    const retired = fixtureEntries.find((e) => e.retired)!;
    const doc = (await kb.readEntries()).docs.find((d) => d.id === retired.id)!;
    await store.containers.knowledge.items.upsert({ ...doc, status: "active", version: doc.version + 1 });
    await kb.bumpMarker("admin");
    await service.poll();
    expect(service.engine.entry(retired.id)).toBeDefined();
  });
});

describe("KnowledgeService", () => {
  it("answers from memory: no store reads after the load", async () => {
    let reads = 0;
    const docs = fixtureEntries.map((e) =>
      KnowledgeEntryDoc.parse({
        id: e.id,
        type: "entry",
        entry: e,
        version: 1,
        status: e.retired ? "retired" : "active",
        updatedAt: new Date().toISOString(),
        updatedBy: "seed",
      }),
    );
    const source: KnowledgeSource = {
      readMarker: async () => {
        reads++;
        return {
          id: MARKER_ID,
          type: "marker",
          version: 7,
          seedVersion: "x",
          updatedAt: new Date().toISOString(),
          updatedBy: "seed",
        };
      },
      readEntries: async () => {
        reads++;
        return { docs, problems: [] };
      },
    };
    const service = new KnowledgeService(source);
    await service.reload();
    const afterLoad = reads;
    for (let i = 0; i < 20; i++) expect(service.engine.ask("Vem betalar för HVB?").outcome).not.toBe("decline");
    expect(reads).toBe(afterLoad);
    expect(service.version).toBe(7);
  });

  it("keeps serving the loaded base when a reload fails", async () => {
    let fail = false;
    const docs = [
      entry({
        id: "topic-a",
        title: "Anhöriga",
        answer: "Anhöriga ska få stöd av socialtjänsten enligt överenskommelsen.",
        phrasings: ["stöd till anhöriga", "anhörigstöd"],
      }),
    ].map((e) =>
      KnowledgeEntryDoc.parse({
        id: e.id,
        type: "entry",
        entry: e,
        version: 1,
        status: "active",
        updatedAt: new Date().toISOString(),
        updatedBy: "seed",
      }),
    );
    let version = 1;
    const source: KnowledgeSource = {
      readMarker: async () => ({
        id: MARKER_ID,
        type: "marker",
        version,
        seedVersion: "x",
        updatedAt: new Date().toISOString(),
        updatedBy: "seed",
      }),
      readEntries: async () => {
        if (fail) throw new Error("cosmos down");
        return { docs, problems: [] };
      },
    };
    const service = new KnowledgeService(source);
    await service.reload();
    fail = true;
    version = 2;
    await expect(service.poll()).rejects.toThrow("cosmos down");
    expect(service.engine.entry("topic-a")).toBeDefined();
    expect(service.version).toBe(1);
  });
});
