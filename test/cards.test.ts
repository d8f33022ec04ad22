import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { renderCard } from "../cards/render";
import type { CardName } from "../cards/card-data";
import { welcomeCard, helpCard } from "../cards/help-cards";
import { cardProblems } from "./support/validate-card";
import { cardSamples } from "./support/card-samples";
import { MAX_BUTTON_LABEL } from "../cards/button-label";

describe("adaptive card templates", () => {
  const templates = readdirSync(join(__dirname, "..", "cards"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""));

  it("has sample data for every template", () => {
    expect(templates.filter((t) => !(t in cardSamples))).toEqual([]);
  });

  it.each(templates)("%s expands to a valid 1.5 card", (name) => {
    const samples = cardSamples[name as CardName] ?? [];
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(cardProblems(renderCard(name as CardName, sample))).toEqual([]);
  });

  it('no template starts a TextBlock with a list marker (Teams renders "1. …" as an indented numbered list)', () => {
    const listLike: string[] = [];
    const walk = (node: unknown, name: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
      if (!node || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.type === "TextBlock" && typeof o.text === "string" && /^\s*(\d+[.)]|[-*+])\s/.test(o.text))
        listLike.push(`${name}: ${o.text}`);
      Object.values(o).forEach((v) => walk(v, name));
    };
    for (const name of templates)
      walk(JSON.parse(readFileSync(join(__dirname, "..", "cards", `${name}.json`), "utf8")), name);
    expect(listLike).toEqual([]);
  });

  it(`every button label fits a phone (at most ${MAX_BUTTON_LABEL} characters)`, () => {
    const tooLong: string[] = [];
    const walk = (node: unknown, name: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
      if (!node || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (typeof o.type === "string" && o.type.startsWith("Action.") && typeof o.title === "string")
        if ([...o.title].length > MAX_BUTTON_LABEL) tooLong.push(`${name}: ${o.title}`);
      Object.values(o).forEach((v) => walk(v, name));
    };
    for (const [name, samples] of Object.entries(cardSamples))
      for (const sample of samples ?? []) walk(renderCard(name as CardName, sample), name);
    for (const card of [welcomeCard(), helpCard([])]) walk(card.content, "help");
    expect([...new Set(tooLong)]).toEqual([]);
  });

  it("the validator catches a broken card", () => {
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Bogus" }] })).not.toEqual([]);
    expect(
      cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "${missing}" }] }),
    ).not.toEqual([]);
  });

  it("welcome and help cards list example questions as buttons that send the question", () => {
    for (const card of [welcomeCard(), helpCard([])]) {
      const actions = JSON.stringify(card.content);
      expect(actions).toContain('"data":{"action":"qa.ask","question":"Vem kallar till SIP?"}');
      expect(cardProblems(card.content)).toEqual([]);
    }
  });
});
