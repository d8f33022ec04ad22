import { REPO_ROOT } from "../core/repo-root";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { AppIdSetting } from "../core/config";
import { runMain } from "./run-main";

// Builds the Teams app package (manifest.json + icons at the zip root) from manifest/manifest.json.
// Run: npm run package (needs MicrosoftAppId). Validation is offline against the schema bundled in
// @microsoft/app-manifest, so packaging works without network and fails before a broken zip is written.

/** The same file runs from scripts/ (jest) and dist/scripts/ (compiled). */
export const MANIFEST_DIR = join(REPO_ROOT, "manifest");
const DEFAULT_OUT_FILE = join(REPO_ROOT, "appPackage", "samverkansboten.zip");

export interface ManifestValues {
  /** Bot (and app) id: the Microsoft App ID of the Azure Bot registration. */
  MicrosoftAppId: string;
  APP_VERSION: string;
  /** The bot's public https address, without a trailing slash: the privacy and terms pages are served there. */
  PUBLIC_BASE_URL: string;
}

export type Manifest = Record<string, unknown> & {
  manifestVersion: string;
  icons: { color: string; outline: string };
};

/** Replaces every `${{NAME}}` placeholder; an unknown name is an error, not an empty string. */
export function fillTemplate(template: string, values: ManifestValues): string {
  return template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`manifest.json uses unknown placeholder \${{${name}}}`);
    return values[name as keyof ManifestValues];
  });
}

/** Path of the JSON schema bundled in @microsoft/app-manifest for this manifest version. */
function bundledSchemaPath(manifestVersion: string): string {
  const pkgDir = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  return join(pkgDir, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
}

/** Schema errors for the filled manifest; empty when valid. Never touches the network. */
export async function validateManifest(manifest: Manifest): Promise<string[]> {
  let schemaText: string;
  try {
    schemaText = await readFile(bundledSchemaPath(manifest.manifestVersion), "utf8");
  } catch {
    return [`manifestVersion ${manifest.manifestVersion}: no schema bundled in @microsoft/app-manifest`];
  }
  // The package itself rewrites these escapes before parsing (a few schema versions contain them).
  const schema = JSON.parse(schemaText.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema);
}

/** Teams rejects icons of the wrong size, and outline icons with any colour but white. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = PNG.sync.read(color);
  const o = PNG.sync.read(outline);
  if (c.width !== 192 || c.height !== 192) problems.push(`color icon must be 192x192, is ${c.width}x${c.height}`);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline icon must be 32x32, is ${o.width}x${o.height}`);
  for (let i = 0; i < o.data.length; i += 4) {
    const transparent = o.data[i + 3] === 0;
    const white = o.data[i] === 255 && o.data[i + 1] === 255 && o.data[i + 2] === 255;
    if (!transparent && !white) {
      problems.push(
        `outline icon pixel ${(i / 4) % o.width},${Math.floor(i / 4 / o.width)} is neither white nor transparent`,
      );
      break;
    }
  }
  return problems;
}

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Teams app package not built:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "PackageError";
  }
}

export interface PackageOptions {
  appId: string;
  version: string;
  /** The bot's public https address (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  manifestDir?: string;
  outFile?: string;
}

/** Fills, validates and zips the manifest with its icons; returns the zip path. Throws PackageError. */
export async function packageApp({
  appId,
  version,
  publicBaseUrl,
  manifestDir = MANIFEST_DIR,
  outFile = DEFAULT_OUT_FILE,
}: PackageOptions): Promise<string> {
  const template = await readFile(join(manifestDir, "manifest.json"), "utf8");
  const base = publicBaseUrl.replace(/\/+$/, "");
  const manifest = JSON.parse(
    fillTemplate(template, { MicrosoftAppId: appId, APP_VERSION: version, PUBLIC_BASE_URL: base }),
  ) as Manifest;

  const problems = await validateManifest(manifest);
  if (!/^https:\/\/[^/]+/.test(base))
    problems.push(
      `PUBLIC_BASE_URL must be the bot's public https address (Teams opens the privacy and terms pages there), not "${publicBaseUrl}"`,
    );
  const color = await readFile(join(manifestDir, manifest.icons.color));
  const outline = await readFile(join(manifestDir, manifest.icons.outline));
  problems.push(...checkIcons(color, outline));
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  zip.file("manifest.json", JSON.stringify(manifest, null, 2));
  zip.file(manifest.icons.color, color);
  zip.file(manifest.icons.outline, outline);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return outFile;
}

async function main(): Promise<number> {
  // Only the app id: the machine that builds the package need not hold the bot's secret.
  const parsed = AppIdSetting.safeParse(process.env.MicrosoftAppId);
  if (!parsed.success) {
    console.error(`Invalid configuration:\n  - MicrosoftAppId: ${parsed.error.issues[0].message}`);
    return 1;
  }
  const appId = parsed.data;
  if (!appId) {
    console.error(
      "MicrosoftAppId is not set: set the environment variable MicrosoftAppId to the Microsoft App ID (a GUID) of the Azure Bot registration and run again.",
    );
    return 1;
  }
  const publicBaseUrl = process.env.PUBLIC_BASE_URL?.trim();
  if (!publicBaseUrl) {
    console.error(
      "PUBLIC_BASE_URL is not set: set it to the bot's public https address (e.g. https://samverkansboten.azurewebsites.net); the package links to the privacy and terms pages the bot serves there (/privacy, /terms).",
    );
    return 1;
  }
  const pkg = JSON.parse(await readFile(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
  try {
    const file = await packageApp({ appId, version: pkg.version, publicBaseUrl });
    console.log(`Wrote ${file} (app and bot id ${appId}, version ${pkg.version})`);
    return 0;
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) runMain(main);
