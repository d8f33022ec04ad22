import { stringify } from "csv-stringify/sync";
import { localDateInput } from "../../core/time";
import { evaluationsText } from "../../core/strings";
import {
  GENDER_CATEGORIES,
  ORG_CATEGORIES,
  type Breakdown,
  type Cell,
  type Report2b,
} from "../../data/evaluations/report-shape";

// The report as a CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads å/ä/ö as
// cp1252), semicolons and decimal commas as Swedish Excel expects. One row per figure set, long format,
// so it filters and pivots without reshaping. Written with csv-stringify (quoting done right).

const t = evaluationsText;
const c = t.csv.columns;
const COLUMNS = Object.keys(c) as (keyof typeof c)[];
type Row = Partial<Record<keyof typeof c, string | number>>;

const decimal = (x: number, digits: number) => x.toFixed(digits).replace(".", ",");
const percent = (x: number | undefined) => (x === undefined ? "" : String(Math.round(x * 100)));

function figures(cell: Cell): Row {
  if (cell.suppressed)
    return {
      n: t.csv.suppressed,
      q1Mean: t.csv.suppressed,
      q1Share: t.csv.suppressed,
      q2Mean: t.csv.suppressed,
      q2Share: t.csv.suppressed,
    };
  if (cell.n === 0) return { n: 0 };
  return {
    n: cell.n,
    q1Mean: decimal(cell.q1Mean!, 1),
    q1Share: percent(cell.q1Share),
    q2Mean: decimal(cell.q2Mean!, 1),
    q2Share: percent(cell.q2Share),
  };
}

function breakdownRows(base: Row, b: Breakdown, totals: Row): Row[] {
  return [
    { ...base, dimension: t.csv.dimensionAll, category: t.csv.dimensionAll, ...totals, ...figures(b.total) },
    ...GENDER_CATEGORIES.map((g) => ({
      ...base,
      dimension: t.csv.dimensionGender,
      category: t.genderCategoryLabels[g],
      ...figures(b.gender[g]),
    })),
    ...ORG_CATEGORIES.map((o) => ({
      ...base,
      dimension: t.csv.dimensionOrg,
      category: t.orgTypeLabels[o],
      ...figures(b.org[o]),
    })),
  ];
}

const counts = (x: { invited: number; answered: number; responseRate?: number }): Row => ({
  invited: x.invited,
  answered: x.answered,
  responseRate: percent(x.responseRate),
});

function reportRows(report: Report2b): Row[] {
  const rows: Row[] = [];
  for (const g of report.groups) {
    const base: Row = { county: g.groupName, year: report.year, level: t.csv.levelYear, meetingDate: "" };
    rows.push(
      ...breakdownRows(base, g.stats, { ...counts(g), meetingsHeld: g.meetingsHeld, meetingsGoal: g.meetingsGoal }),
    );
    for (const m of g.meetings) {
      const date = m.start ? localDateInput(m.start) : "";
      rows.push(
        ...breakdownRows(
          { county: g.groupName, year: report.year, level: t.csv.levelMeeting, meetingDate: date },
          m.stats,
          counts(m),
        ),
      );
    }
  }
  if (report.county) {
    const base: Row = { county: t.report.county, year: report.year, level: t.csv.levelYear, meetingDate: "" };
    rows.push(
      ...breakdownRows(base, report.county.stats, {
        ...counts(report.county),
        meetingsHeld: report.county.meetingsHeld,
        meetingsGoal: report.county.meetingsGoal,
      }),
    );
  }
  return rows;
}

/** The CSV file's bytes (UTF-8 with BOM). */
export function reportCsv(report: Report2b): Buffer {
  const text = stringify(reportRows(report), {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    header: true,
    columns: COLUMNS.map((key) => ({ key, header: c[key] })),
  });
  return Buffer.from(text, "utf8");
}
