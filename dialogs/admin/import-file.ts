import { z } from "zod";
import { adminText } from "../../core/strings";
import type { KnowledgeEntryDoc } from "../../data/kb/knowledge-docs";
import type { PlannedChange } from "../../data/kb/pending-imports";
import { KbEntry } from "../../data/kb/schema";
import { changedFields } from "../../data/kb/knowledge-editor";
import { describeIssues } from "./issues";

// The bulk file: what `exportera` writes and an import reads. It has the shape of a seed file
// (data/kb/seed/*.json: schemaVersion 1 and a list of entries, a retired entry flagged "retired"),
// so an export can also become the repository seed, plus when and from which base version it came.

export const ExportFile = z.object({
  schemaVersion: z.literal(1),
  exportedAt: z.string().optional(),
  kbVersion: z.number().optional(),
  entries: z.array(z.unknown()),
});

/**
 * Whether a file is meant as a knowledge-base import: JSON with the export's top-level keys. Meeting
 * plans (CSV, a JSON array of rows or {"meetings": [...]}) are not, whoever sends them. A file too
 * broken to parse counts when it names the keys, so an admin gets the JSON error, not a meetings one.
 */
export function looksLikeKnowledgeBaseExport(text: string): boolean {
  const body = text.replace(/^\uFEFF/, "");
  try {
    const json = JSON.parse(body) as unknown;
    return (
      typeof json === "object" &&
      json !== null &&
      !Array.isArray(json) &&
      ("entries" in json || "schemaVersion" in json)
    );
  } catch {
    return /"(entries|schemaVersion)"\s*:/.test(body);
  }
}

export function exportFile(docs: KnowledgeEntryDoc[], kbVersion: number, now: Date): string {
  const entries = docs.map((d) => ({ ...d.entry, retired: d.status === "retired" }));
  return JSON.stringify({ schemaVersion: 1, exportedAt: now.toISOString(), kbVersion, entries }, null, 2);
}

export type ImportPlan =
  | { ok: false; title: string; problems: string[] }
  | { ok: true; changes: PlannedChange[]; unchanged: number; notInFile: number };

/**
 * Validates a whole file against the seed schema and plans it against the stored base. Any bad
 * entry rejects the file: the admin gets every bad entry and field at once, and nothing changes.
 * Entries missing from the file are left alone; retiring takes "retired": true.
 */
export function planImport(text: string, stored: KnowledgeEntryDoc[]): ImportPlan {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { ok: false, title: adminText.importFile.badJson((err as Error).message), problems: [] };
  }
  const file = ExportFile.safeParse(json);
  if (!file.success) return { ok: false, title: adminText.importFile.badShape, problems: [] };

  const byId = new Map(stored.map((d) => [d.id, d]));
  const seen = new Map<string, number>();
  const valid: KbEntry[] = [];
  const bad: string[] = [];
  file.data.entries.forEach((raw, index) => {
    const rawId = typeof (raw as { id?: unknown })?.id === "string" ? String((raw as { id: string }).id) : undefined;
    const problems: string[] = [];
    const parsed = KbEntry.safeParse(raw);
    if (!parsed.success) problems.push(...describeIssues(parsed.error.issues));
    if (rawId !== undefined) {
      if (seen.has(rawId)) problems.push(`${adminText.fieldLabels.id}: ${adminText.issues.duplicateId}`);
      seen.set(rawId, index);
    }
    if (parsed.success) valid.push(parsed.data);
    if (problems.length > 0) bad.push(`${adminText.importFile.entryLabel(rawId, index)}: ${problems.join("; ")}`);
  });
  // Related ids may point at entries of the file or of the base.
  const known = (id: string) => seen.has(id) || byId.has(id);
  valid.forEach((e) => {
    const missing = e.related.filter((r) => !known(r));
    if (missing.length > 0)
      bad.push(
        `${adminText.importFile.entryLabel(e.id, seen.get(e.id) ?? 0)}: ${missing.map((r) => `${adminText.fieldLabels.related}: ${adminText.issues.unknownRelated(r)}`).join("; ")}`,
      );
  });
  if (bad.length > 0) return { ok: false, title: adminText.importFile.rejectedTitle(bad.length), problems: bad };

  const changes: PlannedChange[] = [];
  let unchanged = 0;
  for (const entry of valid) {
    const current = byId.get(entry.id);
    const status = entry.retired ? "retired" : "active";
    if (!current) {
      changes.push({ entry, effect: entry.retired ? "retired" : "added" });
      continue;
    }
    const diff = changedFields(current, { entry: { ...entry, retired: false }, status });
    if (diff.length === 0) unchanged++;
    else
      changes.push({
        entry,
        effect: status === "retired" && current.status === "active" ? "retired" : "changed",
        baseVersion: current.version,
      });
  }
  return { ok: true, changes, unchanged, notInFile: stored.filter((d) => !seen.has(d.id)).length };
}
