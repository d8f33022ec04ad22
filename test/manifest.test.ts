import { SEARCH_COMMAND_ID } from "../bot/teams-bot";
import { botText } from "../core/strings";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import {
  checkIcons,
  fillTemplate,
  MANIFEST_DIR,
  packageApp,
  PackageError,
  validateManifest,
  type Manifest,
} from "../scripts/package-app";

// @microsoft/app-manifest requires strip-bom 5, an ES module that Node 20 loads but jest's CommonJS runtime
// cannot. It is only used when reading manifests from disk, which this code does not do through the package.
jest.mock("strip-bom", () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, "") }));

const SAMPLE_ID = "3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b";

type CommandList = { scopes: string[]; commands: { title: string; description: string }[] };
type Bot = { botId: string; scopes: string[]; supportsFiles?: boolean; commandLists: CommandList[] };

async function filledManifest(): Promise<Manifest & { id: string; bots: Bot[] }> {
  const template = await readFile(join(MANIFEST_DIR, "manifest.json"), "utf8");
  return JSON.parse(fillTemplate(template, { MicrosoftAppId: SAMPLE_ID, APP_VERSION: "1.2.3" }));
}

describe("Teams app manifest", () => {
  it("is valid against the bundled schema once the bot id is filled in, without network", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch");
    const manifest = await filledManifest();
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(19);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it("reports schema errors instead of passing silently", async () => {
    const manifest = { ...(await filledManifest()), accentColor: "blue" };
    const errors = await validateManifest(manifest);
    expect(errors.join("\n")).toMatch(/accentColor/);
  });

  it("uses the placeholder for both the app id and the bot id", async () => {
    const manifest = await filledManifest();
    expect(manifest.id).toBe(SAMPLE_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE_ID);
    expect(() => fillTemplate('{"x":"${{Nope}}"}', { MicrosoftAppId: SAMPLE_ID, APP_VERSION: "1" })).toThrow(/Nope/);
  });

  it("declares a Swedish bot for personal, team and group chat that accepts files", async () => {
    const manifest = await filledManifest();
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: "sv-SE" });
    const bot = manifest.bots[0];
    expect([...bot.scopes].sort()).toEqual(["groupChat", "personal", "team"]);
    expect(bot.supportsFiles).toBe(true);
  });

  it("has one command list per scope with Swedish titles and descriptions", async () => {
    const { commandLists } = (await filledManifest()).bots[0];
    expect(commandLists.flatMap((l) => l.scopes).sort()).toEqual(["groupChat", "personal", "team"]);
    for (const list of commandLists) {
      expect(list.scopes).toHaveLength(1);
      const titles = list.commands.map((c) => c.title);
      for (const c of list.commands) {
        expect(c.title.trim()).not.toBe("");
        expect(c.description.trim()).not.toBe("");
      }
      expect(titles).toEqual(expect.arrayContaining(["hjälp", "möten", "gå med", "rapport 2b"]));
      expect(new Set(titles).size).toBe(titles.length);
    }
    const personal = commandLists.find((l) => l.scopes[0] === "personal")!;
    expect(personal.commands.map((c) => c.title)).toContain("admin");
    expect(personal.commands.find((c) => c.title === "hjälp")?.description).toBe("Visa vad jag kan göra");
    expect(personal.commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(["lämna", "planera", "leveranser", "granska"]),
    );
    expect(commandLists.find((l) => l.scopes[0] === "team")!.commands.map((c) => c.title)).toContain("koppla kanal");
    // The schema allows at most 10 commands per scope; every command is one the help card explains.
    const helped = Object.values(botText.commandHelp).map((c) => c.title);
    for (const list of commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands.filter((x) => !x.title.endsWith("?")))
        expect(helped.some((h) => h === c.title || h.startsWith(`${c.title} `))).toBe(true);
    }
    // Swedish, not the English defaults a template would carry.
    const allText = commandLists.flatMap((l) => l.commands.map((c) => `${c.title} ${c.description}`)).join(" ");
    expect(allText).toMatch(/[åäö]/);
    expect(allText).not.toMatch(/\b(help|show|meetings|join)\b/i);
  });

  it("declares the search-based message extension the bot answers, on the bot's id", async () => {
    const manifest = await filledManifest();
    const extensions = manifest.composeExtensions as any[];
    expect(extensions).toHaveLength(1);
    expect(extensions[0].botId).toBe(SAMPLE_ID);
    const [command] = extensions[0].commands;
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: "query", initialRun: true });
    expect(command.parameters.map((p: { name: string }) => p.name)).toEqual(["searchQuery"]);
    expect(`${command.title} ${command.description}`).toMatch(/[åäö]/);
  });
});

describe("app icons", () => {
  it("are the sizes Teams requires, with a white-on-transparent outline", async () => {
    const color = await readFile(join(MANIFEST_DIR, "color.png"));
    const outline = await readFile(join(MANIFEST_DIR, "outline.png"));
    expect(PNG.sync.read(color)).toMatchObject({ width: 192, height: 192 });
    const o = PNG.sync.read(outline);
    expect(o).toMatchObject({ width: 32, height: 32 });
    let opaque = 0;
    for (let i = 0; i < o.data.length; i += 4) {
      if (o.data[i + 3] === 0) continue;
      opaque++;
      expect([o.data[i], o.data[i + 1], o.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(0);
    expect(opaque).toBeLessThan(32 * 32); // some background must stay transparent
    expect(checkIcons(color, outline)).toEqual([]);
  });

  it("rejects an outline icon with colour in it", async () => {
    const color = await readFile(join(MANIFEST_DIR, "color.png"));
    const problems = checkIcons(color, color);
    expect(problems.join("\n")).toMatch(/32x32/);
    expect(problems.join("\n")).toMatch(/neither white nor transparent/);
  });
});

describe("packageApp", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "samverkansboten-package-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("zips the filled manifest and both icons at the root", async () => {
    const outFile = join(dir, "app.zip");
    expect(await packageApp({ appId: SAMPLE_ID, version: "0.4.2", outFile })).toBe(outFile);
    const zip = await JSZip.loadAsync(await readFile(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(manifest.id).toBe(SAMPLE_ID);
    expect(manifest.bots[0].botId).toBe(SAMPLE_ID);
    expect(manifest.version).toBe("0.4.2");
    expect(JSON.stringify(manifest)).not.toContain("${{");
    expect(await zip.file("color.png")!.async("nodebuffer")).toEqual(await readFile(join(MANIFEST_DIR, "color.png")));
  });

  it("refuses to write a package that fails validation", async () => {
    const outFile = join(dir, "app.zip");
    await expect(packageApp({ appId: "not-a-guid", version: "0.1.0", outFile })).rejects.toBeInstanceOf(PackageError);
    await expect(readFile(outFile)).rejects.toThrow();
  });
});
