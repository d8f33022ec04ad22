// Scores the engine in process on one or more question sets (JSONL) with qa-eval.mjs's rules and
// prints the share per set and kind, plus every miss with what the engine did. For tuning by hand:
//   npx tsc -p . && node dist/scripts/qa-eval-sets.js data/eval/questions-11.jsonl [--verbose]
import { loadQuestions, loadSeedEntries, loadSources, runSet, summarise } from "./eval-harness";
import { QaEngine } from "../dialogs/qa/qa-engine";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const entries = loadSeedEntries();
const engine = new QaEngine(entries, loadSources(entries));
for (const path of args.filter((a) => !a.startsWith("--"))) {
  const qs = loadQuestions(path);
  if (!qs) {
    console.error(`no such set: ${path}`);
    process.exitCode = 1;
    continue;
  }
  const outcomes = runSet(engine, qs);
  const { share, byKind } = summarise(outcomes);
  const kinds = Object.entries(byKind)
    .map(([k, [p, n]]) => `${k} ${p}/${n}`)
    .join("  ");
  const passed = outcomes.filter((o) => o.pass).length;
  console.log(`${path}: ${passed}/${outcomes.length} = ${(share * 100).toFixed(1)}%   ${kinds}`);
  if (!verbose) continue;
  for (const o of outcomes.filter((x) => !x.pass)) {
    const r = o.result;
    const what =
      r.outcome === "decline"
        ? `decline:${r.reason}${r.passage ? ` quote(${r.passage.coverage.toFixed(2)} ${r.passage.passage.section})` : ""}`
        : `${r.outcome} ${r.entry.id}${r.also?.length ? ` +${r.also.map((e) => e.id).join(",")}` : ""}`;
    console.log(
      `  MISS ${o.q.id} [${o.q.kind}] ${what} (${r.confidence}) missing=${JSON.stringify(o.missing)}\n       ${o.q.q}`,
    );
  }
}
