// Text that people typed (questions, names, meeting themes, comments) is shown on cards and in chat,
// where Teams renders a subset of Markdown: a pasted "[Klicka här](https://…)" would become a live
// link on an admin's screen. Escaped with backslashes it is shown exactly as typed.

/** Characters that start emphasis, links, code or HTML anywhere in a line. */
const INLINE = /[\\`*_[\]<>|~]/g;
/** Line starts that make lists, headings, quotes or rules. */
const LINE_START = /^(\s*)([-+#>=])/gm;
/** "1. " or "1) " at a line start makes a numbered list; the punctuation is what gets escaped. */
const NUMBERED = /^(\s*\d+)([.)])/gm;

/** User text made inert for Markdown: every character shows as typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, "\\$&").replace(LINE_START, "$1\\$2").replace(NUMBERED, "$1\\$2");
}

/** Lone UTF-16 surrogates (broken characters) cannot be stored, searched or shown faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a string anywhere in the value (keys included) holds a lone surrogate. */
export function hasBrokenText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return LONE_SURROGATE.test(value);
  if (depth > 20 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasBrokenText(v, depth + 1));
  return Object.entries(value).some(([k, v]) => LONE_SURROGATE.test(k) || hasBrokenText(v, depth + 1));
}
