import { stringify } from "csv-stringify/sync";
import { casesText } from "../../core/strings";
import type { Report2b } from "../../data/evaluations/report-shape";
import { CASE_KINDS, type CaseFigures, type Indicator3a } from "./followup";

// The CSV behind the 2a and 3a charts, written like the 2b report's (UTF-8 with BOM, ";", CRLF,
// decimal commas) so Swedish Excel opens them as they are. The 2b chart's CSV is the 2b report itself.

const t = casesText.followup;

function csv(columns: Record<string, string>, rows: Record<string, string | number>[]): Buffer {
  return Buffer.from(
    stringify(rows, {
      bom: true,
      delimiter: ";",
      record_delimiter: "windows",
      header: true,
      columns: Object.entries(columns).map(([key, header]) => ({ key, header })),
    }),
    "utf8",
  );
}

export function csv2a(report: Report2b): Buffer {
  return csv(
    t.csvColumns["2a"],
    report.groups.map((g) => ({ part: g.groupName, year: report.year, held: g.meetingsHeld, goal: g.meetingsGoal })),
  );
}

const pct = (x: number | undefined) => (x === undefined ? "" : String(Math.round(x * 100)));
const days = (x: number | undefined) => (x === undefined ? "" : String(x).replace(".", ","));

function rowsOf(part: string, year: number, f: CaseFigures) {
  return [
    ...CASE_KINDS.map((k) => ({ part, year, kind: casesText.kindLabels[k], raised: f.byKind[k] })),
    {
      part,
      year,
      kind: t.total,
      raised: f.raised,
      lifted: f.lifted,
      decided: f.decided,
      shareLifted: pct(f.shareLifted),
      shareDecided: pct(f.shareDecided),
      medianDays: days(f.medianDaysToDecision),
    },
  ];
}

export function csv3a(figures: Indicator3a): Buffer {
  const rows = figures.groups.flatMap((g) => rowsOf(g.groupName, figures.year, g));
  if (figures.groups.length > 1) rows.push(...rowsOf(t.county, figures.year, figures.total));
  return csv(t.csvColumns["3a"], rows);
}
