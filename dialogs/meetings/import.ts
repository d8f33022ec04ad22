import { parse } from "csv-parse/sync";
import { meetingsText } from "../../core/strings";
import type { Group, Meeting } from "../../data/meetings/schema";
import { MeetingInput, validateMeetingInput, findGroup, type MeetingDraft } from "./meeting-input";

const t = meetingsText;

export const MAX_IMPORT_BYTES = 1024 * 1024;

/** Column names accepted in a file (Swedish first), folded to lower case without diacritics. */
const COLUMNS: Record<string, keyof MeetingInput> = {
  lansdel: "group",
  grupp: "group",
  group: "group",
  vusgrupp: "group",
  datum: "date",
  date: "date",
  start: "start",
  starttid: "start",
  tid: "start",
  time: "start",
  langd: "length",
  minuter: "length",
  length: "length",
  duration: "length",
  durationminutes: "length",
  plats: "place",
  place: "place",
  lank: "link",
  link: "link",
  url: "link",
  motesl: "link",
  moteslank: "link",
  tema: "theme",
  theme: "theme",
  dagordning: "agenda",
  agenda: "agenda",
};

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

function toInput(record: Record<string, unknown>): MeetingInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const key = COLUMNS[fold(k)];
    if (!key || v === null || v === undefined) continue;
    out[key] =
      key === "agenda" && Array.isArray(v) ? v.map(String) : typeof v === "number" && key === "length" ? v : String(v);
  }
  return MeetingInput.parse(out);
}

export interface FileRow {
  /** Line in a CSV file (header is line 1) or position in a JSON array (1-based). */
  row: number;
  input: MeetingInput;
}

/** Reads rows from CSV (; or , separated, with a header) or JSON (an array, or {"meetings": [...]}) text. */
export function readMeetingFile(
  name: string,
  text: string,
): { ok: true; rows: FileRow[] } | { ok: false; message: string } {
  const lower = name.toLowerCase();
  try {
    if (lower.endsWith(".json")) {
      const data = JSON.parse(text) as unknown;
      const list = Array.isArray(data) ? data : (data as { meetings?: unknown })?.meetings;
      if (!Array.isArray(list)) return { ok: false, message: t.importText.unreadable };
      return {
        ok: true,
        rows: list.map((r, i) => ({
          row: i + 1,
          input: r && typeof r === "object" ? toInput(r as Record<string, unknown>) : {},
        })),
      };
    }
    if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
      const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
      const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
      const records = parse(text, {
        bom: true,
        columns: true,
        delimiter,
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
        info: true,
      }) as { record: Record<string, string>; info: { lines: number } }[];
      return { ok: true, rows: records.map(({ record, info }) => ({ row: info.lines, input: toInput(record) })) };
    }
    return { ok: false, message: t.importText.unknownType };
  } catch {
    return { ok: false, message: t.importText.unreadable };
  }
}

export interface ImportContext {
  groups: Group[];
  /** Planned meetings already stored, to refuse duplicates. */
  existing: Meeting[];
  /** Groups the importer may manage ("*" = all). */
  allowed: Set<string> | "*";
  now: Date;
}

/** Validates every row; returns drafts only when all rows are valid (all-or-nothing). */
export function validateImport(
  rows: FileRow[],
  ctx: ImportContext,
): { ok: true; drafts: MeetingDraft[] } | { ok: false; errors: { row: number; why: string }[] } {
  if (!rows.length) return { ok: false, errors: [{ row: 1, why: t.importText.empty }] };
  const errors: { row: number; why: string }[] = [];
  const drafts: MeetingDraft[] = [];
  const seen = new Map<string, number>();
  const taken = new Set(ctx.existing.filter((m) => m.status === "planned").map((m) => `${m.groupId}|${m.start}`));
  for (const { row, input } of rows) {
    const checked = validateMeetingInput(input, ctx.groups, ctx.now);
    if (!checked.ok) {
      errors.push({ row, why: checked.problems.join("; ") });
      continue;
    }
    const d = checked.draft;
    const problems: string[] = [];
    if (ctx.allowed !== "*" && !ctx.allowed.has(d.groupId))
      problems.push(t.problems.notCoordinator(findGroup(ctx.groups, d.groupId)?.name ?? d.groupId));
    const key = `${d.groupId}|${d.start}`;
    if (seen.has(key)) problems.push(t.problems.duplicateInFile(seen.get(key)!));
    else seen.set(key, row);
    if (taken.has(key)) problems.push(t.problems.exists);
    if (problems.length) errors.push({ row, why: problems.join("; ") });
    else drafts.push(d);
  }
  return errors.length ? { ok: false, errors } : { ok: true, drafts };
}

export function rejectionText(errors: { row: number; why: string }[]): string {
  return t.importText.rejected(errors.length, errors.map((e) => t.importText.row(e.row, e.why)).join("\n"));
}
