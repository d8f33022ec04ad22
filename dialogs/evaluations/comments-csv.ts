import { stringify } from "csv-stringify/sync";
import { evaluationsText } from "../../core/strings";
import type { CommentSection } from "./comments";

// The comments as a CSV file for Excel, like the report file: UTF-8 with BOM, semicolons, CRLF. One row
// per comment; a group without comments to show gets one row saying why, so every group asked for appears.

const t = evaluationsText.commentsCsv;
const COLUMNS = Object.keys(t.columns) as (keyof typeof t.columns)[];

/**
 * Free text written by respondents is opened in Excel by an administrator: a cell starting with = + - @
 * (or a tab/CR) would be read as a formula, so such text is prefixed with an apostrophe, which Excel
 * shows as plain text (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function commentRows(sections: CommentSection[]): Record<keyof typeof t.columns, string | number>[] {
  return sections.flatMap((s) => {
    const base = { county: s.groupName, year: s.year };
    if (s.status !== "shown")
      return [{ ...base, comment: "", note: s.status === "tooFewAnswers" ? t.tooFewAnswers : t.noAnswers }];
    if (!s.comments.length) return [{ ...base, comment: "", note: t.none }];
    return s.comments.map((c) => ({ ...base, comment: neutraliseFormula(c), note: "" }));
  });
}

export function commentsCsv(sections: CommentSection[]): Buffer {
  const text = stringify(commentRows(sections), {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    header: true,
    columns: COLUMNS.map((key) => ({ key, header: t.columns[key] })),
  });
  return Buffer.from(text, "utf8");
}
