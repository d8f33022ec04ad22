import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createApp, type App } from "../bot/app";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { Permissions, type Role } from "../core/permissions";
import { REPO_ROOT } from "../core/repo-root";
import { botText } from "../core/strings";
import type { Asker } from "../core/types";
import { JobKind } from "../data/meetings/schema";
import { MessageRouter } from "../dialogs/router";
import { cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// The features' registrations (dialogs/feature.ts) against what the bot shows and sends: every
// command has its help line, every button on a card has a handler, every job kind a runner.

const asker = (aadObjectId?: string): Asker => ({
  tenantId: "t",
  userId: "29:u",
  aadObjectId,
  conversationType: "personal",
});

/** Verbs on our cards: Action.Submit data `action`s and Action.Execute `verb`s, in templates and card builders. */
function cardVerbs(): { submit: Set<string>; execute: Set<string> } {
  const submit = new Set<string>();
  const execute = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Execute" && typeof o.verb === "string") execute.add(o.verb);
    const data = o.data as { action?: unknown } | undefined;
    // "${action}": a verb filled in from data built in code (an answer's offers), found in the code below.
    if (o.type === "Action.Submit" && typeof data?.action === "string" && !data.action.startsWith("${"))
      submit.add(data.action);
    Object.values(o).forEach(walk);
  };
  const cards = join(REPO_ROOT, "cards");
  for (const f of readdirSync(cards).filter((f) => f.endsWith(".json")))
    walk(JSON.parse(readFileSync(join(cards, f), "utf8")));
  // Data built in code and handed to a template: `action: "admin.publish"`, `verb: "meetings.refresh"`.
  const sources = [
    cards,
    ...["admin", "meetings", "evaluations", "qa", "cases", "escalation"].map((d) => join(REPO_ROOT, "dialogs", d)),
  ];
  for (const dir of sources)
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      // A file consent's context carries an action too, but it is no card button.
      const text = readFileSync(join(dir, f), "utf8").replace(/context: \{ action: "[^"]*" \}/g, "");
      for (const m of text.matchAll(/\baction: "([a-z]+\.[A-Za-z]+)"/g)) submit.add(m[1]);
      for (const m of text.matchAll(/\bverb: "([a-z]+\.[A-Za-z]+)"/g)) execute.add(m[1]);
    }
  return { submit, execute };
}

describe("feature registrations", () => {
  let app: App;

  beforeAll(async () => {
    const config = loadConfig({ LOG_LEVEL: "silent", COSMOS_DATABASE: `features-${Date.now()}` });
    app = await createApp(config, createLogger("silent"), { answerQuestion: async () => [{ text: "svar" }] });
  });
  afterAll(() => app.stop());

  it("gives every command one help line, and every help line to one command", () => {
    const lines = app.router.commands.map((c) => c.help.text);
    for (const c of app.router.commands) {
      expect(c.help.text.title.trim()).not.toBe("");
      expect(c.help.text.value.trim()).not.toBe("");
      expect(["everyone", "coordinator", "admin"]).toContain(c.help.role);
    }
    expect(new Set(lines).size).toBe(lines.length);
    expect(new Set(lines)).toEqual(new Set(Object.values(botText.commandHelp)));
  });

  it("accepts each command as its help line writes it", async () => {
    for (const c of app.router.commands) {
      const typed = c.help.text.title.replace(/<länsdel>/, "Sala").replace(/<id>/, "term-sip");
      const example = typed.includes("<kommuner>") ? typed.replace("<kommuner>", "Sala, Heby") : typed;
      expect([c.help.text.title, c.match.test(example)]).toEqual([c.help.text.title, true]);
    }
  });

  it("has a handler for every button on every card, of the kind the button sends", () => {
    const { submit, execute } = cardVerbs();
    expect(submit.size).toBeGreaterThan(20);
    for (const verb of submit) expect([verb, app.router.accepts(verb, "submit")]).toEqual([verb, true]);
    for (const verb of execute) expect([verb, app.router.accepts(verb, "execute")]).toEqual([verb, true]);
    // Answer cards already in chats carry the bare verbs from before they were namespaced.
    expect(app.router.accepts("ask", "submit")).toBe(true);
    expect(app.router.accepts("feedback", "submit")).toBe(true);
  });

  it("runs every kind of scheduled job", () => {
    const kinds = app.features.flatMap((f) => Object.keys(f.jobs ?? {}));
    expect(kinds.sort()).toEqual([...JobKind.options].sort());
  });

  it.each([
    ["everyone", ["everyone"]],
    ["coordinator", ["everyone", "coordinator"]],
    ["admin", ["everyone", "coordinator", "admin"]],
  ] as const)("shows %s the commands they may use, and only those", (role, roles) => {
    const sections = app.router.helpSections(role);
    const shown = sections.flatMap((s) => s.commands.map((c) => c.title));
    const expected = roles.flatMap((r) => app.router.commands.filter((c) => c.help.role === r));
    expect(shown).toEqual(expected.map((c) => c.help.text.title));
    expect(sections.map((s) => s.title)).toEqual(
      [botText.help.commandsTitle, botText.help.coordinatorTitle, botText.help.adminTitle].slice(0, roles.length),
    );
  });

  it("tells admins, coordinators and everyone else apart", async () => {
    const permissions = new Permissions({
      isAdmin: async (aad) => aad === "a-admin",
      membershipsOf: async (aad) =>
        aad === "a-coord"
          ? [
              { groupId: "sala", role: "member" },
              { groupId: "heby", role: "coordinator" },
            ]
          : aad === "a-member"
            ? [{ groupId: "sala", role: "member" }]
            : [],
    });
    expect(await permissions.roleOf(asker("a-admin"))).toBe("admin");
    expect(await permissions.roleOf(asker("a-coord"))).toBe("coordinator");
    expect(await permissions.roleOf(asker("a-member"))).toBe("everyone");
    expect(await permissions.roleOf(asker(undefined))).toBe("everyone");
    expect(await permissions.managedGroups("a-coord")).toEqual(new Set(["heby"]));
  });

  it("shows the asker's help as a valid card, and everyone's when the role cannot be found", async () => {
    const router = (roleOf: (a: Asker) => Promise<Role>) => new MessageRouter({ features: app.features, roleOf });
    const [admin] = await router(async () => "admin").handle({ text: "hjälp!", asker: asker("x") });
    expect(cardProblems(admin.card!.content)).toEqual([]);
    const adminText = cardText({ attachments: [admin.card] });
    for (const c of app.router.commands) {
      expect(adminText).toContain(c.help.text.title);
      expect(admin.text).toContain(c.help.text.title);
    }
    const [failed] = await router(async () => {
      throw new Error("store down");
    }).handle({ text: "hjälp", asker: asker("x") });
    const text = cardText({ attachments: [failed.card] });
    expect(text).toContain(botText.help.commandsTitle);
    expect(text).not.toContain(botText.help.adminTitle);
  });

  it("hands a question on as typed, punctuation and all", async () => {
    const asked: string[] = [];
    const router = new MessageRouter({
      features: [{ name: "qa", answer: async (q) => (asked.push(q), [{ text: "svar" }]) }],
    });
    await router.handle({ text: " Vad är  SIP? ", asker: asker("x") });
    expect(asked).toEqual(["Vad är SIP?"]);
  });
});
