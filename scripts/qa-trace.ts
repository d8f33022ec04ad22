// Prints what the engine makes of one question: facets, the ranked entries with coverage and
// score, the outcome. For tuning by hand: node dist/scripts/qa-trace.js "Vem betalar HVB?"
import { loadSeedEntries, loadSources } from "./eval-harness";
import { QaEngine } from "../dialogs/qa/qa-engine";

const entries = loadSeedEntries();
const engine = new QaEngine(entries, loadSources(entries));
for (const q of process.argv.slice(2)) {
  const t = engine.explain(q);
  const r = t.result;
  console.log(`\n${q}\n  scope=${t.scope.kind} facets=${t.situation.facets.map((f) => f.name).join(",")}`);
  console.log(`  groups=${t.query.groups.map((g) => g.word).join(" ")}`);
  for (const x of t.ranked)
    console.log(
      `  ${x.id.padEnd(42)} cov=${x.coverage.toFixed(3)} bm25=${x.bm25.toFixed(1)} score=${x.score.toFixed(4)}`,
    );
  const what =
    r.outcome === "decline"
      ? `decline:${r.reason} ${r.passage ? `quote ${r.passage.coverage.toFixed(2)} ${r.passage.passage.section}: ${r.passage.passage.text.slice(0, 100)}` : ""}`
      : `${r.outcome} ${r.entry.id} also=${(r.also ?? []).map((e) => e.id).join(",")}`;
  console.log(`  => ${what} conf=${r.confidence}`);
}
