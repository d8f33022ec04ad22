// Which data paths an adaptive card template reads, checked against a sample of its data. A `$data`
// binding opens a scope: inside it bare names are read from each item, `$root.x` from the card's data.

/** Names of the templating language that are not data fields. */
const BUILT_INS = new Set(["$data", "$index", "$host", "$_acTemplateVersion", "true", "false", "null"]);

/** Dotted paths an expression reads: quoted text and function names (`count(`, `if(`, `json(`) are not paths. */
export function readPaths(expression: string): string[][] {
  const unquoted = expression.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  const paths: string[][] = [];
  for (const m of unquoted.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)(\s*\()?/g)) {
    if (m[2]) continue;
    paths.push(m[1].split(".").map((s) => s.trim()));
  }
  return paths;
}

const expressions = (text: string) => [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Where a path leaves the data: "" when every step is a key of the object before it. */
function missingStep(start: unknown, path: string[]): string {
  let at = start;
  for (const [i, key] of path.entries()) {
    if (!isRecord(at)) return "";
    if (!(key in at)) return path.slice(0, i + 1).join(".");
    at = at[key];
  }
  return "";
}

function resolve(root: unknown, scope: unknown, path: string[]): unknown {
  let at = path[0] === "$root" ? root : scope;
  for (const key of path[0] === "$root" || path[0] === "$data" ? path.slice(1) : path)
    at = isRecord(at) ? at[key] : undefined;
  return at;
}

/** What checking a template against one sample found. */
export interface TemplateCheck {
  /** Paths the data lacks: "path" (read from the card's data) or "item of x: path" (from an item of a `$data` list). */
  missing: string[];
  /** Every `$data` list met, and those that had items somewhere in this sample (the others' item paths went unchecked). */
  lists: string[];
  filledLists: string[];
}

export function checkTemplate(template: unknown, data: unknown): TemplateCheck {
  const missing = new Set<string>();
  const lists = new Set<string>();
  const filledLists = new Set<string>();
  const check = (expression: string, scope: unknown, where: string) => {
    for (const path of readPaths(expression)) {
      if (path[0] === "$root") {
        const step = missingStep(data, path.slice(1));
        if (step) missing.add(step);
      } else if (!BUILT_INS.has(path[0])) {
        const step = missingStep(scope, path);
        if (step) missing.add(where ? `${where}: ${step}` : step);
      }
    }
  };
  const walk = (node: unknown, scope: unknown, where: string): void => {
    if (typeof node === "string") return expressions(node).forEach((e) => check(e, scope, where));
    if (Array.isArray(node)) return node.forEach((n) => walk(n, scope, where));
    if (!isRecord(node)) return;
    const binding = typeof node.$data === "string" ? expressions(node.$data)[0] : undefined;
    if (binding === undefined) return Object.values(node).forEach((v) => walk(v, scope, where));
    check(binding, scope, where);
    const bound = resolve(data, scope, readPaths(binding)[0] ?? []);
    const items = Array.isArray(bound) ? bound : bound === undefined ? [] : [bound];
    const inner = where ? `${where} > item of ${binding}` : `item of ${binding}`;
    lists.add(inner);
    if (items.length > 0) filledLists.add(inner);
    for (const item of items)
      for (const [key, value] of Object.entries(node)) if (key !== "$data") walk(value, item, inner);
  };
  walk(template, data, "");
  return { missing: [...missing], lists: [...lists], filledLists: [...filledLists] };
}
