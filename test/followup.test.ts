import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { buildReport } from "../dialogs/evaluations/report";
import { reportCsv } from "../dialogs/evaluations/report-csv";
import { buildIndicator3a, calendarDays, median } from "../dialogs/cases/followup";
import { chart2a, chart2b, chart3a } from "../dialogs/cases/followup-charts";
import { csv2a, csv3a } from "../dialogs/cases/followup-csv";
import { FollowupService } from "../dialogs/cases/followup-service";
import { followupCard } from "../cards/case-cards";
import { ChartRenderer } from "../core/charts/chart-renderer";
import type { Case, CaseKind, Decision } from "../data/cases/schema";
import type { Meeting } from "../data/meetings/schema";
import type { Gender, OrgType } from "../data/evaluations/schema";
import { answer, group, meeting } from "./support/evaluation-fixtures";
import { cardProblems } from "./support/validate-card";

// A seeded year (2026) whose figures were worked out by hand, so the yearly follow-up's 2a, 2b (with
// primary and secondary suppression) and 3a are checked against known numbers, not against themselves.

const NOW = new Date("2026-12-15T12:00:00.000Z");
const groups = [
  group("fagersta", "Fagersta"),
  group("koping", "Köping"),
  group("sala", "Sala"),
  group("vasteras", "Västerås"),
];

const held = (g: string, dates: string[]) => dates.map((d, i) => meeting(`${g}-meeting-${i}`, g, `${d}T08:00:00.000Z`));
const meetingsByGroup = new Map<string, Meeting[]>([
  // 2a: Västerås 4, Köping 3 (plus one cancelled), Fagersta 2 (plus one not held and one still ahead), Sala 5.
  ["vasteras", held("vasteras", ["2026-02-10", "2026-04-14", "2026-09-15", "2026-11-10"])],
  [
    "koping",
    [
      ...held("koping", ["2026-03-03", "2026-06-02", "2026-10-06"]),
      meeting("koping-cancelled", "koping", "2026-12-01T08:00:00.000Z", "cancelled"),
    ],
  ],
  [
    "fagersta",
    [
      ...held("fagersta", ["2026-03-05", "2026-09-03"]),
      meeting("fagersta-notheld", "fagersta", "2026-06-04T08:00:00.000Z", "notHeld"),
      meeting("fagersta-ahead", "fagersta", "2026-12-20T08:00:00.000Z"),
    ],
  ],
  ["sala", held("sala", ["2026-01-20", "2026-03-17", "2026-05-19", "2026-09-22", "2026-11-17"])],
]);

// 2b: (gender, organisation, q1, q2). Västerås: 3 women, 3 men; Sala: 3 women, 2 men, 1 without gender.
const a = (groupId: string, gender: Gender | undefined, orgType: OrgType, q1: number, q2: number) =>
  answer(`${groupId}-meeting-0`, groupId, { gender, orgType, q1, q2 });
const answers = [
  a("vasteras", "kvinna", "kommun", 4, 5),
  a("vasteras", "kvinna", "kommun", 5, 5),
  a("vasteras", "kvinna", "region", 3, 4),
  a("vasteras", "man", "kommun", 2, 3),
  a("vasteras", "man", "kommun", 4, 4),
  a("vasteras", "man", "region", 3, 2),
  a("sala", "kvinna", "kommun", 5, 4),
  a("sala", "kvinna", "kommun", 4, 4),
  a("sala", "kvinna", "kommun", 4, 5),
  a("sala", "man", "kommun", 3, 3),
  a("sala", "man", "kommun", 2, 4),
  a("sala", undefined, "kommun", 5, 5),
];

let n = 0;
function seededCase(groupId: string, kind: CaseKind, raisedAt: string, decided?: [Decision, string]): Case {
  const id = `${raisedAt.slice(0, 4)}-${(++n).toString(16).padStart(8, "0")}`;
  return {
    id,
    type: "case",
    groupId,
    year: raisedAt.slice(0, 4),
    kind,
    description: "Beskrivningen ska aldrig synas i statistiken",
    parties: "Socialtjänsten, vuxenpsykiatrin",
    managersTried: true,
    reporter: {
      tenantId: "t",
      aadObjectId: "00000000-0000-4000-8000-000000000001",
      userId: "29:u",
      serviceUrl: "https://smba.example/",
      name: "R",
    },
    status: decided ? decided[0] : "open",
    raisedAt,
    ...(decided ? { decision: { decision: decided[0], at: decided[1], byName: "S" } } : {}),
    revision: decided ? 2 : 1,
    history: [],
    updatedAt: raisedAt,
  };
}
// 3a. Days to decision, on Stockholm dates: 10, 14, 0 (00:30 to 23:00 on 11 April, CEST), 20, 3.
const cases = [
  seededCase("vasteras", "samverkan", "2026-01-10T09:00:00.000Z", ["solved", "2026-01-20T10:00:00.000Z"]),
  seededCase("vasteras", "tvist", "2026-02-01T09:00:00.000Z", ["lifted", "2026-02-15T09:00:00.000Z"]),
  seededCase("vasteras", "avvikelse", "2026-03-01T09:00:00.000Z"),
  seededCase("koping", "tolkning", "2026-04-10T22:30:00.000Z", ["closed", "2026-04-11T21:00:00.000Z"]),
  seededCase("koping", "tvist", "2026-05-05T09:00:00.000Z", ["lifted", "2026-05-25T09:00:00.000Z"]),
  seededCase("sala", "utveckling", "2026-06-01T09:00:00.000Z", ["solved", "2026-06-04T09:00:00.000Z"]),
  // Another year: not counted.
  seededCase("sala", "tvist", "2025-11-01T09:00:00.000Z", ["lifted", "2025-11-03T09:00:00.000Z"]),
];

const report = buildReport({ year: 2026, groups, meetingsByGroup, answers, invitations: [], now: NOW });
const figures = buildIndicator3a(2026, groups, cases);

describe("yearly follow-up on a seeded year", () => {
  it("2a: meetings held per county part against the four required", () => {
    expect(report.groups.map((g) => [g.groupName, g.meetingsHeld, g.meetingsGoal])).toEqual([
      ["Fagersta", 2, 4],
      ["Köping", 3, 4],
      ["Sala", 5, 4],
      ["Västerås", 4, 4],
    ]);
    expect(report.county).toMatchObject({ meetingsHeld: 14, meetingsGoal: 16 });
  });

  it("2b: the county's figures by gender and organisation, with cells under five answers and their complements hidden", () => {
    const c = report.county!.stats;
    // All 12: q1 44/12 = 3.67, 7 of 12 at 4–5; q2 48/12 = 4.0, 9 of 12 at 4–5.
    expect(c.total.n).toBe(12);
    expect(c.total.q1Mean).toBeCloseTo(44 / 12, 10);
    expect(c.total.q1Share).toBeCloseTo(7 / 12, 10);
    expect(c.total.q2Mean).toBeCloseTo(4, 10);
    expect(c.total.q2Share).toBeCloseTo(9 / 12, 10);
    // Women 6: q1 25/6, 5 of 6 at 4–5; q2 27/6 = 4.5, all at 4–5.
    expect(c.gender.kvinna).toMatchObject({ n: 6, suppressed: false, q2Mean: 4.5, q2Share: 1 });
    expect(c.gender.kvinna.q1Mean).toBeCloseTo(25 / 6, 10);
    // "Ej angivet" has 1 answer (hidden); the men's 5 would give it away by subtraction, so they are hidden too.
    expect(c.gender["ej-angivet"]).toMatchObject({ n: 1, suppressed: true });
    expect(c.gender.man).toMatchObject({ n: 5, suppressed: true });
    expect(c.gender.man.q1Mean).toBeUndefined();
    // Region 2 (hidden) and so kommun 10 as well.
    expect(c.org.region).toMatchObject({ n: 2, suppressed: true });
    expect(c.org.kommun).toMatchObject({ n: 10, suppressed: true });
  });

  it("3a: cases per county part and kind, share lifted, share decided and median days to decision", () => {
    expect(calendarDays("2026-04-10T22:30:00.000Z", "2026-04-11T21:00:00.000Z")).toBe(0);
    expect(median([20, 0, 14, 3, 10])).toBe(10);
    expect(median([10, 14])).toBe(12);
    const byName = Object.fromEntries(figures.groups.map((g) => [g.groupName, g]));
    expect(byName["Västerås"]).toMatchObject({ raised: 3, lifted: 1, decided: 2, medianDaysToDecision: 12 });
    expect(byName["Köping"]).toMatchObject({ raised: 2, lifted: 1, decided: 2, medianDaysToDecision: 10 });
    expect(byName["Sala"]).toMatchObject({ raised: 1, lifted: 0, decided: 1, medianDaysToDecision: 3 });
    expect(byName["Fagersta"]).toMatchObject({ raised: 0, lifted: 0, decided: 0 });
    expect(byName["Fagersta"].medianDaysToDecision).toBeUndefined();
    expect(figures.total).toMatchObject({
      raised: 6,
      lifted: 2,
      decided: 5,
      medianDaysToDecision: 10,
      byKind: { samverkan: 1, tolkning: 1, avvikelse: 1, tvist: 2, utveckling: 1 },
    });
    expect(figures.total.shareLifted).toBeCloseTo(2 / 6, 10);
    expect(figures.total.shareDecided).toBeCloseTo(5 / 6, 10);
  });

  it("shows the hand-computed figures on the card, hidden cells as –, and never a description", () => {
    const service = new FollowupService({} as never);
    const view = service.view({ report, cases: figures }, "Fagersta, Köping, Sala, Västerås", {
      charts: {
        c2a: "https://bot.example/c2a.png",
        c2b: "https://bot.example/c2b.png",
        c3a: "https://bot.example/c3a.png",
      },
      csv: { c2a: "https://bot.example/a", c2b: "https://bot.example/b", c3a: "https://bot.example/c" },
      note: "",
    });
    expect(view.held).toEqual([
      { title: "VuS Fagersta", value: "2 av 4" },
      { title: "VuS Köping", value: "3 av 4" },
      { title: "VuS Sala", value: "5 av 4 ✓" },
      { title: "VuS Västerås", value: "4 av 4 ✓" },
      { title: "Hela länet", value: "14 av 16" },
    ]);
    expect(view.satisfaction).toEqual([
      { label: "Alla", n: "12", q1: "3,7 (58 %)", q2: "4,0 (75 %)" },
      { label: "Kvinna", n: "6", q1: "4,2 (83 %)", q2: "4,5 (100 %)" },
      { label: "Man", n: "–", q1: "–", q2: "–" },
      { label: "Ej angivet", n: "–", q1: "–", q2: "–" },
      { label: "Kommun", n: "–", q1: "–", q2: "–" },
      { label: "Region", n: "–", q1: "–", q2: "–" },
    ]);
    expect(view.cases).toEqual([
      { part: "Fagersta", raised: "0", lifted: "0", decided: "0" },
      { part: "Köping", raised: "2", lifted: "1", decided: "2" },
      { part: "Sala", raised: "1", lifted: "0", decided: "1" },
      { part: "Västerås", raised: "3", lifted: "1", decided: "2" },
      { part: "Totalt", raised: "6", lifted: "2", decided: "5" },
    ]);
    expect(view.casesSummary).toEqual([
      { title: "Andel lyfta till regional nivå", value: "33 %" },
      { title: "Andel med beslut", value: "83 %" },
      { title: "Mediantid till beslut", value: "10 dagar" },
    ]);
    const card = followupCard(view).content;
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain("Beskrivningen");
    // Card size stays well under Teams' ~28 KB message limit.
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(20_000);
  });

  it("writes the CSV behind each chart with the same figures", () => {
    const rows = (b: Buffer) => parse(b.subarray(3), { delimiter: ";" }) as string[][];
    expect(rows(csv2a(report))).toEqual([
      ["Länsdel", "År", "Hållna möten", "Mål"],
      ["Fagersta", "2026", "2", "4"],
      ["Köping", "2026", "3", "4"],
      ["Sala", "2026", "5", "4"],
      ["Västerås", "2026", "4", "4"],
    ]);
    const r3a = rows(csv3a(figures));
    expect(r3a[0]).toEqual([
      "Länsdel",
      "År",
      "Typ",
      "Inlämnade",
      "Lyfta till Välfärd",
      "Beslutade",
      "Andel lyfta (%)",
      "Andel beslutade (%)",
      "Mediantid till beslut (dagar)",
    ]);
    expect(r3a.find((r) => r[0] === "Västerås" && r[2] === "Totalt")).toEqual([
      "Västerås",
      "2026",
      "Totalt",
      "3",
      "1",
      "2",
      "33",
      "67",
      "12",
    ]);
    expect(r3a.find((r) => r[0] === "Hela länet" && r[2] === "Totalt")).toEqual([
      "Hela länet",
      "2026",
      "Totalt",
      "6",
      "2",
      "5",
      "33",
      "83",
      "10",
    ]);
    expect(r3a.find((r) => r[0] === "Hela länet" && r[2] === "Tvist")?.[3]).toBe("2");
    const r2b = rows(reportCsv(report));
    const countyMan = r2b.find((r) => r[0] === "Västmanland, alla länsdelar" && r[2] === "År" && r[5] === "Man");
    expect(countyMan?.[9]).toBe("dolt");
  });

  it("renders the three charts as PNG images", async () => {
    const renderer = new ChartRenderer();
    try {
      const dir = join(tmpdir(), "samverkansboten-charts");
      mkdirSync(dir, { recursive: true });
      for (const [name, spec] of [
        ["2a", chart2a(report)],
        ["2b", chart2b(report)],
        ["3a", chart3a(figures)],
      ] as const) {
        const png = await renderer.render(spec);
        expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
        writeFileSync(join(dir, `followup-chart-${name}.png`), png);
      }
      // Hidden cells are left out of the 2b chart and named in its subtitle.
      expect(JSON.stringify(chart2b(report))).toContain(
        "Visas inte (färre än fem svar): Man, Ej angivet, Kommun, Region",
      );
    } finally {
      await renderer.close();
    }
  });
});
