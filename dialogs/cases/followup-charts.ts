import { casesText, evaluationsText } from "../../core/strings";
import type { VegaLiteSpec } from "../../core/charts/chart-renderer";
import { GENDER_CATEGORIES, ORG_CATEGORIES, type Breakdown, type Report2b } from "../../data/evaluations/report-shape";
import { CASE_KINDS, type Indicator3a } from "./followup";

// Vega-Lite specs for the three charts of the yearly follow-up. Declarative: the library lays out axes,
// legends and labels; the data is the same as the card's tables and the CSVs.

const t = casesText.followup;
const e = evaluationsText;

export type ChartKind = "2a" | "2b" | "3a";

const base = { width: 460, height: 240, config: { font: "DejaVu Sans", title: { fontSize: 15 } } };

export function chart2a(report: Report2b): VegaLiteSpec {
  const values = report.groups.map((g) => ({ part: g.groupName, held: g.meetingsHeld, goal: g.meetingsGoal }));
  // Headroom above the tallest bar for its label and above the goal line.
  const top = Math.max(5, ...values.map((v) => v.held + 1));
  return {
    ...base,
    title: t.chart["2aTitle"](report.year),
    data: { values },
    layer: [
      {
        mark: { type: "bar", color: "#2f6f9f" },
        encoding: {
          x: { field: "part", type: "nominal", title: t.part, sort: null, axis: { labelAngle: 0 } },
          y: {
            field: "held",
            type: "quantitative",
            title: t.chart.meetings,
            axis: { tickMinStep: 1 },
            scale: { domain: [0, top] },
          },
        },
      },
      {
        mark: { type: "text", dy: -8, fontSize: 13 },
        encoding: {
          x: { field: "part", type: "nominal", sort: null },
          y: { field: "held", type: "quantitative" },
          text: { field: "held", type: "quantitative" },
        },
      },
      {
        mark: { type: "rule", color: "#c0392b", strokeDash: [6, 4], strokeWidth: 2 },
        encoding: { y: { datum: 4 } },
      },
    ],
  };
}

/** The breakdown shown in 2b: the county when the follow-up covers several parts, else the one group. */
export function scopeOf(report: Report2b): { name: string; stats: Breakdown } {
  if (report.county) return { name: t.county, stats: report.county.stats };
  const g = report.groups[0];
  return { name: `VuS ${g?.groupName ?? ""}`, stats: g?.stats ?? emptyBreakdown() };
}

function emptyBreakdown(): Breakdown {
  const cell = { n: 0, suppressed: false };
  return {
    total: cell,
    gender: Object.fromEntries(GENDER_CATEGORIES.map((g) => [g, cell])) as Breakdown["gender"],
    org: Object.fromEntries(ORG_CATEGORIES.map((o) => [o, cell])) as Breakdown["org"],
  };
}

/** Category label and cell for every row of the 2b breakdown, in display order. */
export function breakdownRows(b: Breakdown) {
  return [
    { label: t.all, cell: b.total },
    ...GENDER_CATEGORIES.map((g) => ({ label: e.genderCategoryLabels[g], cell: b.gender[g] })),
    ...ORG_CATEGORIES.map((o) => ({ label: e.orgTypeLabels[o], cell: b.org[o] })),
  ];
}

export function chart2b(report: Report2b): VegaLiteSpec {
  const scope = scopeOf(report);
  const rows = breakdownRows(scope.stats);
  const shown = rows.filter((r) => r.cell.n > 0 && !r.cell.suppressed);
  const hidden = rows.filter((r) => r.cell.suppressed).map((r) => r.label);
  const values = shown.flatMap((r) => [
    { category: r.label, statement: e.statementShort.q1, mean: Number(r.cell.q1Mean!.toFixed(2)) },
    { category: r.label, statement: e.statementShort.q2, mean: Number(r.cell.q2Mean!.toFixed(2)) },
  ]);
  const subtitle = [hidden.length ? t.chart.hidden(hidden.join(", ")) : "", shown.length ? "" : t.chart.noData].filter(
    Boolean,
  );
  return {
    ...base,
    height: Math.max(120, shown.length * 34),
    title: { text: t.chart["2bTitle"](report.year, scope.name), ...(subtitle.length ? { subtitle } : {}) },
    data: { values },
    mark: "bar",
    encoding: {
      y: { field: "category", type: "nominal", title: null, sort: shown.map((r) => r.label) },
      yOffset: { field: "statement", type: "nominal", sort: [e.statementShort.q1, e.statementShort.q2] },
      x: { field: "mean", type: "quantitative", title: t.chart.mean, scale: { domain: [0, 5] } },
      color: {
        field: "statement",
        type: "nominal",
        title: t.chart.statement,
        scale: { domain: [e.statementShort.q1, e.statementShort.q2], range: ["#2f6f9f", "#e39b2d"] },
      },
    },
  };
}

export function chart3a(figures: Indicator3a): VegaLiteSpec {
  const values = figures.groups.flatMap((g) =>
    CASE_KINDS.filter((k) => g.byKind[k] > 0).map((k) => ({
      part: g.groupName,
      kind: casesText.kindLabels[k],
      n: g.byKind[k],
    })),
  );
  return {
    ...base,
    title: t.chart["3aTitle"](figures.year),
    data: { values },
    mark: "bar",
    encoding: {
      x: {
        field: "part",
        type: "nominal",
        title: t.part,
        sort: figures.groups.map((g) => g.groupName),
        axis: { labelAngle: 0 },
        scale: { domain: figures.groups.map((g) => g.groupName) },
      },
      y: { field: "n", type: "quantitative", title: t.chart.cases, axis: { tickMinStep: 1 } },
      color: {
        field: "kind",
        type: "nominal",
        title: t.chart.kind,
        scale: { domain: CASE_KINDS.map((k) => casesText.kindLabels[k]) },
        legend: { labelLimit: 260 },
      },
    },
  };
}
