import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { CaseStore } from "../data/cases/case-store";
import type { Case } from "../data/cases/schema";
import { ConflictError } from "../data/errors";

// The cases container on the embedded store: etag-guarded changes and the retention purge.

function sample(id: string, fields: Partial<Case> = {}): Case {
  return {
    id,
    type: "case",
    groupId: "sala",
    year: "2026",
    kind: "tvist",
    description: "d",
    parties: "p",
    managersTried: true,
    reporter: { tenantId: "t", aadObjectId: "a", userId: "29:u", serviceUrl: "https://smba.example/", name: "R" },
    status: "open",
    raisedAt: "2026-01-01T09:00:00.000Z",
    revision: 1,
    history: [],
    updatedAt: "2026-01-01T09:00:00.000Z",
    ...fields,
  };
}

describe("case store", () => {
  let cosmos: CosmosStore;
  let store: CaseStore;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `cases-${Date.now()}` });
    cosmos = await openCosmos({ databaseId: config.COSMOS_DATABASE }, createLogger("silent"));
    store = new CaseStore(cosmos.containers.cases);
  });
  afterAll(() => cosmos.close());

  it("refuses a change made from an out-of-date read", async () => {
    const created = await store.create(sample("2026-00000001"));
    await store.replace({ ...created.doc, status: "closed", revision: 2 }, created.etag);
    await expect(store.replace({ ...created.doc, status: "solved", revision: 2 }, created.etag)).rejects.toThrow(
      ConflictError,
    );
    expect((await store.read("sala", "2026-00000001"))?.doc.status).toBe("closed");
  });

  it("deletes only cases finished before the cut-off", async () => {
    const decided = (at: string) => ({
      decision: { decision: "solved" as const, at, byName: "S" },
      status: "solved" as const,
    });
    await store.create(sample("2026-00000002", decided("2026-02-01T09:00:00.000Z")));
    await store.create(sample("2026-00000003", decided("2026-06-01T09:00:00.000Z")));
    // Lifted without an outcome: still waiting for Välfärd, kept whatever its age.
    await store.create(
      sample("2026-00000004", {
        status: "lifted",
        decision: { decision: "lifted", at: "2026-01-05T09:00:00.000Z", byName: "S" },
      }),
    );
    await store.create(sample("2026-00000005", { raisedAt: "2020-01-01T00:00:00.000Z" }));
    expect(await store.purgeFinishedBefore("2026-03-01T00:00:00.000Z")).toBe(1);
    const left = (await store.all()).map((c) => c.id);
    expect(left).not.toContain("2026-00000002");
    expect(left).toEqual(expect.arrayContaining(["2026-00000003", "2026-00000004", "2026-00000005"]));
  });
});
