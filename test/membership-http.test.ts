import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { TeamsTestClient, submitActions } from "./support/teams-client";

// Joining a VuS group is a request: the group's coordinator (or an admin) approves or denies it on a
// card; only then is the person a member. Asking to be the group's coordinator is decided by an admin.

const ADMIN = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const user = (i: number) => ({
  id: `29:member-${i}`,
  name: `Medlem ${i}`,
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
});
const admin = { id: "29:admin", name: "Admin Välfärd", aadObjectId: ADMIN };

describe("membership requests", () => {
  let app: App;
  let client: TeamsTestClient;
  const post = (who: typeof admin, value: unknown, text?: string) =>
    client.as(who, () => client.post(client.activity({ type: "message", conversationId: `a:${who.id}`, value, text })));
  const member = (i: number, group = "sala") => app.vus.member(group, user(i).aadObjectId);

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", ADMIN_AAD_OBJECT_IDS: ADMIN });
    app = await createApp(config, createLogger("silent"), {
      answerQuestion: async () => ({ text: "svar" }),
      startScheduler: false,
    });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    for (const who of [admin, user(0), user(1), user(2)])
      await client.as(who, () => client.install({ conversationId: `a:${who.id}` }));
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("makes nobody a member by joining alone", async () => {
    const res = await post(user(1), {
      action: "meetings.join",
      groupId: "sala",
      organisation: "Sala",
      function: "ifo",
    });
    expect(res.replies[0].text).toMatch(/förfrågan/i);
    expect(await member(1)).toBeUndefined();
  });

  it("lets an admin see the request and approve it on a card; a stranger cannot", async () => {
    const stranger = await post(user(2), {
      action: "meetings.approveJoin",
      groupId: "sala",
      aadObjectId: user(1).aadObjectId,
    });
    expect(stranger.replies[0].text).not.toMatch(/godkänd/i);
    expect(await member(1)).toBeUndefined();
    const list = await post(admin, undefined, "förfrågningar");
    const approve = submitActions(list.replies[0].attachments[0].content).find(
      (a) => a.data?.action === "meetings.approveJoin",
    );
    expect(approve?.data).toMatchObject({ groupId: "sala", aadObjectId: user(1).aadObjectId });
    const res = await post(admin, approve!.data);
    expect(res.replies[0].text).toMatch(/Medlem 1/);
    expect((await member(1))?.doc).toMatchObject({ role: "member", organisation: "Sala", function: "ifo" });
  });

  it("denies a request: nothing is stored", async () => {
    await post(user(2), { action: "meetings.join", groupId: "sala", organisation: "Sala", function: "ifo" });
    await post(admin, { action: "meetings.denyJoin", groupId: "sala", aadObjectId: user(2).aadObjectId });
    expect(await member(2)).toBeUndefined();
    const again = await post(admin, {
      action: "meetings.approveJoin",
      groupId: "sala",
      aadObjectId: user(2).aadObjectId,
    });
    expect(await member(2)).toBeUndefined();
    expect(again.replies[0].text).toMatch(/finns inte/i);
  });

  it("says who makes you coordinator, and makes you one when the admin approves as coordinator", async () => {
    const res = await post(user(0), {
      action: "meetings.join",
      groupId: "sala",
      organisation: "Region Västmanland",
      function: "samordnare",
    });
    expect(res.replies[0].text).toMatch(/administratör/i);
    const list = await post(admin, undefined, "förfrågningar");
    const asCoordinator = submitActions(list.replies[0].attachments[0].content).find(
      (a) => a.data?.action === "meetings.approveJoin" && a.data?.asCoordinator === true,
    );
    expect(asCoordinator).toBeDefined();
    await post(admin, asCoordinator!.data);
    expect((await member(0))?.doc).toMatchObject({ role: "coordinator", function: "samordnare" });
  });

  it("lets the coordinator approve members of their group, but not make coordinators", async () => {
    await post(user(2), { action: "meetings.join", groupId: "sala", organisation: "Sala", function: "samordnare" });
    const refused = await post(user(0), {
      action: "meetings.approveJoin",
      groupId: "sala",
      aadObjectId: user(2).aadObjectId,
      asCoordinator: true,
    });
    expect(refused.replies[0].text).toMatch(/administratör/i);
    expect(await member(2)).toBeUndefined();
    await post(user(0), { action: "meetings.approveJoin", groupId: "sala", aadObjectId: user(2).aadObjectId });
    expect((await member(2))?.doc.role).toBe("member");
  });
});
