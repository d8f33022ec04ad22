import type { Server } from "node:http";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { startEmbeddedCosmos } from "../data/cosmos";
import { TeamsTestClient } from "./support/teams-client";

// Two bot instances on one Cosmos database (the embedded server, reached over HTTP like Azure):
// a change published on one is answered by the other within its KB_POLL_SECONDS, without restart.

const EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
const ADMIN = { id: "29:admin-anna", name: "Anna Admin", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const POLL_SECONDS = 1;

describe("propagation between instances", () => {
  let cosmos: { endpoint: string; server: Server };
  let a: App;
  let b: App;
  let toA: TeamsTestClient;
  let toB: TeamsTestClient;

  beforeAll(async () => {
    cosmos = await startEmbeddedCosmos();
    const env = {
      LOG_LEVEL: "silent",
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: EMULATOR_KEY,
      EVALUATION_SECRET: "propagation-test-secret-long-enough-0123",
      COSMOS_DATABASE: `propagation-${Date.now()}`,
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      KB_POLL_SECONDS: String(POLL_SECONDS),
    };
    a = await createApp(loadConfig(env), createLogger("silent"));
    b = await createApp(loadConfig(env), createLogger("silent"));
    toA = await TeamsTestClient.start(`http://127.0.0.1:${await a.start(0)}/api/messages`);
    toB = await TeamsTestClient.start(`http://127.0.0.1:${await b.start(0)}/api/messages`);
    toA.user = ADMIN;
  });
  afterAll(async () => {
    await Promise.all([toA.close(), toB.close()]);
    await Promise.all([a.stop(), b.stop()]);
    await new Promise<void>((r) => cosmos.server.close(() => r()));
  });

  it("instance B answers with an entry retired on instance A within the poll interval", async () => {
    const question = "Vad betyder LARO?";
    const entryOf = (reply: Record<string, any>) =>
      JSON.stringify(reply.attachments?.[0]?.content ?? {}).match(
        /"action":"qa.feedback","entryId":"([a-z0-9-]+)"/,
      )?.[1];
    const before = await toB.say(question);
    const entryId = entryOf(before.replies[0]);
    expect(entryId).toBeDefined();
    const versionOnB = b.knowledge.version;

    // Retire it on A.
    const open = await toA.post(toA.activity({ type: "message", value: { action: "admin.open", entryId } }));
    const retire = JSON.stringify(open.replies[0].attachments[0].content).match(
      /\{"action":"admin\.retire","entryId":"[^"]+","etag":"(?:[^"\\]|\\.)*"\}/,
    )![0];
    const published = Date.now();
    const res = await toA.post(toA.activity({ type: "message", value: JSON.parse(retire) }));
    expect(res.replies[0].summary).toMatch(/tillbakadragen/);
    // A serves the change at once.
    expect(entryOf((await toA.say(question)).replies[0])).not.toBe(entryId);

    // B converges by polling, not by a message from A. The budget is generous (a loaded CI machine); how
    // fast it converges is a figure (SHOW_FIGURES), not an assertion.
    let converged = -1;
    while (Date.now() - published < 15 * POLL_SECONDS * 1000) {
      if (entryOf((await toB.say(question)).replies[0]) !== entryId) {
        converged = Date.now() - published;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(converged).toBeGreaterThanOrEqual(0);
    if (process.env.SHOW_FIGURES)
      console.log(`instance B converged ${converged} ms after the publish (KB_POLL_SECONDS=${POLL_SECONDS})`);
    expect(b.knowledge.version).toBeGreaterThan(versionOnB);
  });
});
