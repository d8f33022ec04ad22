import { helpCard, helpSections, helpText, type HelpRole } from "../cards/help-cards";
import { botText } from "../core/strings";
import { helpRoleOf } from "../core/permissions";
import { MessageRouter } from "../dialogs/router";
import type { Asker } from "../core/types";
import { cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const asker = (aadObjectId?: string): Asker => ({
  tenantId: "t",
  userId: "29:u",
  aadObjectId,
  conversationType: "personal",
});
const titles = (role: HelpRole) => helpSections(role).flatMap((s) => s.commands.map((c) => c.title));

// Every command the bot understands, by the word it starts with, and who may use it.
const EVERYONE = ["hjälp", "möten", "gå med", "lämna"];
const COORDINATOR = ["planera", "leveranser", "rapport 2b", "koppla kanal"];
const ADMIN = ["admin", "granska", "exportera", "historik", "administratörer", "samordnare", "kommuner"];

describe("role-aware help", () => {
  it.each([
    ["everyone", EVERYONE, [...COORDINATOR, ...ADMIN]],
    ["coordinator", [...EVERYONE, ...COORDINATOR], ADMIN],
    ["admin", [...EVERYONE, ...COORDINATOR, ...ADMIN], []],
  ] as const)("shows %s the commands they may use, and only those", (role, shown, hidden) => {
    const all = titles(role);
    for (const c of shown) expect(all.some((t) => t === c || t.startsWith(`${c} `))).toBe(true);
    for (const c of hidden) expect(all.some((t) => t === c || t.startsWith(`${c} `))).toBe(false);
    const card = helpCard(role);
    expect(cardProblems(card.content)).toEqual([]);
    const text = cardText({ attachments: [card] });
    for (const t of all) expect(text).toContain(t);
    for (const t of all) expect(helpText(role)).toContain(t);
  });

  it("names each section once and keeps everyone's commands first", () => {
    expect(helpSections("admin").map((s) => s.title)).toEqual([
      botText.help.commandsTitle,
      botText.help.coordinatorTitle,
      botText.help.adminTitle,
    ]);
    expect(helpSections("everyone").map((s) => s.title)).toEqual([botText.help.commandsTitle]);
  });

  it("tells admins, coordinators and everyone else apart", async () => {
    const roleOf = helpRoleOf({
      isAdmin: async (aad) => aad === "a-admin",
      membershipsOf: async (aad) =>
        aad === "a-coord"
          ? [{ role: "member" }, { role: "coordinator" }]
          : aad === "a-member"
            ? [{ role: "member" }]
            : [],
    });
    expect(await roleOf(asker("a-admin"))).toBe("admin");
    expect(await roleOf(asker("a-coord"))).toBe("coordinator");
    expect(await roleOf(asker("a-member"))).toBe("everyone");
    expect(await roleOf(asker(undefined))).toBe("everyone");
  });

  it("the router shows the asker's help, and everyone's when the role cannot be found", async () => {
    const router = (roleOf: (a: Asker) => Promise<HelpRole>) =>
      new MessageRouter({ answerQuestion: async () => ({ text: "svar" }), roleOf });
    const [admin] = await router(async () => "admin").handle({ text: "hjälp", asker: asker("x") });
    expect(cardText({ attachments: [admin.card] })).toContain(botText.help.adminTitle);
    const [failed] = await router(async () => {
      throw new Error("store down");
    }).handle({ text: "hjälp", asker: asker("x") });
    const text = cardText({ attachments: [failed.card] });
    expect(text).toContain(botText.help.commandsTitle);
    expect(text).not.toContain(botText.help.adminTitle);
  });
});
