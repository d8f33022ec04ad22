import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CardName } from "../cards/card-data";
import { cardSamples } from "./support/card-samples";
import { checkTemplate, readPaths } from "./support/template-paths";

const cardsDir = join(__dirname, "..", "cards");
const template = (name: string): unknown => JSON.parse(readFileSync(join(cardsDir, `${name}.json`), "utf8"));

describe("every field a card template reads is in its data type", () => {
  it("has one CardDataMap entry (with samples) per template file, and no entry without a file", () => {
    const files = readdirSync(cardsDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(Object.keys(cardSamples).sort()).toEqual(files);
  });

  // The samples are typed CardDataMap[name], so a path the type lacks cannot be in them. Each `$data`
  // list must have items in some sample, or the paths its items read would go unchecked.
  it.each(Object.keys(cardSamples) as CardName[])("%s", (name) => {
    const samples = cardSamples[name];
    expect(samples.length).toBeGreaterThan(0);
    const checks = samples.map((sample) => checkTemplate(template(name), sample));
    for (const { missing } of checks) expect(missing).toEqual([]);
    const filled = new Set(checks.flatMap((c) => c.filledLists));
    expect(checks.flatMap((c) => c.lists).filter((l) => !filled.has(l))).toEqual([]);
  });

  it("reads data paths, not function names, quoted text or templating built-ins", () => {
    expect(readPaths("count(meetings) > 0 && $root.labels.plan != 'x.y' && if(open, $data, $index)")).toEqual([
      ["meetings"],
      ["$root", "labels", "plan"],
      ["open"],
      ["$data"],
      ["$index"],
    ]);
  });

  it("reports a field the data lacks, at the root and inside a $data list", () => {
    const card = {
      body: [
        { type: "TextBlock", text: "${title} ${$root.head.q9}" },
        {
          $data: "${items}",
          type: "TextBlock",
          text: "${heading}: ${$root.title} ${detail}",
          $when: "${count(x) > 0}",
        },
      ],
    };
    const data = { title: "T", head: { q1: "1" }, items: [{ heading: "h", x: [] }] };
    expect(checkTemplate(card, data).missing).toEqual(["head.q9", "item of items: detail"]);
    expect(checkTemplate(card, { ...data, items: [] })).toEqual({
      missing: ["head.q9"],
      lists: ["item of items"],
      filledLists: [],
    });
  });
});
