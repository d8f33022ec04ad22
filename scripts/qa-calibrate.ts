// Justifies the confidence thresholds of dialogs/qa/qa-engine.ts on data: for the eval sets, how
// many questions would pass, how many in-scope questions would be declined and how many
// out-of-scope ones answered, over a grid of thresholds.
//
//   npx tsc -p . && node dist/scripts/qa-calibrate.js [--verbose]
import { answerText, declineText } from "../cards/answer-text";
import { DEV_SET, OWN_SET, loadQuestions, loadSeedEntries, scoreReply, type EvalQuestion } from "./eval-harness";
import { ANSWER_THRESHOLD, QaEngine, SUGGEST_THRESHOLD, type QaTrace } from "../dialogs/qa/qa-engine";

interface Row {
  q: EvalQuestion;
  trace: QaTrace;
  outOfScope: boolean;
  /** Whether the reply passes when the engine answers with its best entry. */
  passIfAnswered: boolean;
  /** Whether the reply passes when the engine declines (for the confidence reason). */
  passIfDeclined: boolean;
  /** Declined before any threshold applies (individual, other region, not a question). */
  hardDecline: boolean;
}

const pct = (n: number, d: number) => (d === 0 ? "   -  " : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function rows(engine: QaEngine, questions: EvalQuestion[]): Row[] {
  return questions.map((q) => {
    const trace = engine.explain(q.q);
    const top = trace.ranked[0];
    const entry = top ? engine.entry(top.id) : undefined;
    const hardDecline = trace.parts === null && trace.result.outcome === "decline" && trace.ranked.length > 0;
    const declineReason = trace.result.outcome === "decline" ? trace.result.reason : "no-match";
    return {
      q,
      trace,
      outOfScope: q.kind === "out_of_scope",
      passIfAnswered: !hardDecline && entry !== undefined && scoreReply(q, answerText(entry)).pass,
      passIfDeclined: scoreReply(q, declineText(declineReason)).pass,
      hardDecline,
    };
  });
}

/** Outcome of a row when declines happen below `t`. */
function passesAt(r: Row, t: number): { pass: boolean; declined: boolean } {
  const conf = r.trace.result.confidence;
  const declined = r.hardDecline || r.trace.parts === null || conf < t;
  return { pass: declined ? r.passIfDeclined : r.passIfAnswered, declined };
}

function declineGrid(name: string, rs: Row[]): void {
  const inScope = rs.filter((r) => !r.outOfScope);
  const outScope = rs.filter((r) => r.outOfScope);
  console.log(`\n${name}: ${rs.length} questions (${inScope.length} in scope, ${outScope.length} out of scope)`);
  console.log("  suggest≥   pass   in-scope declined   out-of-scope answered   in-scope pass");
  for (let t = 0.1; t <= 0.601; t += 0.025) {
    const all = rs.map((r) => passesAt(r, t));
    const ins = inScope.map((r) => passesAt(r, t));
    const outs = outScope.map((r) => passesAt(r, t));
    const mark = Math.abs(t - SUGGEST_THRESHOLD) < 1e-9 ? "  ← SUGGEST_THRESHOLD" : "";
    console.log(
      `  ${t.toFixed(3)}   ${pct(all.filter((x) => x.pass).length, rs.length)}   ${pct(ins.filter((x) => x.declined).length, ins.length)}            ${pct(outs.filter((x) => !x.declined).length, outs.length)}                ${pct(ins.filter((x) => x.pass).length, ins.length)}${mark}`,
    );
  }
}

function answerGrid(name: string, rs: Row[]): void {
  // Among questions the engine does not decline: how often is the best entry right, above and
  // below a candidate ANSWER threshold? Below it, "Menade du…?" alternatives are offered.
  const kept = rs.filter(
    (r) => !r.outOfScope && !r.hardDecline && r.trace.parts !== null && r.trace.result.confidence >= SUGGEST_THRESHOLD,
  );
  console.log(
    `\n${name}: precision of the best entry above / below the answer threshold (${kept.length} answered in-scope questions)`,
  );
  console.log("  answer≥   above: n  right    grey zone: n  right");
  for (let t = SUGGEST_THRESHOLD; t <= 0.851; t += 0.05) {
    const above = kept.filter((r) => r.trace.result.confidence >= t);
    const below = kept.filter((r) => r.trace.result.confidence < t);
    const mark = Math.abs(t - ANSWER_THRESHOLD) < 1e-9 ? "  ← ANSWER_THRESHOLD" : "";
    console.log(
      `  ${t.toFixed(2)}      ${String(above.length).padStart(4)} ${pct(above.filter((r) => r.passIfAnswered).length, above.length)}       ${String(below.length).padStart(4)} ${pct(below.filter((r) => r.passIfAnswered).length, below.length)}${mark}`,
    );
  }
}

function main(): void {
  const engine = new QaEngine(loadSeedEntries());
  console.log(
    `knowledge base: ${engine.size} entries; thresholds now: answer ≥ ${ANSWER_THRESHOLD}, suggest ≥ ${SUGGEST_THRESHOLD}`,
  );
  const sets: [string, EvalQuestion[] | null][] = [
    ["dev", loadQuestions(DEV_SET)],
    ["own", loadQuestions(OWN_SET)],
  ];
  const all: Row[] = [];
  for (const [name, qs] of sets) {
    if (!qs) {
      console.log(`\n${name}: absent`);
      continue;
    }
    const rs = rows(engine, qs);
    all.push(...rs);
    declineGrid(name, rs);
  }
  declineGrid("both", all);
  answerGrid("both", all);
  if (process.argv.includes("--verbose")) {
    console.log("\nconfidence of every question (sorted):");
    for (const r of [...all].sort((a, b) => a.trace.result.confidence - b.trace.result.confidence)) {
      const p = r.trace.parts;
      console.log(
        `  ${r.trace.result.confidence.toFixed(3)} ${r.outOfScope ? "OUT" : "in "} ${r.passIfAnswered ? "right" : "wrong"} cov=${p?.coverage.toFixed(2) ?? "-"} margin=${p?.margin.toFixed(2) ?? "-"} ${r.q.id} ${r.q.q.slice(0, 80)}`,
      );
    }
  }
}

main();
