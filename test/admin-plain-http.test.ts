import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { adminText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import { TeamsTestClient, cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// Admins are Välfärd staff, not developers: they pick people and entries by name and read plain
// Swedish, never a GUID, an entry id or a configuration variable.

const ADMIN = { id: "29:admin", name: "Alva Admin", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const MEMBER = { id: "29:member", name: "Mats Medlem", aadObjectId: "00000000-0000-4000-8000-000000000f01" };
type Who = typeof ADMIN;

const JARGON = [/ADMIN_AAD_OBJECT_IDS/, /GUID/i, /\(repot\)/, /grunddata/i, /aktör \|/, /\(id, en per rad\)/];
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Everything a card shows: texts, labels, choice titles and button titles (not the data it sends). */
function shown(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown, key = ""): void => {
    if (Array.isArray(n)) return n.forEach((x) => walk(x, key));
    if (!n || typeof n !== "object") {
      if (typeof n === "string" && ["text", "label", "title", "placeholder"].includes(key)) out.push(n);
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== "data" && k !== "value" && k !== "id") walk(v, k);
  };
  walk(card);
  return out.join("\n");
}

describe("admin screens in plain Swedish, people and entries by name", () => {
  let app: App;
  let client: TeamsTestClient;
  const as = <T>(who: Who, fn: () => Promise<T>) => client.as(who, fn);
  const chatOf = (who: Who) => `a:plain-${who.id}`;
  const say = (who: Who, text: string) => as(who, () => client.say(text, { conversationId: chatOf(who) }));
  const press = (who: Who, value: unknown) =>
    as(who, () => client.post(client.activity({ type: "message", conversationId: chatOf(who), value })));

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId,
      COSMOS_DATABASE: `ux-admin-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
    });
    app = await createApp(config, createLogger("silent"), { startScheduler: false, instanceId: "plain" });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    for (const who of [ADMIN, MEMBER]) await as(who, () => client.install({ conversationId: chatOf(who) }));
    const joined = await press(MEMBER, {
      action: "meetings.join",
      groupId: "sala",
      organisation: "Sala",
      function: "ifo",
    });
    expect(joined.replies[0].text).toContain("VuS Sala");
    await press(ADMIN, { action: "meetings.approveJoin", groupId: "sala", aadObjectId: MEMBER.aadObjectId });
  }, 30_000);
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("`historik` finds an entry by words of its title, and offers a choice when several match", async () => {
    const one = await say(ADMIN, "historik chefsforum");
    expect(one.replies[0].summary).toContain(adminText.history.title("Chefsforum"));
    expect(cardProblems(one.replies[0].attachments[0].content)).toEqual([]);

    const many = await say(ADMIN, "historik VuS");
    const card = many.replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const choices = submitActions(card.body).filter((a) => a.data?.action === "admin.history");
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.every((a) => a.title === adminText.history.pickButton)).toBe(true);
    const picked = await press(ADMIN, choices[0].data);
    expect(picked.replies[0].summary).toMatch(/^Historik: /);
    expect(shown(picked.replies[0].attachments[0].content)).not.toMatch(/Grunddata|\(repot\)/);

    const none = await say(ADMIN, "historik zzzqqq");
    expect(none.replies[0].text).toBe(adminText.history.noMatch("zzzqqq"));
  });

  it("the admins card names people, offers VuS members by name, and adds the one picked", async () => {
    const { replies } = await say(ADMIN, "admins");
    const card = replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = shown(card);
    for (const j of JARGON) expect(text).not.toMatch(j);
    expect(text).not.toMatch(GUID);
    const picker = card.body.find((b: any) => b.id === "newAdminPerson");
    expect(picker.choices.map((c: any) => c.title)).toEqual(["Mats Medlem – Sala, VuS Sala"]);

    const add = submitActions(card.body).find((a) => a.data?.action === "admin.addAdmin")!;
    const added = await press(ADMIN, { ...add.data, newAdminPerson: MEMBER.aadObjectId });
    expect(added.replies[0].text).toBe(adminText.admins.added(MEMBER.name));
    expect((await app.store.containers.admin.item(MEMBER.aadObjectId, "admin").read()).resource?.active).toBe(true);
    const after = shown((await say(ADMIN, "admins")).replies[0].attachments[0].content);
    expect(after).toContain("Mats Medlem · tillagd av Alva Admin");
    expect(after).not.toMatch(GUID);
  });

  it("the edit form speaks plain Swedish and takes related entries by title", async () => {
    const form = await press(ADMIN, { action: "admin.edit", entryId: "term-sip" });
    const card = form.replies[0].attachments[0].content;
    const text = shown(card);
    for (const j of JARGON) expect(text).not.toMatch(j);
    const related = card.body.flatMap((b: any) => b.items ?? [b]).find((i: any) => i.id === "f_related");
    expect(related.label).toBe(adminText.fieldLabels.related);
    // Titles, not ids.
    expect(related.value).not.toMatch(/^[a-z]+-[a-z0-9-]+$/m);

    const values: Record<string, string> = {};
    for (const i of card.body.flatMap((b: any) => b.items ?? [b])) if (i.id?.startsWith("f_")) values[i.id] = i.value;
    const preview = submitActions(card).find((a) => a.data?.action === "admin.preview")!;
    const ok = await press(ADMIN, {
      ...preview.data,
      ...values,
      f_related: "Chefsforum\nhvb – hem för vård eller boende",
    });
    expect(ok.replies.map((r) => r.summary ?? r.text).join("\n")).toMatch(/Förhandsvisning/);
    const publish = ok.replies
      .flatMap((r) => submitActions(r.attachments?.[0]?.content ?? {}))
      .find((a) => a.data?.action === "admin.publish")!;
    expect(publish.data.draft.related).toEqual(["forum-chefsforum", "term-hvb"]);

    const bad = await press(ADMIN, { ...preview.data, ...values, f_related: "Finns inte alls" });
    expect(cardText(bad.replies[0])).toContain(adminText.issues.unknownTitle("Finns inte alls"));
  });
});
