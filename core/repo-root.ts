import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * The repository root, whether code runs from the sources (jest, ts) or compiled from dist/: card
 * templates, the knowledge-base seed and the manifest are read from the source tree in both cases.
 */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) || basename(dir) === "dist") {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const REPO_ROOT = findRoot(__dirname);
