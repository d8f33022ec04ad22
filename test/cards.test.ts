import { readdirSync } from "node:fs";
import { join } from "node:path";
import { renderCard, type CardName } from "../cards/render";
import { welcomeCard, helpCard } from "../cards/help-cards";
import { cardProblems } from "./support/validate-card";
import { cardSamples } from "./support/card-samples";

describe("adaptive card templates", () => {
  const templates = readdirSync(join(__dirname, "..", "cards")).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));

  it("has sample data for every template", () => {
    expect(templates.filter((t) => !(t in cardSamples))).toEqual([]);
  });

  it.each(templates)("%s expands to a valid 1.5 card", (name) => {
    const samples = cardSamples[name as CardName] ?? [];
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(cardProblems(renderCard(name as CardName, sample))).toEqual([]);
  });

  it("the validator catches a broken card", () => {
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "Bogus" }] })).not.toEqual([]);
    expect(cardProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "${missing}" }] })).not.toEqual([]);
  });

  it("welcome and help cards list example questions as buttons that send the question", () => {
    for (const card of [welcomeCard(), helpCard()]) {
      const actions = JSON.stringify(card.content);
      expect(actions).toContain('"data":{"action":"ask","question":"Vem kallar till SIP?"}');
      expect(cardProblems(card.content)).toEqual([]);
    }
  });
});
