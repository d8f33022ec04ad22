import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CardName } from "../cards/render";
import { cardSamples } from "./support/card-samples";
import { pathsMissingFrom, readPaths } from "./support/template-paths";

const template = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, "..", "cards", `${name}.json`), "utf8"));

describe("every field a card template reads is in its data type", () => {
  it.each(Object.keys(cardSamples))("%s", (name) => {
    const samples = cardSamples[name as CardName] ?? [];
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(pathsMissingFrom(template(name), sample)).toEqual([]);
  });
});
