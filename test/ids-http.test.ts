import pino from "pino";
import { loadConfig } from "../core/config";
import { createApp, type App } from "../bot/app";
import { TeamsTestClient, cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// Ids from card data are user input: odd characters, path tricks, broken UTF-16 and the id of another
// kind of document (a group's id given as a meeting id) are refused with a Swedish answer at the
// boundary, never as a failed turn.

const ADMIN = "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
const BAD_IDS = ["a/b/c/d/e/f/g/h", "a#bcdefghij", "abc\\defghij", "        ", "../../../../x", "\ud800abcdefgh", ""];
// "vasteras" is both a group id and shaped like a meeting id (8 characters).
const CONFUSED = { groupId: "vasteras", meetingId: "vasteras" };

describe("ids at the boundary", () => {
  let app: App;
  let client: TeamsTestClient;
  const errors: string[] = [];

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", ADMIN_AAD_OBJECT_IDS: ADMIN });
    const logger = pino({ level: "error" }, { write: (line: string) => void errors.push(line) });
    app = await createApp(config, logger, { answerQuestion: async () => ({ text: "svar" }), startScheduler: false });
    const port = await app.start(0);
    client = await TeamsTestClient.start(`http://127.0.0.1:${port}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });
  beforeEach(() => (errors.length = 0));

  const invoke = (verb: string, data: unknown) =>
    client.post(
      client.activity({
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb, data } },
      }),
    );
  const submit = (value: unknown) => client.post(client.activity({ type: "message", value }));

  const cases: [string, Record<string, unknown>][] = [
    ...BAD_IDS.map((id): [string, Record<string, unknown>] => [
      `meeting id ${JSON.stringify(id)}`,
      { groupId: "sala", meetingId: id },
    ]),
    ...BAD_IDS.map((id): [string, Record<string, unknown>] => [
      `group id ${JSON.stringify(id)}`,
      { groupId: id, meetingId: "12345678-aaaa" },
    ]),
    ["a group's id as a meeting id", CONFUSED],
    ["a number as a meeting id", { groupId: "sala", meetingId: 12345678 }],
  ];

  it.each(cases)("RSVP and evaluation invokes refuse %s in Swedish", async (_name, data) => {
    for (const verb of ["meetings.rsvp", "meetings.refresh", "evaluation.submit", "evaluation.edit"]) {
      const res = await invoke(verb, { ...data, answer: "attending", q1: "4", q2: "4", orgType: "kommun" });
      expect(res.status).toBe(200);
      expect(res.body?.statusCode).toBe(200);
      expect(cardProblems(res.body.value)).toEqual([]);
      expect(cardText({ attachments: [{ content: res.body.value }] })).not.toMatch(/något gick fel/i);
    }
    expect(errors.join("")).not.toMatch(/turn failed/);
  });

  it.each(cases)("meeting buttons in chat refuse %s in Swedish", async (_name, data) => {
    for (const action of ["meetings.edit", "meetings.cancel", "meetings.cancelConfirm", "meetings.notHeld"]) {
      const res = await client.as({ id: "29:admin", name: "Admin", aadObjectId: ADMIN }, () =>
        submit({ action, ...data }),
      );
      expect(res.status).toBe(200);
      expect(res.replies).toHaveLength(1);
      expect(res.replies[0].text).not.toMatch(/något gick fel/i);
    }
    expect(errors.join("")).not.toMatch(/turn failed/);
  });

  it.each(BAD_IDS)("join and coordinator buttons refuse the id %j", async (id) => {
    const join = await submit({ action: "meetings.join", groupId: id, organisation: "Sala", function: "ifo" });
    expect(join.replies[0].text).not.toMatch(/något gick fel/i);
    const coordinator = await client.as({ id: "29:admin", name: "Admin", aadObjectId: ADMIN }, () =>
      submit({ action: "meetings.coordinator", member: `sala|${id}` }),
    );
    expect(coordinator.replies[0].text).not.toMatch(/något gick fel/i);
    expect(errors.join("")).not.toMatch(/turn failed/);
  });
});
