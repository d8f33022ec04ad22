import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { meetingsText, qaText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import type { FeedbackStore } from "../data/feedback";
import { TeamsTestClient, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// Cards that change in place over the real protocol (adaptiveCard/action invokes): 👍/👎 turn into a
// thank-you that cannot be pressed again, and a sent join or coordinator form becomes its outcome.

const ADMIN = { id: "29:admin", name: "Alva Admin", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const NURSE = { id: "29:nurse", name: "Nora Sjuksköterska", aadObjectId: "00000000-0000-4000-8000-000000000e01" };
type Who = typeof ADMIN;

/** Every action in a card (body and actions), fallbacks included. */
function actions(node: unknown, out: any[] = []): any[] {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === "object") {
    const o = node as any;
    if (typeof o.type === "string" && o.type.startsWith("Action.")) out.push(o);
    Object.values(o).forEach((v) => actions(v, out));
  }
  return out;
}

describe("cards updated in place", () => {
  let app: App;
  let client: TeamsTestClient;
  let feedback: FeedbackStore;
  const as = <T>(who: Who, fn: () => Promise<T>) => client.as(who, fn);
  const chatOf = (who: Who) => `a:inplace-${who.id}`;
  const invoke = (who: Who, action: { verb: string; data: unknown }) =>
    as(who, () =>
      client.post(
        client.activity({
          type: "invoke",
          name: "adaptiveCard/action",
          conversationId: chatOf(who),
          value: { action: { type: "Action.Execute", ...action }, trigger: "manual" },
        }),
      ),
    );

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      COSMOS_DATABASE: `ux-inplace-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"), { startScheduler: false, instanceId: "inplace" });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    feedback = app.feedback;
    for (const who of [ADMIN, NURSE]) await as(who, () => client.install({ conversationId: chatOf(who) }));
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("👍 stores one vote and the card comes back with a thank-you and no vote buttons", async () => {
    const question = "Vem har kostnadsansvar för HVB-placering?";
    const { replies } = await as(NURSE, () => client.say(question, { conversationId: chatOf(NURSE) }));
    const card = replies[0].attachments[0].content;
    const up = actions(card.body).find((a) => a.type === "Action.Execute" && a.data?.vote === "up");
    expect(up).toMatchObject({ verb: "qa.feedback", fallback: { type: "Action.Submit" } });

    const before = (await feedback.newest("feedback", 100)).length;
    const res = await invoke(NURSE, { verb: up.verb, data: up.data });
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    const updated = res.body.value;
    expect(cardProblems(updated)).toEqual([]);
    expect(JSON.stringify(updated)).toContain(qaText.feedback.recorded.up);
    expect(actions(updated.body).filter((a) => a.data?.action === "feedback")).toEqual([]);
    // The answer itself is unchanged.
    expect(updated.body[0].text).toBe(card.body[0].text);
    expect(updated.body[2].text).toBe(card.body[2].text);
    // No new message: the card is replaced.
    expect(res.replies).toEqual([]);
    const stored = await feedback.newest("feedback", 100);
    expect(stored.length).toBe(before + 1);
    expect(stored[0]).toMatchObject({ vote: "up", question });
  });

  it("a tampered vote stores nothing", async () => {
    const before = (await feedback.newest("feedback", 100)).length;
    await invoke(NURSE, {
      verb: "qa.feedback",
      data: { action: "feedback", entryId: "term-finns-inte", vote: "up", question: "x" },
    });
    expect((await feedback.newest("feedback", 100)).length).toBe(before);
  });

  it("the join card becomes a confirmation; a form with something missing comes back with what was chosen", async () => {
    const { replies } = await as(NURSE, () => client.say("gå med", { conversationId: chatOf(NURSE) }));
    const card = replies[0].attachments[0].content;
    const send = actions(card).find((a) => a.type === "Action.Execute");
    expect(send).toMatchObject({ verb: "meetings.join", fallback: { type: "Action.Submit" } });

    const missing = await invoke(NURSE, { verb: send.verb, data: { ...send.data, groupId: "sala" } });
    expect(cardProblems(missing.body.value)).toEqual([]);
    expect(JSON.stringify(missing.body.value)).toContain(meetingsText.join.missing);
    expect(missing.body.value.body.find((b: any) => b.id === "groupId").value).toBe("sala");
    expect(await app.vus.membershipsOf(NURSE.aadObjectId)).toEqual([]);

    const done = await invoke(NURSE, {
      verb: send.verb,
      data: { ...send.data, groupId: "sala", organisation: "Sala", function: "ifo" },
    });
    expect(cardProblems(done.body.value)).toEqual([]);
    // Joining is a request: the card becomes its confirmation; an admin's approval makes the member.
    expect(cardText({ attachments: [{ content: done.body.value }] })).toContain(meetingsText.requests.sent("Sala"));
    expect(actions(done.body.value)).toEqual([]);
    await as(ADMIN, () =>
      client.post(
        client.activity({
          type: "message",
          conversationId: chatOf(ADMIN),
          value: { action: "meetings.approveJoin", groupId: "sala", aadObjectId: NURSE.aadObjectId },
        }),
      ),
    );
    expect((await app.vus.membershipsOf(NURSE.aadObjectId)).map((m) => m.groupId)).toEqual(["sala"]);
  });

  it("the coordinator card becomes the outcome", async () => {
    const { replies } = await as(ADMIN, () => client.say("samordnare", { conversationId: chatOf(ADMIN) }));
    const card = replies[0].attachments[0].content;
    const send = actions(card).find((a) => a.type === "Action.Execute");
    expect(send.verb).toBe("meetings.coordinator");
    const res = await invoke(ADMIN, { verb: send.verb, data: { ...send.data, member: `sala|${NURSE.aadObjectId}` } });
    expect(cardProblems(res.body.value)).toEqual([]);
    expect(JSON.stringify(res.body.value)).toContain(meetingsText.admin.coordinatorOn(NURSE.name, "Sala"));
    expect(actions(res.body.value)).toEqual([]);
    const [membership] = await app.vus.membershipsOf(NURSE.aadObjectId);
    expect(membership.role).toBe("coordinator");
  });
});
