import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type KbEntry, SectionList, SeedFile, type Source } from "../data/kb/schema";

// The section list is the contract between the agreement text and the seed entries:
// every heading must be real, no heading may be forgotten, and every section must be answerable.

// The repo carries copies of the source documents (data/kb/sources) so the test runs on any clone;
// sources-copy.test.ts checks them against the shared originals where those are present.
const agreementPath = path.join(__dirname, "..", "data", "kb", "sources", "overenskommelse-vuxnas-psykiska-ohalsa.txt");
const sectionsPath = path.join(__dirname, "..", "data", "kb", "sections.json");
const seedDir = path.join(__dirname, "..", "data", "kb", "seed");

const sourceLines = readFileSync(agreementPath, "utf8")
  .split(/\r?\n/)
  .map((l) => l.trim());
const sections = SectionList.parse(JSON.parse(readFileSync(sectionsPath, "utf8"))).sections;

const entries: KbEntry[] = readdirSync(seedDir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => SeedFile.parse(JSON.parse(readFileSync(path.join(seedDir, f), "utf8"))).entries);

const lastSegment = (sectionPath: string): string => sectionPath.split(" > ").at(-1) ?? sectionPath;

/** A heading is a whole trimmed line, or two (a heading wrapped over a line break, e.g. "Gravida individer …"). */
const headingCandidates = new Set<string>([
  ...sourceLines,
  ...sourceLines.slice(0, -1).map((l, i) => `${l} ${sourceLines[i + 1]}`),
]);

/**
 * Heading-like lines: short, capitalised, no sentence-final punctuation. Wrapped body lines are
 * ~75–100 characters long, so the length limit alone separates them; definition lines contain "=".
 * A line ending in a comma whose next line is short is a heading wrapped over two lines.
 */
const MAX_HEADING_LENGTH = 60;
function headingLikeLines(lines: string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length < 2 || line.length > MAX_HEADING_LENGTH) continue;
    if (!/^[A-ZÅÄÖ]/.test(line) || line.includes("=")) continue;
    if (/[.:;!?]$/.test(line)) continue;
    if (line.endsWith(",")) {
      const next = lines[i + 1] ?? "";
      const joined = `${line} ${next}`;
      if (next && joined.length <= 2 * MAX_HEADING_LENGTH && !/[.:;]$/.test(next)) found.push(joined);
      continue;
    }
    found.push(line);
  }
  return found;
}

/** Short capitalised lines that are not headings: a list lead-in and a label inside a figure. */
const NOT_HEADINGS = new Set<string>([
  "Följande verksamheter är särskilt berörda av överenskommelsen",
  "Alkohol, narkotika, dopning och andra substanser Skadligt bruk",
]);

const cites = (s: Source): string | undefined => (s.document === "overenskommelse" ? s.section : undefined);
const citedSections = new Set(
  entries
    .filter((e) => !e.retired)
    .flatMap((e) => [e.source, ...e.alsoSources].map(cites).filter((s): s is string => !!s)),
);

describe("knowledge-base coverage of the agreement", () => {
  it("lists each section once", () => {
    const seen = new Set<string>();
    const dupes = sections.filter((s) => (seen.has(s) ? true : (seen.add(s), false)));
    expect(dupes).toEqual([]);
  });

  it("names only headings that occur as whole lines in the agreement", () => {
    const unknown = sections.filter((s) => !headingCandidates.has(lastSegment(s)));
    expect(unknown).toEqual([]);
  });

  it("names every parent as a section of its own", () => {
    const headings = new Set(sections.map(lastSegment));
    const orphans = sections
      .filter((s) => s.includes(" > "))
      .filter((s) => !headings.has(s.split(" > ")[0]))
      .map((s) => s.split(" > ")[0]);
    expect([...new Set(orphans)]).toEqual([]);
  });

  it("does not forget any heading-like line of the agreement", () => {
    const listed = new Set(sections.map(lastSegment));
    const forgotten = headingLikeLines(sourceLines).filter((l) => !listed.has(l) && !NOT_HEADINGS.has(l));
    if (forgotten.length > 0) {
      throw new Error(
        `Heading-like lines missing from data/kb/sections.json (or add to NOT_HEADINGS):\n  ${forgotten.join("\n  ")}`,
      );
    }
  });

  it("has at least one seed entry citing every section", () => {
    const uncovered = sections.filter((s) => !citedSections.has(s));
    if (uncovered.length > 0) {
      throw new Error(
        `${uncovered.length} of ${sections.length} sections have no seed entry citing them:\n  ${uncovered.join("\n  ")}`,
      );
    }
  });

  it("cites only sections that are in the list", () => {
    const listed = new Set(sections);
    const typos = entries.flatMap((e) =>
      [e.source, ...e.alsoSources]
        .map(cites)
        .filter((s): s is string => !!s && !listed.has(s))
        .map((s) => `${e.id}: "${s}"`),
    );
    if (typos.length > 0) {
      throw new Error(`Seed entries cite sections not in data/kb/sections.json:\n  ${typos.join("\n  ")}`);
    }
  });
});
