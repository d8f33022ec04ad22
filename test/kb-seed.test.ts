import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SeedFile, type KbEntry } from "../data/kb/schema";

const seedDir = join(__dirname, "..", "data", "kb", "seed");
const files = readdirSync(seedDir).filter((f) => f.endsWith(".json"));
const entries: KbEntry[] = [];
for (const f of files) {
  const parsed = SeedFile.safeParse(JSON.parse(readFileSync(join(seedDir, f), "utf8")));
  if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
  entries.push(...parsed.data.entries);
}

describe("knowledge-base seed", () => {
  it("has unique ids", () => {
    const seen = new Set<string>();
    const dupes = entries.map((e) => e.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dupes).toEqual([]);
  });

  it("only relates to entries that exist", () => {
    const ids = new Set(entries.map((e) => e.id));
    const dangling = entries.flatMap((e) => e.related.filter((r) => !ids.has(r)).map((r) => `${e.id} -> ${r}`));
    expect(dangling).toEqual([]);
  });
});
