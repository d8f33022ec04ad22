import { builtinModules } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

// Build once, run many: production runs `node dist/bot/main.js` after `npm run build`, on an install
// without devDependencies (`npm ci --omit=dev`). .ci/run starts such an install for real; this test
// keeps the pieces that make it possible from drifting.

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every bare package imported by the modules reachable from `entry`, with the importing file. */
function packagesReachableFrom(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    // Type-only imports vanish from the build; everything else is loaded at run time.
    const specifiers = [
      ...source.matchAll(/^\s*import\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm),
      ...source.matchAll(/^\s*export\s+(?!type\s)[^"';]*?\sfrom\s+["']([^"']+)["']/gm),
      ...source.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]);
    for (const spec of specifiers) {
      if (spec.startsWith(".")) {
        const base = resolve(dirname(file), spec);
        const target = [`${base}.ts`, join(base, "index.ts")].find(existsSync);
        if (target) visit(target);
        continue;
      }
      const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
      if (spec.startsWith("node:") || builtinModules.includes(name)) continue;
      if (!found.has(name)) found.set(name, file.slice(ROOT.length + 1));
    }
  };
  visit(entry);
  return found;
}

describe("production start", () => {
  it("has a build step and a start that only runs the built code", () => {
    expect(pkg.scripts.build).toMatch(/^tsc\b/);
    expect(pkg.scripts["start:prod"]).toBe("node dist/bot/main.js");
  });

  it("needs no devDependency at run time", () => {
    const packages = packagesReachableFrom(join(ROOT, "bot", "main.ts"));
    expect(packages.size).toBeGreaterThan(5); // the walk really followed the imports
    const notInDependencies = [...packages].filter(([name]) => !(name in pkg.dependencies));
    expect(notInDependencies).toEqual([]);
  });

  it("targets Node 24 LTS", () => {
    expect(pkg.engines.node).toBe(">=24");
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toMatch(/Node(\.js)? 24/);
  });
});
