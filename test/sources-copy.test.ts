import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// data/kb/sources holds copies of the agreement and the decision documents, the knowledge base's
// source of truth, so tests and admins have them on any clone. Where the shared originals are
// present (the team's workstations), the copies must match them byte for byte.
const copies = path.join(__dirname, "..", "data", "kb", "sources");
const originals = path.join(__dirname, "..", "..", "shared", "sources");
const files = readdirSync(copies).filter((f) => f.endsWith(".txt"));

describe("source document copies", () => {
  it("holds the agreement and the three decision documents, and no other region's document", () => {
    expect(files.sort()).toEqual([
      "lansgemensamma-overenskommelser-lagesrapport.txt",
      "overenskommelse-vuxnas-psykiska-ohalsa.txt",
      "protokollsutdrag-srb-2024-01-26.txt",
      "uppfoljning-overenskommelse-missbruk-beroende.txt",
    ]);
  });

  (existsSync(originals) ? it.each(files) : it.skip.each(files))("%s matches the shared original", (file) => {
    expect(readFileSync(path.join(copies, file), "utf8")).toBe(readFileSync(path.join(originals, file), "utf8"));
  });
});
