import type { z } from "zod";
import { adminText } from "../../core/strings";

type Issue = z.core.$ZodIssue;

const t = adminText.issues;

/** Where an issue is, as the admin reads it: "Vem gör vad, rad 2, uppgift". */
function fieldName(path: PropertyKey[]): string {
  const [top, ...rest] = path.map(String);
  if (top === undefined) return adminText.fieldLabels.kind;
  const parts: string[] = [];
  const nested = rest.filter((p) => !/^\d+$/.test(p));
  const index = rest.find((p) => /^\d+$/.test(p));
  const topLabel = adminText.fieldLabels[`${top}.${nested[0]}`] ?? adminText.fieldLabels[top] ?? top;
  parts.push(topLabel);
  if (index !== undefined) parts.push(t.row(Number(index) + 1));
  if (nested.length > 0 && !adminText.fieldLabels[`${top}.${nested[0]}`])
    parts.push(adminText.fieldShort[nested[0]] ?? nested[0]);
  return parts.join(", ");
}

/** One zod issue in Swedish, without the field name. */
function issueText(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return /received undefined/.test(issue.message) ? t.missing : t.wrongType;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "array") return t.tooFewRows(n);
      return n <= 1 ? t.missing : t.tooShortText(n);
    }
    case "too_big":
      return issue.origin === "array" ? t.tooManyRows(Number(issue.maximum)) : t.tooLongText(Number(issue.maximum));
    case "invalid_value":
      return t.oneOf(issue.values.map(String));
    case "invalid_format":
      // A schema's own message is already Swedish ("id: små bokstäver…"); zod's default is not.
      return issue.message && !/^Invalid/.test(issue.message) ? issue.message.replace(/^[a-z]+: /, "") : t.format;
    case "unrecognized_keys":
      return issue.keys.map(t.unknownField).join(", ");
    case "invalid_union":
      return t.oneOf(Object.keys(adminText.kindLabels));
    default:
      return issue.message && !/^Invalid/.test(issue.message) ? issue.message : t.format;
  }
}

/** Every issue as "Fält: problem", one line each, duplicates dropped. */
export function describeIssues(issues: readonly Issue[]): string[] {
  return [...new Set(issues.map((i) => `${fieldName(i.path)}: ${issueText(i)}`))];
}
