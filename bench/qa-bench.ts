// Latency and build time of the QA engine, in process, over the real knowledge base and over the
// base scaled ×10 and ×100 with generated entries. Also shows how the decisions drift as the base
// grows, since the confidence is meant not to depend on the base's size.
//
//   npx tsc -p . && node dist/bench/qa-bench.js
import type { KbEntry } from "../data/kb/schema";
import { DEV_SET, OWN_SET, loadQuestions, loadSeedEntries } from "../scripts/eval-harness";
import { QaEngine } from "../dialogs/qa/qa-engine";

/** Small deterministic PRNG (mulberry32) so every run benchmarks the same base. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Synthetic but realistic entries: sentences and phrasings of real entries recombined, with some
 * words swapped for words of other entries, so the vocabulary and its spread stay Swedish and of
 * this domain while no entry duplicates a real one.
 */
function synthesise(real: KbEntry[], count: number, seed: number): KbEntry[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const sentences = real.flatMap((e) => e.answer.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 20);
  const phrasings = real.flatMap((e) => e.phrasings);
  const titles = real.map((e) => e.title);
  const vocab = [...new Set(real.flatMap((e) => `${e.title} ${e.answer}`.split(/\s+/)).filter((w) => w.length > 3))];
  const remix = (text: string) =>
    text
      .split(/\s+/)
      .map((w) => (rnd() < 0.25 ? pick(vocab) : w))
      .join(" ");
  const out: KbEntry[] = [];
  for (let i = 0; i < count; i++) {
    const template = pick(real);
    const answer = Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => remix(pick(sentences)))
      .join(" ")
      .slice(0, 1400);
    out.push({
      ...template,
      id: `syn-${seed}-${i}`,
      title: remix(pick(titles)).slice(0, 120),
      answer,
      phrasings: Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => remix(pick(phrasings)).slice(0, 200)),
      related: [],
      retired: false,
    } as KbEntry);
  }
  return out;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

function main(): void {
  const real = loadSeedEntries();
  const questions = [...(loadQuestions(DEV_SET) ?? []), ...(loadQuestions(OWN_SET) ?? [])].map((q) => q.q);
  if (questions.length === 0) throw new Error("no eval questions found");
  console.log(`${real.length} real entries, ${questions.length} questions, Node ${process.version}\n`);
  console.log("base      entries   build ms   p50 ms   p99 ms   max ms   answer  suggest  decline  same top as ×1");

  let baseline: string[] = [];
  for (const scale of [1, 10, 100]) {
    const entries = scale === 1 ? real : [...real, ...synthesise(real, real.length * (scale - 1), scale)];
    const t0 = process.hrtime.bigint();
    const engine = new QaEngine(entries);
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;

    for (const q of questions.slice(0, 20)) engine.ask(q); // warm up the JIT and caches
    const times: number[] = [];
    const outcomes = { answer: 0, suggest: 0, decline: 0 };
    const tops: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of questions) {
        const t = process.hrtime.bigint();
        const r = engine.ask(q);
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (round === 0) {
          outcomes[r.outcome]++;
          tops.push(r.outcome === "decline" ? `decline:${r.reason}` : r.entry.id);
        }
      }
    }
    if (scale === 1) baseline = tops;
    const same = tops.filter((t, i) => t === baseline[i]).length;
    const share = (n: number) => `${((100 * n) / questions.length).toFixed(1)}%`.padStart(7);
    console.log(
      `×${String(scale).padEnd(6)} ${String(engine.size).padStart(8)} ${buildMs.toFixed(0).padStart(10)} ${percentile(times, 0.5).toFixed(2).padStart(8)} ${percentile(times, 0.99).toFixed(2).padStart(8)} ${Math.max(
        ...times,
      )
        .toFixed(2)
        .padStart(
          8,
        )}  ${share(outcomes.answer)}  ${share(outcomes.suggest)}  ${share(outcomes.decline)}  ${share(same)}`,
    );
  }
}

main();
