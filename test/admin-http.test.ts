import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { adminText, filesText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import { sentences } from "../cards/answer-layout";
import { TeamsTestClient, cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// The admin feature through the real protocol: Teams-shaped messages and card submissions POSTed to
// /api/messages of an app on the embedded Cosmos server with the real seed.

const ADMIN = { id: "29:admin-anna", name: "Anna Admin", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const SECOND = { id: "29:admin-bo", name: "Bo Andra", aadObjectId: "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d" };
const STAFF = { id: "29:staff", name: "Sara Samordnare", aadObjectId: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b" };

/** Every Action.Submit of a reply's card. */
const buttons = (reply: Record<string, any>) => submitActions(reply.attachments?.[0]?.content);
/** The card's inputs with their current values, as Teams merges them into the submitted data. */
function inputs(reply: Record<string, any>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    const el = n as Record<string, any>;
    if (typeof el.type === "string" && el.type.startsWith("Input.")) out[el.id] = el.value ?? "";
    for (const v of Object.values(el)) if (typeof v === "object") walk(v);
  };
  walk(reply.attachments?.[0]?.content?.body);
  return out;
}
const button = (reply: Record<string, any>, action: string) => {
  const b = buttons(reply).find((x) => x.data?.action === action);
  if (!b) throw new Error(`no ${action} button in ${JSON.stringify(buttons(reply).map((x) => x.data?.action))}`);
  return b;
};
function expectValidCards(replies: Record<string, any>[]) {
  for (const r of replies)
    for (const a of r.attachments ?? [])
      if (a.contentType === "application/vnd.microsoft.card.adaptive") expect(cardProblems(a.content)).toEqual([]);
}

/** A tiny file host: serves files for import (downloadUrl) and records export uploads (uploadUrl). */
async function fileHost() {
  const files = new Map<string, string>();
  const uploads: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.method === "PUT") {
        uploads.push({ url: req.url ?? "", headers: req.headers, body });
        res.writeHead(201);
        res.end("{}");
      } else if (files.has(req.url ?? "")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(files.get(req.url ?? ""));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, files, uploads, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("admins edit the knowledge base from Teams (over HTTP)", () => {
  let app: App;
  let client: TeamsTestClient;
  let host: Awaited<ReturnType<typeof fileHost>>;
  const as = (user: typeof ADMIN) => {
    client.user = user;
  };
  const say = (text: string, fields: Record<string, any> = {}) => client.say(text, fields);
  const press = (data: any, extra: Record<string, string> = {}) =>
    client.post(client.activity({ type: "message", value: { ...data, ...extra } }));

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      COSMOS_DATABASE: `admin-http-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"));
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    host = await fileHost();
  });
  afterAll(async () => {
    await client.close();
    await host.close();
    await app.stop();
  });
  beforeEach(() => as(ADMIN));

  it("refuses a non-admin politely, for commands, buttons and files, and changes nothing", async () => {
    as(STAFF);
    host.files.set("/x.json", JSON.stringify({ schemaVersion: 1, entries: [] }));
    const before = await app.knowledgeStore.readMarker();
    // A file from someone who may import nothing is not even downloaded.
    const file = await say("", {
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.file.download.info",
          name: "kb.json",
          content: { downloadUrl: `${host.base}/x.json`, fileType: "json" },
        },
      ],
    });
    expect(file.replies.map((r) => r.text)).toEqual([filesText.notAllowed]);
    for (const sent of [
      await say("admin"),
      await say("exportera"),
      await say("historik term-sip"),
      await press({ action: "admin.retire", entryId: "term-sip", etag: '"x"' }),
    ]) {
      expect(sent.status).toBe(200);
      expect(sent.replies.map((r) => r.text)).toEqual([adminText.refusal]);
    }
    expect((await app.knowledgeStore.readMarker())?.version).toBe(before?.version);
    expect((await app.knowledgeStore.readEntries()).docs.find((d) => d.id === "term-sip")?.status).toBe("active");
  });

  it("edit → preview → publish: the next question gets the new answer, as a new version", async () => {
    const question = "Vem kallar till SIP?";
    const before = await say(question);
    const entryId = before.replies[0].attachments[0].content.body
      ? buttons(before.replies[0]).find((b) => b.data?.action === "qa.feedback")!.data.entryId
      : "";
    expect(entryId).toMatch(/sip/);

    const home = await say("admin");
    expectValidCards(home.replies);
    const found = await press(button(home.replies[0], "admin.search").data, { query: entryId });
    expectValidCards(found.replies);
    const open = buttons(found.replies[0]).find((b) => b.data?.action === "admin.open" && b.data.entryId === entryId);
    expect(open).toBeDefined();
    const entry = await press(open!.data);
    expectValidCards(entry.replies);
    const form = await press(button(entry.replies[0], "admin.edit").data);
    expectValidCards(form.replies);
    const values = inputs(form.replies[0]);
    expect(values.f_answer.length).toBeGreaterThan(20);
    expect(values.f_id).toBeUndefined();

    const newAnswer =
      "Den som först ser behovet av en SIP kallar till mötet: socialtjänsten eller regionen. Nytt från Välfärd: kallelsen skickas inom fem arbetsdagar.";
    const preview = await press(button(form.replies[0], "admin.preview").data, { ...values, f_answer: newAnswer });
    expect(preview.replies).toHaveLength(2);
    expectValidCards(preview.replies);
    // The preview is the users' answer card itself.
    for (const sentence of sentences(newAnswer)) expect(cardText(preview.replies[0])).toContain(sentence);
    expect(preview.replies[0].attachments[0].content.body[0]).toEqual(before.replies[0].attachments[0].content.body[0]);
    expect(cardText(preview.replies[1])).toContain(adminText.fieldShort.answer);
    // Not published yet.
    expect((await say(question)).replies[0].summary).not.toContain("fem arbetsdagar");

    const published = await press(button(preview.replies[1], "admin.publish").data);
    expect(published.replies[0].text).toMatch(/^Publicerat/);
    const after = await say(question);
    expect(after.replies[0].summary).toContain("inom fem arbetsdagar");

    const history = await say(`historik ${entryId}`);
    expectValidCards(history.replies);
    expect(history.replies[0].summary).toContain("Anna Admin");
    expect(history.replies[0].summary).toMatch(/Version 2 .* redigerad/);
    expect(history.replies[0].summary).toContain(`${adminText.seedAuthor} · ${adminText.actionLabels.seed}`);
  });

  it("refuses the second of two concurrent saves with a conflict message and overwrites nothing", async () => {
    // Anna names Bo an admin from Teams; the change is audited.
    const added = await say(`admin lägg till ${SECOND.aadObjectId} Bo Andra`);
    expect(added.replies[0].text).toBe(adminText.admins.added("Bo Andra"));
    const roster = await say("admins");
    expectValidCards(roster.replies);
    expect(cardText(roster.replies[0])).toContain("Anna Admin");

    const openForm = async () => {
      const entry = await press({ action: "admin.edit", entryId: "term-hvb" });
      return { form: entry.replies[0], values: inputs(entry.replies[0]) };
    };
    const anna = await openForm();
    as(SECOND);
    const bo = await openForm();

    const bosPreview = await press(button(bo.form, "admin.preview").data, {
      ...bo.values,
      f_expansion: "Hem för vård eller boende (Bos version)",
    });
    const bosPublish = await press(button(bosPreview.replies[1], "admin.publish").data);
    expect(bosPublish.replies[0].text).toMatch(/^Publicerat/);

    as(ADMIN);
    const annasPreview = await press(button(anna.form, "admin.preview").data, {
      ...anna.values,
      f_expansion: "Hem för vård eller boende (Annas version)",
    });
    const annasPublish = await press(button(annasPreview.replies[1], "admin.publish").data);
    expect(annasPublish.replies[0].text).toBe(adminText.publish.conflict(anna.values.f_title));
    const stored = (await app.knowledgeStore.readEntries()).docs.find((d) => d.id === "term-hvb")!;
    expect((stored.entry as { expansion: string }).expansion).toBe("Hem för vård eller boende (Bos version)");
    expect(stored.version).toBe(2);
  });

  it("shows form problems in Swedish and publishes nothing", async () => {
    const form = await press({ action: "admin.edit", entryId: "term-lvm" });
    const values = inputs(form.replies[0]);
    const preview = await press(button(form.replies[0], "admin.preview").data, {
      ...values,
      f_answer: "Kort.",
      f_related: "topic-finns-inte",
    });
    expect(preview.replies).toHaveLength(1);
    expectValidCards(preview.replies);
    expect(preview.replies[0].summary).toContain(
      `${adminText.fieldLabels.answer}: ${adminText.issues.tooShortText(20)}`,
    );
    expect(preview.replies[0].summary).not.toContain("Publicera");
  });

  it("retires an entry so users no longer get it, and restores an earlier version from the history", async () => {
    const question = "Vad betyder LARO?";
    const first = await say(question);
    const entryId = buttons(first.replies[0]).find((b) => b.data?.action === "qa.feedback")!.data.entryId as string;
    const entry = await press({ action: "admin.open", entryId });
    const retired = await press(button(entry.replies[0], "admin.retire").data);
    expect(retired.replies[0].summary).toMatch(/tillbakadragen \(version 2\)/);
    expectValidCards(retired.replies);
    const answered = await say(question);
    expect(buttons(answered.replies[0]).find((b) => b.data?.action === "qa.feedback")?.data.entryId).not.toBe(entryId);

    const history = await say(`historik ${entryId}`);
    const revert = buttons(history.replies[0]).find((b) => b.data?.action === "admin.revert" && b.data.version === 1)!;
    const reverted = await press(revert.data);
    expect(reverted.replies[0].text).toMatch(/återställd till version 1\. Det blev version 3/);
    const back = await say(question);
    expect(buttons(back.replies[0]).find((b) => b.data?.action === "qa.feedback")?.data.entryId).toBe(entryId);
    const doc = (await app.knowledgeStore.readEntries()).docs.find((d) => d.id === entryId)!;
    expect(doc).toMatchObject({ version: 3, status: "active" });

    // The history card from before the revert is stale now: its etag is refused.
    const stale = await press(revert.data);
    expect(stale.replies[0].text).toMatch(/Någon annan har ändrat/);
  });

  it("creates a new entry from the review queue, then dismisses the rest", async () => {
    await say("Hur får jag parkeringstillstånd vid vårdcentralen?");
    await say("parkeringstillstånd vårdcentralen hur");
    const queue = await say("granska");
    expectValidCards(queue.replies);
    expect(queue.replies[0].summary).toContain("2 gånger");
    const group = buttons(queue.replies[0]).filter((b) => b.data?.action === "admin.new")[0];
    const form = await press(group.data);
    expectValidCards(form.replies);
    const values = inputs(form.replies[0]);
    const preview = await press(button(form.replies[0], "admin.preview").data, {
      ...values,
      f_id: "topic-parkering-vardcentral",
      f_title: "Parkeringstillstånd vid vårdcentralen",
      f_answer:
        "Överenskommelsen tar inte upp parkeringstillstånd. Kontakta kommunens handläggare för parkeringstillstånd.",
      f_phrasings: "parkeringstillstånd vårdcentral\nparkering vårdcentralen",
      f_source_document: "overenskommelse",
      f_source_section: "Inledning",
    });
    expectValidCards(preview.replies);
    const done = await press(button(preview.replies[1], "admin.publish").data);
    expect(done.replies[0].text).toMatch(/^Publicerat.*version 1/);
    const answered = await say("parkeringstillstånd vid vårdcentralen");
    expect(answered.replies[0].summary).toContain("Kontakta kommunens handläggare");
    // Publishing from the queue marks those questions reviewed.
    const requeue = await say("granska");
    expect(requeue.replies[0].summary).not.toContain("parkeringstillstånd vårdcentralen hur");
  });

  it("dismisses a group from the review queue", async () => {
    const feedback = app.feedback;
    const sip = await say("Vem kallar till SIP?");
    await press(buttons(sip.replies[0]).find((b) => b.data?.vote === "down")!.data);
    const queue = await say("granska");
    const dismiss = buttons(queue.replies[0]).find(
      (b) => b.data?.action === "admin.dismiss" && b.data.reviewItems.includes("feedback:"),
    )!;
    const res = await press(dismiss.data);
    expect(res.replies[0].text).toMatch(/^Avfärdat/);
    const down = (await feedback.newest("feedback", 10)).filter((d) => d.kind === "feedback" && d.vote === "down");
    expect(down[0].status).toBe("reviewed");
  });

  it("exports the base through a file consent card and uploads it when accepted", async () => {
    const offer = await say("exportera");
    const consent = offer.replies[0].attachments[0];
    expect(consent.contentType).toBe("application/vnd.microsoft.teams.card.file.consent");
    expect(consent.name).toMatch(/^kunskapsbank-\d{4}-\d{2}-\d{2}\.json$/);
    expect(consent.content.sizeInBytes).toBeGreaterThan(100_000);
    const invoke = await client.post(
      client.activity({
        type: "invoke",
        name: "fileConsent/invoke",
        conversationId: offer.replies[0].conversation.id,
        value: {
          type: "fileUpload",
          action: "accept",
          context: consent.content.acceptContext,
          uploadInfo: {
            contentUrl: `${host.base}/drive/kb.json`,
            name: consent.name,
            uploadUrl: `${host.base}/upload/session-1`,
            uniqueId: "u-1",
            fileType: "json",
          },
        },
      }),
    );
    expect(invoke.status).toBe(200);
    expect(host.uploads).toHaveLength(1);
    const file = JSON.parse(host.uploads[0].body);
    expect(host.uploads[0].headers["content-range"]).toBe(
      `bytes 0-${Buffer.byteLength(host.uploads[0].body) - 1}/${Buffer.byteLength(host.uploads[0].body)}`,
    );
    expect(file.schemaVersion).toBe(1);
    expect(file.entries.length).toBe((await app.knowledgeStore.readEntries()).docs.length);
    expect(invoke.replies[0].attachments[0].contentType).toBe("application/vnd.microsoft.teams.card.file.info");
    host.files.set("/export.json", host.uploads[0].body);
  });

  const sendFile = (path: string, name = "kunskapsbank.json") =>
    say("", {
      attachments: [
        {
          contentType: "application/vnd.microsoft.teams.file.download.info",
          name,
          content: { downloadUrl: `${host.base}${path}`, uniqueId: "f1", fileType: "json" },
        },
      ],
    });

  it("rejects an import with invalid entries whole, listing each bad entry and field, and changes nothing", async () => {
    const file = JSON.parse(host.files.get("/export.json")!);
    file.entries[0].answer = "kort";
    file.entries[3].source.document = "region-dalarna";
    file.entries[5].related = ["topic-finns-inte"];
    file.entries[7].title = "Ändrad men giltig rubrik";
    file.entries.push({ id: "Fel Id", kind: "topic" });
    host.files.set("/bad.json", JSON.stringify(file));
    const marker = await app.knowledgeStore.readMarker();
    const res = await sendFile("/bad.json");
    expectValidCards(res.replies);
    const lines = res.replies[0].summary.split("\n");
    expect(lines[0]).toBe(adminText.importFile.rejectedTitle(4));
    expect(lines.find((l: string) => l.startsWith(`Post 1 (${file.entries[0].id})`))).toContain(
      `${adminText.fieldLabels.answer}: ${adminText.issues.tooShortText(20)}`,
    );
    expect(lines.find((l: string) => l.startsWith(`Post 4 (${file.entries[3].id})`))).toContain(
      adminText.fieldLabels["source.document"],
    );
    expect(lines.find((l: string) => l.startsWith(`Post 6 (${file.entries[5].id})`))).toContain("topic-finns-inte");
    expect(lines.find((l: string) => l.startsWith(`Post ${file.entries.length} (Fel Id)`))).toContain(
      adminText.fieldLabels.title,
    );
    expect((await app.knowledgeStore.readMarker())?.version).toBe(marker?.version);
    expect(
      (await app.knowledgeStore.readEntries()).docs.find((d) => d.id === file.entries[7].id)?.entry.title,
    ).not.toBe("Ändrad men giltig rubrik");
  });

  it("imports a valid file after a summary and confirmation", async () => {
    const file = JSON.parse(host.files.get("/export.json")!);
    file.entries[1].answer = `${file.entries[1].answer} Tillägg från importen.`;
    file.entries[2].retired = true;
    const template = file.entries.find((e: any) => e.kind === "topic" && !e.retired);
    file.entries.push({
      ...template,
      id: "topic-importerad",
      title: "Importerad post om samverkansdagar",
      phrasings: ["samverkansdag import", "importerad samverkansdag"],
      related: [],
    });
    host.files.set("/good.json", JSON.stringify(file));
    const summary = await sendFile("/good.json");
    expectValidCards(summary.replies);
    expect(summary.replies[0].summary).toContain("Nya: 1, Ändrade: 1, Tillbakadragna: 1");
    expect((await app.knowledgeStore.readEntries()).docs.find((d) => d.id === "topic-importerad")).toBeUndefined();
    const done = await press(button(summary.replies[0], "admin.importConfirm").data);
    expect(done.replies[0].text).toBe(adminText.importFile.done(1, 1, 1));
    const docs = (await app.knowledgeStore.readEntries()).docs;
    expect(docs.find((d) => d.id === "topic-importerad")?.status).toBe("active");
    expect(docs.find((d) => d.id === file.entries[2].id)?.status).toBe("retired");
    expect(app.knowledge.engine.entry("topic-importerad")).toBeDefined();
    // The same button again: the import is gone.
    expect((await press(button(summary.replies[0], "admin.importConfirm").data)).replies[0].text).toBe(
      adminText.importFile.expired,
    );
  });

  it("answers tampered admin buttons in Swedish and does nothing", async () => {
    const marker = await app.knowledgeStore.readMarker();
    for (const value of [
      { action: "admin.publish", mode: "edit", etag: "x", draft: { id: "term-sip", kind: "term" } },
      { action: "admin.revert", entryId: "term-sip", version: "ett", etag: "x" },
      { action: "admin.nope" },
    ]) {
      const res = await press(value);
      expect(res.replies.map((r) => r.text)).toEqual([adminText.badSubmission]);
    }
    expect((await app.knowledgeStore.readMarker())?.version).toBe(marker?.version);
  });
});
