import { parseSubmission } from "../dialogs/evaluations/submission";
import { submissionDay, surveyState, surveyWindow } from "../dialogs/evaluations/survey-window";
import { EvaluationKeys } from "../data/evaluations/keyed-ids";
import { buildReport, MIN_CELL, suppress } from "../dialogs/evaluations/report";
import type { Cell } from "../data/evaluations/report-shape";
import { reportCsv } from "../dialogs/evaluations/report-csv";
import { compileComments } from "../dialogs/evaluations/comments";
import { commentsCsv, neutraliseFormula } from "../dialogs/evaluations/comments-csv";
import { evaluationsText } from "../core/strings";
import { ReportLinks } from "../dialogs/evaluations/report-link";
import { parseReportCommand } from "../dialogs/evaluations/report-service";
import { evaluationFormCard, report2bCard, thanksCard } from "../cards/evaluation-cards";
import { parse } from "csv-parse/sync";
import { cardProblems } from "./support/validate-card";
import { answer, group, invitation, meeting, NOW, sampleReport } from "./support/evaluation-fixtures";

const ref = { groupId: "sala", meetingId: "sala-m1-0001" };
const valid = { ...ref, action: "evaluation.submit", q1: "4", q2: "5", comment: "", orgType: "kommun", gender: "" };

describe("evaluation submission parsing", () => {
  it("accepts the card's string inputs and drops blank optional fields", () => {
    expect(parseSubmission(valid)).toEqual({ ok: true, value: { ...ref, q1: 4, q2: 5, orgType: "kommun" } });
    expect(parseSubmission({ ...valid, gender: "vill-inte-uppge", comment: "  Bra möte  " })).toMatchObject({
      ok: true,
      value: { gender: "vill-inte-uppge", comment: "Bra möte" },
    });
    expect(parseSubmission({ ...valid, comment: "x".repeat(1000) }).ok).toBe(true);
  });

  it.each([
    [{ q1: "0" }, "scores"],
    [{ q2: "6" }, "scores"],
    [{ q1: "4.5" }, "scores"],
    [{ q1: "" }, "scores"],
    [{ q2: "fem" }, "scores"],
    [{ comment: "x".repeat(1001) }, "comment"],
    [{ orgType: "" }, "orgType"],
    [{ orgType: "landsting" }, "orgType"],
    [{ gender: "okänd" }, "gender"],
    [{ meetingId: "../../x" }, "malformed"],
    [{ groupId: undefined }, "malformed"],
  ])("refuses %j as %s", (change, problem) => {
    expect(parseSubmission({ ...valid, ...change })).toEqual({ ok: false, problem });
  });
});

describe("survey window", () => {
  const settings = { delayMinutes: 60, openDays: 14 };

  it("opens an hour after the end and closes 14 calendar days later, also across the DST change", () => {
    // 2026-03-24 09:00–11:00 CET; clocks go forward on 29 March.
    const w = surveyWindow({ start: "2026-03-24T08:00:00.000Z", durationMinutes: 120 }, settings);
    expect(w.opensAt).toBe("2026-03-24T11:00:00.000Z"); // 12:00 CET
    expect(w.closesAt).toBe("2026-04-07T10:00:00.000Z"); // 12:00 CEST
    expect(w.remindAt).toBe("2026-03-31T10:30:00.000Z"); // exact midpoint of 13 d 23 h
  });

  it("tells not-open, open, closed and not-held apart", () => {
    const m = { start: "2026-03-10T08:00:00.000Z", durationMinutes: 120, status: "planned" as const };
    expect(surveyState(m, settings, new Date("2026-03-10T10:59:59.000Z"))).toBe("notOpen");
    expect(surveyState(m, settings, new Date("2026-03-10T11:00:00.000Z"))).toBe("open");
    expect(surveyState(m, settings, new Date("2026-03-24T10:59:59.999Z"))).toBe("open");
    expect(surveyState(m, settings, new Date("2026-03-24T11:00:00.000Z"))).toBe("closed");
    expect(surveyState({ ...m, status: "cancelled" }, settings, new Date("2026-03-11T00:00:00.000Z"))).toBe("notHeld");
  });
});

describe("submission day", () => {
  it("keeps only the Stockholm day of an answer (its midnight as a UTC instant), in winter and summer time", () => {
    expect(submissionDay(new Date("2026-03-10T22:59:59.999Z"))).toBe("2026-03-09T23:00:00.000Z"); // 23:59 CET on the 10th
    expect(submissionDay(new Date("2026-03-10T23:00:00.000Z"))).toBe("2026-03-10T23:00:00.000Z"); // 00:00 CET on the 11th
    expect(submissionDay(new Date("2026-07-01T10:17:42.123Z"))).toBe("2026-06-30T22:00:00.000Z"); // CEST
  });
});

describe("keyed ids", () => {
  const keys = new EvaluationKeys("a-test-secret-that-is-long-enough-0123456789");
  const aad = "6E1F3F0A-5B1C-4C39-9A53-2F0C5E9D7A11";

  it("are deterministic per (meeting, person), case-insensitive in the Entra id, and differ per meeting and person", () => {
    expect(keys.answerId("m-1", aad)).toBe(keys.answerId("m-1", aad.toLowerCase()));
    expect(keys.answerId("m-1", aad)).toMatch(/^[0-9a-f]{64}$/);
    expect(keys.answerId("m-2", aad)).not.toBe(keys.answerId("m-1", aad));
    expect(keys.answerId("m-1", aad.replace("7A11", "7A12"))).not.toBe(keys.answerId("m-1", aad));
  });

  it("answer and invitation ids cannot be matched, and another secret gives other ids", () => {
    expect(keys.invitationId("m-1", aad)).not.toBe(keys.answerId("m-1", aad));
    const other = new EvaluationKeys("another-secret-that-is-long-enough-012345678");
    expect(other.answerId("m-1", aad)).not.toBe(keys.answerId("m-1", aad));
    expect(() => new EvaluationKeys("short")).toThrow(RangeError);
  });
});

describe("report aggregation", () => {
  it("counts invited, answered, rate, means and shares 4–5 per group, meeting and county", () => {
    const r = sampleReport();
    const sala = r.groups.find((g) => g.groupId === "sala")!;
    expect(sala).toMatchObject({ meetingsHeld: 2, meetingsGoal: 4, invited: 25, answered: 15 });
    expect(sala.responseRate).toBeCloseTo(0.6);
    expect(sala.meetings.map((m) => [m.meetingId, m.invited, m.answered])).toEqual([
      ["sala-m1-0001", 15, 12],
      ["sala-m2-0001", 10, 3],
    ]);
    // q1 = 1,2,3,4,5,1,2,3,4,5,1,2 (meeting 1) + 4,4,4 (meeting 2) → mean 45/15, 4–5: 7 of 15
    expect(sala.stats.total).toMatchObject({ n: 15, suppressed: false, q2Mean: 4, q2Share: 1 });
    expect(sala.stats.total.q1Mean).toBeCloseTo(3);
    expect(sala.stats.total.q1Share).toBeCloseTo(7 / 15);
    const koping = r.groups.find((g) => g.groupId === "koping")!;
    expect(koping.meetings[0].stats.total).toEqual({
      n: 6,
      suppressed: false,
      q1Mean: 5,
      q1Share: 1,
      q2Mean: 3,
      q2Share: 0,
    });
    expect(r.county).toMatchObject({ invited: 33, answered: 21, meetingsHeld: 3, meetingsGoal: 8 });
  });

  it("splits by gender: 9 women and 6 men in Sala's year, both shown", () => {
    const sala = sampleReport().groups.find((g) => g.groupId === "sala")!;
    expect(sala.stats.gender.kvinna).toMatchObject({ n: 9, suppressed: false });
    // women q1 = 1,2,3,4,5,1 + 4,4,4 → 28/9; men q1 = 2,3,4,5,1,2 → 17/6
    expect(sala.stats.gender.kvinna.q1Mean).toBeCloseTo(28 / 9);
    expect(sala.stats.gender.kvinna.q1Share).toBeCloseTo(5 / 9);
    expect(sala.stats.gender.man).toMatchObject({ n: 6, suppressed: false });
    expect(sala.stats.gender.man.q1Mean).toBeCloseTo(17 / 6);
    expect(sala.stats.gender["ej-angivet"]).toEqual({ n: 0, suppressed: false });
  });

  it("hides every cell below 5 answers", () => {
    const sala = sampleReport().groups.find((g) => g.groupId === "sala")!;
    const m2 = sala.meetings[1];
    expect(m2.answered).toBe(3);
    expect(m2.stats.total).toEqual({ n: 3, suppressed: true });
    // region at meeting 1 has 4 answers
    expect(sala.meetings[0].stats.org.region).toEqual({ n: 4, suppressed: true });
  });

  it("also hides the smallest sibling when one hidden cell could be computed from its total", () => {
    const sala = sampleReport().groups.find((g) => g.groupId === "sala")!;
    // Year total 15 = meeting 1 (12) + meeting 2 (3, hidden): meeting 1 must be hidden too.
    expect(sala.stats.total.suppressed).toBe(false);
    expect(sala.meetings[0].stats.total.suppressed).toBe(true);
    // Year: kommun 11 + region 4 (hidden) → kommun hidden too.
    expect(sala.stats.org.kommun).toEqual({ n: 11, suppressed: true });
    // Year women 9 = meeting 1 women (6) + meeting 2 women (3, hidden) → meeting 1 women hidden.
    expect(sala.meetings[0].stats.gender.kvinna.suppressed).toBe(true);
    // No shown total anywhere is left with exactly one hidden non-empty part.
    const sums: [Cell, Cell[]][] = [];
    for (const g of sampleReport().groups) {
      sums.push(
        [g.stats.total, Object.values(g.stats.gender)],
        [g.stats.total, Object.values(g.stats.org)],
        [g.stats.total, g.meetings.map((m) => m.stats.total)],
      );
      for (const m of g.meetings)
        sums.push([m.stats.total, Object.values(m.stats.gender)], [m.stats.total, Object.values(m.stats.org)]);
    }
    for (const [total, parts] of sums)
      if (!total.suppressed) expect(parts.filter((c) => c.n > 0 && c.suppressed).length).not.toBe(1);
  });

  it("suppress(): primary below MIN_CELL, secondary the smallest shown sibling, and nothing for a hidden total", () => {
    const cell = (n: number): Cell => ({ n, suppressed: false, q1Mean: 3, q1Share: 0.5, q2Mean: 3, q2Share: 0.5 });
    const total = cell(20);
    const parts = [cell(2), cell(7), cell(11), cell(0)];
    suppress([total, ...parts], [{ total, parts }]);
    expect(parts.map((p) => p.suppressed)).toEqual([true, true, false, false]);
    expect(parts[0]).toEqual({ n: 2, suppressed: true });
    const small = cell(MIN_CELL - 1);
    const inner = [cell(MIN_CELL - 1)];
    suppress([small, ...inner], [{ total: small, parts: inner }]);
    expect(small.suppressed && inner[0].suppressed).toBe(true);
  });

  it("counts only held meetings for 2a, and only the asked year", () => {
    const g = group("sala", "Sala");
    const ms = [
      meeting("m-held-0001", "sala", "2026-02-01T08:00:00.000Z"),
      meeting("m-cancel-01", "sala", "2026-03-01T08:00:00.000Z", "cancelled"),
      meeting("m-nothld-01", "sala", "2026-04-01T08:00:00.000Z", "notHeld"),
      meeting("m-future-01", "sala", "2026-12-20T08:00:00.000Z"),
      meeting("m-lastyr-01", "sala", "2025-12-31T22:30:00.000Z"), // 2025-12-31 23:30 Stockholm
      meeting("m-newyr-001", "sala", "2025-12-31T23:30:00.000Z"), // 2026-01-01 00:30 Stockholm
    ];
    const r = buildReport({
      year: 2026,
      groups: [g],
      meetingsByGroup: new Map([["sala", ms]]),
      answers: [answer("m-lastyr-01", "sala", { year: "2025" })],
      invitations: [invitation("m-held-0001", "sala")],
      now: NOW,
    });
    expect(r.groups[0].meetingsHeld).toBe(2);
    expect(r.groups[0].answered).toBe(0);
    expect(r.groups[0].meetings.map((m) => m.meetingId)).toEqual(["m-newyr-001", "m-held-0001"]);
    expect(r.county).toBeUndefined();
  });
});

describe("report CSV", () => {
  const file = reportCsv(sampleReport());
  const rows: string[][] = parse(file.subarray(3), { delimiter: ";" });

  it("is UTF-8 with a byte-order mark, semicolon-separated, CRLF lines", () => {
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.toString("utf8")).toContain("\r\n");
    expect(file.toString("utf8")).toContain("Köping");
  });

  it("has the header and one row per figure set", () => {
    expect(rows[0]).toEqual([
      "Länsdel",
      "År",
      "Nivå",
      "Mötesdatum",
      "Indelning",
      "Kategori",
      "Inbjudna",
      "Svarande",
      "Svarsfrekvens (%)",
      "Antal svar",
      "Samverkan välfungerande, medelvärde (1–5)",
      "Samverkan välfungerande, andel 4–5 (%)",
      "Mötets innehåll relevant, medelvärde (1–5)",
      "Mötets innehåll relevant, andel 4–5 (%)",
      "Genomförda möten (2a)",
      "Mål, antal möten (2a)",
    ]);
    // 2 group-years + 3 meetings + county, 8 rows each (all, 4 genders, 3 org types)
    expect(rows).toHaveLength(1 + 6 * 8);
  });

  it("checks the cells of Köping's year, its women, a hidden cell and the county", () => {
    const find = (county: string, level: string, dim: string, cat: string, date = "") =>
      rows.find((r) => r[0] === county && r[2] === level && r[3] === date && r[4] === dim && r[5] === cat);
    // Köping: 6 answers, q1 all 5, q2 all 3, 8 invited
    expect(find("Köping", "År", "Alla", "Alla")).toEqual([
      "Köping",
      "2026",
      "År",
      "",
      "Alla",
      "Alla",
      "8",
      "6",
      "75",
      "6",
      "5,0",
      "100",
      "3,0",
      "0",
      "1",
      "4",
    ]);
    expect(find("Köping", "År", "Kön", "Kvinna")).toEqual([
      "Köping",
      "2026",
      "År",
      "",
      "Kön",
      "Kvinna",
      "",
      "",
      "",
      "6",
      "5,0",
      "100",
      "3,0",
      "0",
      "",
      "",
    ]);
    expect(find("Köping", "År", "Kön", "Man")).toEqual([
      "Köping",
      "2026",
      "År",
      "",
      "Kön",
      "Man",
      "",
      "",
      "",
      "0",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
    expect(find("Sala", "Möte", "Alla", "Alla", "2026-05-12")).toEqual([
      "Sala",
      "2026",
      "Möte",
      "2026-05-12",
      "Alla",
      "Alla",
      "10",
      "3",
      "30",
      "dolt",
      "dolt",
      "dolt",
      "dolt",
      "dolt",
      "",
      "",
    ]);
    expect(find("Västmanland, alla länsdelar", "År", "Alla", "Alla")?.slice(6, 10)).toEqual(["33", "21", "64", "21"]);
  });
});

describe("comments for Välfärd", () => {
  const sala = group("sala", "Sala");
  const koping = group("koping", "Köping");
  const fagersta = group("fagersta", "Fagersta");
  // Written in this order over time; Sala has 6 answers (5 with a comment), Köping 4, Fagersta none.
  const answers = [
    answer("sala-m1-0001", "sala", { comment: "Ökad tydlighet i dagordningen", gender: "kvinna", orgType: "region" }),
    answer("sala-m1-0001", "sala", { comment: "bra möte", gender: "man" }),
    answer("sala-m2-0001", "sala", { comment: '=HYPERLINK("http://x.invalid")' }),
    answer("sala-m2-0001", "sala"),
    answer("sala-m2-0001", "sala", { comment: "Äntligen SIP på agendan,\nmer sånt; tack" }),
    answer("sala-m2-0001", "sala", { comment: "Alla kom till tals" }),
    ...Array.from({ length: 4 }, () => answer("koping-m1-01", "koping", { comment: "Köpings hemliga kommentar" })),
    answer("sala-m9-0001", "sala", { year: "2025", comment: "Förra året" }),
  ];
  const sections = compileComments(2026, [sala, koping, fagersta], answers);

  it("shows a group's comments only with at least five answers in the year, in Swedish alphabetical order", () => {
    expect(sections).toEqual([
      {
        groupName: "Sala",
        year: 2026,
        status: "shown",
        comments: [
          '=HYPERLINK("http://x.invalid")',
          "Alla kom till tals",
          "bra möte",
          "Äntligen SIP på agendan,\nmer sånt; tack",
          "Ökad tydlighet i dagordningen",
        ],
      },
      { groupName: "Köping", year: 2026, status: "tooFewAnswers", comments: [] },
      { groupName: "Fagersta", year: 2026, status: "noAnswers", comments: [] },
    ]);
  });

  it("the file has the comment and its group and year only, cell by cell, with formulas neutralised", () => {
    const file = commentsCsv(sections);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(file.subarray(3), { delimiter: ";" });
    expect(rows).toEqual([
      ["Länsdel", "År", "Kommentar", "Anmärkning"],
      ["Sala", "2026", '\'=HYPERLINK("http://x.invalid")', ""],
      ["Sala", "2026", "Alla kom till tals", ""],
      ["Sala", "2026", "bra möte", ""],
      ["Sala", "2026", "Äntligen SIP på agendan,\nmer sånt; tack", ""],
      ["Sala", "2026", "Ökad tydlighet i dagordningen", ""],
      ["Köping", "2026", "", "Kommentarerna visas inte: färre än fem svar under året."],
      ["Fagersta", "2026", "", "Inga svar under året."],
    ]);
    const text = file.toString("utf8");
    for (const leak of ["sala-m1", "Kvinna", "kvinna", "Region", "region", "2026-03", "Köpings hemliga", "Förra året"])
      expect(text).not.toContain(leak);
  });

  it("neutralises every spreadsheet formula start and leaves other text alone", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula("Bra – men 1+1")).toBe("Bra – men 1+1");
  });

  it("a group with five answers but no comment says so", () => {
    const quiet = compileComments(
      2026,
      [sala],
      Array.from({ length: 5 }, () => answer("sala-m1-0001", "sala")),
    );
    expect(quiet).toEqual([{ groupName: "Sala", year: 2026, status: "shown", comments: [] }]);
    expect(parse(commentsCsv(quiet).subarray(3), { delimiter: ";" })[1]).toEqual([
      "Sala",
      "2026",
      "",
      "Inga kommentarer under året.",
    ]);
  });
});

describe("report download links", () => {
  const key = Buffer.alloc(32, 7);
  let now = new Date("2026-12-01T12:00:00.000Z");
  const links = new ReportLinks(key, 15 * 60_000, () => now);

  it("round-trips, and refuses expired, altered or foreign tokens", () => {
    const { token } = links.issue(2026, ["sala"]);
    expect(links.verify(token)).toMatchObject({ y: 2026, g: ["sala"] });
    const [body, sig] = token.split("~");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), g: ["sala", "vasteras"] }),
    ).toString("base64url");
    expect(links.verify(`${forged}~${sig}`)).toBeUndefined();
    expect(new ReportLinks(Buffer.alloc(32, 8), 60_000, () => now).verify(token)).toBeUndefined();
    expect(links.verify("nonsense")).toBeUndefined();
    now = new Date(now.getTime() + 15 * 60_000);
    expect(links.verify(token)).toBeUndefined();
  });

  it("carries what it downloads, and a report link cannot be turned into a comments link", () => {
    expect(links.verify(links.issue(2026, ["sala"]).token)?.k).toBe("report");
    const { token } = links.issue(2026, ["sala"], "comments");
    expect(links.verify(token)).toMatchObject({ k: "comments" });
    const report = links.issue(2026, ["sala"]).token;
    const [body, sig] = report.split("~");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), k: "comments" }),
    ).toString("base64url");
    expect(links.verify(`${forged}~${sig}`)).toBeUndefined();
  });
});

describe("report command", () => {
  it.each([
    ["rapport 2b", {}],
    ["Rapport 2B 2025", { year: "2025" }],
    ["rapport 2b 2025 Västerås", { year: "2025", part: "Västerås" }],
    ["rapport 2b Sala 2024", { year: "2024", part: "Sala" }],
    ["rapport 2b vus Köping.", { part: "vus Köping" }],
  ])("parses %s", (text, expected) => {
    expect(parseReportCommand(text)).toEqual({ year: undefined, part: undefined, ...expected });
  });
  it("ignores other text", () => {
    expect(parseReportCommand("rapport 2a")).toBeUndefined();
    expect(parseReportCommand("vad är indikator 2b?")).toBeUndefined();
  });
});

describe("evaluation cards", () => {
  const m = { id: "sala-m1-0001", groupId: "sala", start: "2026-03-10T08:00:00.000Z" };

  it("the form has the 1–5 scale with Swedish labels, Action.Execute with an Action.Submit fallback", () => {
    const card = evaluationFormCard({ group: { name: "Sala" }, meeting: m, closesAt: "2026-03-24T11:00:00.000Z" })
      .content as any;
    expect(cardProblems(card)).toEqual([]);
    const q1 = card.body.find((b: any) => b.id === "q1");
    expect(q1.choices.map((c: any) => c.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(q1.choices[0].title).toContain("Instämmer inte alls");
    expect(q1.choices[4].title).toContain("Instämmer helt");
    expect(card.body.find((b: any) => b.id === "comment").maxLength).toBe(1000);
    expect(card.body.find((b: any) => b.id === "gender").isRequired).toBeFalsy();
    const [action] = card.actions;
    expect(action).toMatchObject({
      type: "Action.Execute",
      verb: "evaluation.submit",
      data: { action: "evaluation.submit", ...{ groupId: "sala", meetingId: m.id } },
    });
    expect(action.fallback).toMatchObject({
      type: "Action.Submit",
      data: { action: "evaluation.submit", groupId: "sala", meetingId: m.id },
    });
  });

  it("each rating is labelled by its statement (required), with the scale explained once and no list markdown", () => {
    const card = evaluationFormCard({ group: { name: "Sala" }, meeting: m, closesAt: "2026-03-24T11:00:00.000Z" })
      .content as any;
    const q1 = card.body.find((b: any) => b.id === "q1");
    const q2 = card.body.find((b: any) => b.id === "q2");
    expect([q1.label, q2.label]).toEqual([evaluationsText.statements.q1, evaluationsText.statements.q2]);
    expect([q1.isRequired, q2.isRequired]).toEqual([true, true]);
    const json = JSON.stringify(card);
    expect(json.split(evaluationsText.card.scaleHint).length - 1).toBe(1);
    // "1. …" at the start of a TextBlock renders as an indented numbered list in Teams.
    const texts = card.body.filter((b: any) => b.type === "TextBlock").map((b: any) => b.text as string);
    expect(texts.filter((s: string) => /^\s*\d+[.)]\s/.test(s))).toEqual([]);
  });

  it("the thank-you card shows the answer and offers a change only while open", () => {
    const answer = { q1: 2, q2: 5, comment: "Bra", orgType: "region" as const, gender: "annan" as const };
    const open = JSON.stringify(
      thanksCard({
        group: { name: "Sala" },
        meeting: m,
        answer,
        closesAt: "2026-03-24T11:00:00.000Z",
        open: true,
        changed: false,
      }).content,
    );
    expect(open).toContain("2 – Instämmer i liten grad");
    expect(open).toContain("Utvärdering av mötet i VuS Sala tisdagen den 10 mars 2026.");
    expect(open).toContain("Annan könsidentitet");
    expect(open).toContain("Ändra svar");
    const closed = thanksCard({
      group: { name: "Sala" },
      meeting: m,
      answer,
      closesAt: "2026-03-24T11:00:00.000Z",
      open: false,
      changed: true,
    }).content as any;
    expect(cardProblems(closed)).toEqual([]);
    expect(closed.actions).toEqual([]);
  });

  it("the report card has 1.5 tables, hides small cells and links to the CSV", () => {
    const card = report2bCard(sampleReport(), {
      downloadUrl: "https://bot.example.se/api/reports/2b/t.s",
      linkMinutes: 15,
    }).content as any;
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('"type":"Table"');
    expect(json).toContain("VuS Köping");
    expect(json).toContain("5,0 (100 %)");
    expect(json).toContain("1 av 4");
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Ladda ner CSV", url: "https://bot.example.se/api/reports/2b/t.s" },
    ]);
    expect(json).not.toContain("Ladda ner kommentarer");
    expect(json).toContain("Genomförda möten (2a)");
  });

  it("the report card offers the comments file only when given its link (admins), with number agreement in the hints", () => {
    const card = report2bCard(sampleReport(), {
      downloadUrl: "https://bot.example.se/r",
      commentsUrl: "https://bot.example.se/c",
      linkMinutes: 1,
    }).content as any;
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions.map((a: any) => [a.title, a.url])).toEqual([
      ["Ladda ner CSV", "https://bot.example.se/r"],
      ["Ladda ner kommentarer", "https://bot.example.se/c"],
    ]);
    const json = JSON.stringify(card);
    expect(json).toContain("gäller i 1 minut.");
    expect(json).not.toContain("1 minuter");
    expect(json).toContain("utan möte, datum, kön eller organisation");
    expect(evaluationsText.report.downloadHint(15)).toBe("Länken till CSV-filen gäller i 15 minuter.");
  });

  it("the form tells how answers are kept (not 'anonyma') and that Välfärd reads comments in compiled form", () => {
    const json = JSON.stringify(
      evaluationFormCard({ group: { name: "Sala" }, meeting: m, closesAt: "2026-03-24T11:00:00.000Z" }).content,
    );
    expect(json).not.toMatch(/anonym/i);
    expect(json).toContain("Hur upplevde du mötet tisdagen den 10 mars 2026? Svara senast 24 mars 2026 kl. 12:00.");
    expect(json).toContain(
      "Svaren sparas utan namn eller användar-id och redovisas bara sammanställt för grupper med minst fem svar.",
    );
    expect(json).toContain("Kommentarer läses av Välfärd, Region Västmanland, i sammanställd form");
  });
});
