import type { z } from "zod";
import type { FormInput } from "../../cards/admin-cards";
import { adminText } from "../../core/strings";
import { KbEntry, type KbKind } from "../../data/kb/schema";
import { fold } from "../qa/text";
import { describeIssues } from "./issues";

// The edit form of an entry is derived from the entry's zod schema (data/kb/schema.ts), so every
// field of every kind is in the form and a new field in the schema shows up without code here.
// Values travel as strings (Adaptive Card inputs): lists one item per line, lists of objects one
// object per line with parts separated by " | ".

/** Fields the form does not offer: fixed by the context (kind, id when editing) or by the status. */
const NOT_EDITABLE = new Set(["kind", "retired"]);
/** Strings longer than this get a multi-line input. */
const MULTILINE_FROM = 200;
const FIELD_PREFIX = "f_";
const TRUE_WORDS = new Set(["ja", "j", "yes", "true", "x"]);
const FALSE_WORDS = new Set(["", "nej", "n", "no", "false"]);

type Leaf = { input: "text"; multiline: boolean } | { input: "choice"; options: string[] } | { input: "toggle" };
export type FieldSpec =
  | ({ key: string; optional: boolean } & Leaf)
  | { key: string; optional: boolean; input: "lines" }
  | { key: string; optional: boolean; input: "rows"; columns: { key: string; optional: boolean; boolean: boolean }[] }
  | { key: string; optional: boolean; input: "object"; fields: FieldSpec[] };

// zod 4 does not type the internal definition the form walks (wrapped types, shapes, options).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyZod = z.ZodType & { _zod: { def: Record<string, any> } };

function unwrap(schema: AnyZod): { inner: AnyZod; optional: boolean } {
  let s = schema;
  let optional = false;
  while (["optional", "default", "nullable"].includes(s._zod.def.type)) {
    optional = true;
    s = s._zod.def.innerType;
  }
  return { inner: s, optional };
}

function specOf(key: string, schema: AnyZod): FieldSpec {
  const { inner, optional } = unwrap(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case "enum":
      return { key, optional, input: "choice", options: Object.values(def.entries as Record<string, string>) };
    case "boolean":
      return { key, optional, input: "toggle" };
    case "object":
      return {
        key,
        optional,
        input: "object",
        fields: Object.entries(def.shape as Record<string, AnyZod>).map(([k, v]) => specOf(k, v)),
      };
    case "array": {
      const element = unwrap(def.element).inner;
      if (element._zod.def.type === "object") {
        const columns = Object.entries(element._zod.def.shape as Record<string, AnyZod>).map(([k, v]) => {
          const u = unwrap(v);
          return { key: k, optional: u.optional, boolean: u.inner._zod.def.type === "boolean" };
        });
        return { key, optional, input: "rows", columns };
      }
      return { key, optional, input: "lines" };
    }
    default:
      return {
        key,
        optional,
        input: "text",
        multiline: ((inner as unknown as { maxLength?: number | null }).maxLength ?? 0) > MULTILINE_FROM,
      };
  }
}

/** The zod object schema of one kind. */
function kindSchema(kind: KbKind): AnyZod {
  const option = (KbEntry.options as unknown as AnyZod[]).find(
    (o) => o._zod.def.shape.kind._zod.def.values[0] === kind,
  );
  if (!option) throw new Error(`unknown kind ${kind}`);
  return option;
}

export const KINDS: KbKind[] = (KbEntry.options as unknown as AnyZod[]).map(
  (o) => o._zod.def.shape.kind._zod.def.values[0],
);

/** The editable fields of a kind, in schema order. */
export function fieldsOf(kind: KbKind): FieldSpec[] {
  return Object.entries(kindSchema(kind)._zod.def.shape as Record<string, AnyZod>)
    .filter(([k]) => !NOT_EDITABLE.has(k))
    .map(([k, v]) => specOf(k, v));
}

const label = (path: string) => adminText.fieldLabels[path] ?? path;

/**
 * Entries by name: the form shows related entries by title (admins know titles, not ids) and reads
 * either back. Ids stay accepted, so a title that is not unique is shown as its id.
 */
export interface EntryNames {
  titleOf(id: string): string | undefined;
  idOf(titleOrId: string): string | undefined;
}

export function entryNames(entries: { id: string; title: string }[]): EntryNames {
  const key = (s: string) => fold(s).replace(/\s+/g, " ").trim();
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(key(e.title), (counts.get(key(e.title)) ?? 0) + 1);
  const byTitle = new Map(entries.filter((e) => counts.get(key(e.title)) === 1).map((e) => [key(e.title), e.id]));
  const titles = new Map(entries.filter((e) => counts.get(key(e.title)) === 1).map((e) => [e.id, e.title]));
  const ids = new Set(entries.map((e) => e.id));
  return {
    titleOf: (id) => titles.get(id),
    idOf: (s) => (ids.has(s.trim()) ? s.trim() : byTitle.get(key(s))),
  };
}

/** Inputs of the form for an entry (or a partial draft), with the entry's current values. */
export function formInputs(
  kind: KbKind,
  values: Record<string, unknown>,
  opts: { withId: boolean; names?: EntryNames },
): FormInput[] {
  const out: FormInput[] = [];
  const add = (spec: FieldSpec, path: string[], value: unknown) => {
    const name = path.join(".");
    const base = {
      id: FIELD_PREFIX + path.join("_"),
      label: label(name),
      multiline: false,
      choices: [] as FormInput["choices"],
      placeholder: "",
    };
    switch (spec.input) {
      case "object":
        for (const f of spec.fields) add(f, [...path, f.key], (value as Record<string, unknown> | undefined)?.[f.key]);
        return;
      case "choice":
        out.push({
          ...base,
          input: "choice",
          value: String(value ?? ""),
          choices: spec.options.map((o) => ({ title: o, value: o })),
        });
        return;
      case "lines": {
        const items = (value as string[] | undefined) ?? [];
        out.push({
          ...base,
          input: "text",
          multiline: true,
          value: (name === "related" && opts.names ? items.map((id) => opts.names!.titleOf(id) ?? id) : items).join(
            "\n",
          ),
        });
        return;
      }
      case "rows":
        out.push({
          ...base,
          input: "text",
          multiline: true,
          value: ((value as Record<string, unknown>[] | undefined) ?? [])
            .map((row) => encodeRow(spec.columns, row))
            .join("\n"),
        });
        return;
      case "toggle":
        out.push({
          ...base,
          input: "choice",
          value: value ? "ja" : "nej",
          choices: [
            { title: "ja", value: "ja" },
            { title: "nej", value: "nej" },
          ],
        });
        return;
      case "text":
        out.push({
          ...base,
          input: "text",
          multiline: spec.multiline,
          value: value === undefined || value === null ? "" : String(value),
          placeholder: name === "id" ? adminText.form.idHint : "",
        });
    }
  };
  for (const spec of fieldsOf(kind)) if (opts.withId || spec.key !== "id") add(spec, [spec.key], values[spec.key]);
  return out;
}

function encodeRow(columns: { key: string; boolean: boolean }[], row: Record<string, unknown>): string {
  const parts = columns.map((c) => (c.boolean ? (row[c.key] ? "ja" : "nej") : String(row[c.key] ?? "")));
  // Trailing "nej"/empty parts add nothing to read.
  while (parts.length > 1 && (parts[parts.length - 1] === "" || parts[parts.length - 1] === "nej")) parts.pop();
  return parts.join(" | ");
}

export type FormResult = { ok: true; entry: KbEntry } | { ok: false; problems: string[] };

/**
 * Turns submitted form values back into an entry and validates it with the same schema as the seed
 * files. Problems are Swedish, one per field (and row), naming the field as the form labels it.
 */
export function entryFromForm(
  kind: KbKind,
  id: string | undefined,
  submitted: Record<string, unknown>,
  names?: EntryNames,
): FormResult {
  const problems: string[] = [];
  const read = (path: string[]) => {
    const v = submitted[FIELD_PREFIX + path.join("_")];
    return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
  };
  const build = (spec: FieldSpec, path: string[]): unknown => {
    switch (spec.input) {
      case "object": {
        const obj: Record<string, unknown> = {};
        for (const f of spec.fields) {
          const v = build(f, [...path, f.key]);
          if (v !== undefined) obj[f.key] = v;
        }
        return obj;
      }
      case "lines":
        // Related entries are given by title (or id).
        if (path.join(".") === "related" && names)
          return lines(read(path)).flatMap((l) => {
            const found = names.idOf(l);
            if (!found) problems.push(`${label("related")}: ${adminText.issues.unknownTitle(l)}`);
            return found ? [found] : [];
          });
        return lines(read(path));
      case "rows":
        return lines(read(path)).map((line, i) => {
          const parts = line.split("|").map((p) => p.trim());
          const row: Record<string, unknown> = {};
          if (parts.length > spec.columns.length)
            problems.push(
              `${label(path.join("."))}, ${adminText.issues.row(i + 1)}: ${adminText.issues.rowParts(spec.columns.length)}`,
            );
          spec.columns.forEach((c, j) => {
            const part = parts[j] ?? "";
            if (c.boolean) {
              const w = part.toLowerCase();
              if (TRUE_WORDS.has(w)) row[c.key] = true;
              else if (!FALSE_WORDS.has(w))
                problems.push(`${label(path.join("."))}, ${adminText.issues.row(i + 1)}: ${adminText.issues.yesNo}`);
            } else if (part || !c.optional) row[c.key] = part;
          });
          return row;
        });
      case "toggle":
        return TRUE_WORDS.has(read(path).toLowerCase());
      case "choice":
      case "text": {
        const v = read(path).trim();
        return v === "" && spec.optional ? undefined : v;
      }
    }
  };
  const raw: Record<string, unknown> = { kind };
  for (const spec of fieldsOf(kind)) {
    const v = spec.key === "id" && id !== undefined ? id : build(spec, [spec.key]);
    if (v !== undefined) raw[spec.key] = v;
  }
  const parsed = KbEntry.safeParse(raw);
  if (!parsed.success) problems.push(...describeIssues(parsed.error.issues));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entry: parsed.success ? parsed.data : (undefined as never) };
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Related ids that point at nothing in the base: a Swedish problem for each. */
export function unknownRelated(entry: KbEntry, exists: (id: string) => boolean): string[] {
  return entry.related
    .filter((r) => r !== entry.id && !exists(r))
    .map((r) => `${label("related")}: ${adminText.issues.unknownRelated(r)}`);
}
