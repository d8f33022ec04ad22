import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../core/repo-root";
import { SeedFile, type KbEntry } from "./schema";

/** The seed files stay in the source tree, also when the code runs from dist/. */
const defaultSeedDir = () => join(REPO_ROOT, "data", "kb", "seed");

export interface Seed {
  entries: KbEntry[];
  /** Content hash of the validated entries: a new seed in the repo gets a new version. */
  version: string;
}

/** Reads and validates every seed file (sorted by name); throws naming the file on a bad one. */
export function loadSeed(dir = defaultSeedDir()): Seed {
  const entries: KbEntry[] = [];
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const parsed = SeedFile.safeParse(JSON.parse(readFileSync(join(dir, f), "utf8")));
    if (!parsed.success)
      throw new Error(`seed ${f}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    entries.push(...parsed.data.entries);
  }
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`seed: duplicate entry id ${e.id}`);
    ids.add(e.id);
  }
  const version = createHash("sha256").update(JSON.stringify(entries)).digest("hex").slice(0, 16);
  return { entries, version };
}
