// Support for test/qa-eval.test.ts, scripts/qa-calibrate.ts and bench/qa-bench.ts: loading the seed
// and the question sets, and scoring an answer the way /work/shared/eval/qa-eval.mjs does.
// Not used by the bot; the engine itself does no I/O.
import { REPO_ROOT } from "../core/repo-root";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { KbEntry } from "../data/kb/schema";
import { loadSeed } from "../data/kb/seed";
import { loadSourceTexts, type SourceText } from "../data/kb/source-texts";
import { resultText } from "../dialogs/qa/answer-text";
import type { QaEngine, QaResult } from "../dialogs/qa/qa-engine";

export const EvalQuestion = z.object({
  id: z.string(),
  q: z.string().min(1),
  kind: z.string(),
  must: z.array(z.array(z.string())),
  must_not: z.array(z.string()).default([]),
  source: z.string().optional(),
  note: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export const SEED_DIR = join(REPO_ROOT, "data", "kb", "seed");
export const OWN_SET = join(REPO_ROOT, "data", "eval", "questions.jsonl");
/** Second held-out set: Teams-style phrasing (no å/ä/ö, typos, keywords), weighted to the least-covered sections. */
export const OWN_SET_2 = join(REPO_ROOT, "data", "eval", "questions-2.jsonl");
/** Third held-out set: long everyday situations, keyword-style English and near-miss out-of-scope questions. */
export const OWN_SET_3 = join(REPO_ROOT, "data", "eval", "questions-3.jsonl");
/** Fourth held-out set: long situations on the topics the third leaves out, and out-of-scope situations. */
export const OWN_SET_4 = join(REPO_ROOT, "data", "eval", "questions-4.jsonl");
/** Fifth own set: 120 questions in dev.jsonl's mix of kinds, held out when first run. */
export const OWN_SET_5 = join(REPO_ROOT, "data", "eval", "questions-5.jsonl");
/** Sixth own set: 100 questions in dev.jsonl's mix of kinds with lay vocabulary, held out when first run. */
export const OWN_SET_6 = join(REPO_ROOT, "data", "eval", "questions-6.jsonl");
export const OWN_SET_7 = join(REPO_ROOT, "data", "eval", "questions-7.jsonl");
export const OWN_SET_8 = join(REPO_ROOT, "data", "eval", "questions-8.jsonl");
export const OWN_SET_9 = join(REPO_ROOT, "data", "eval", "questions-9.jsonl");
export const OWN_SET_10 = join(REPO_ROOT, "data", "eval", "questions-10.jsonl");
/** Situation stories from professions the other sets leave out, colloquial, typos, English, off-topic near misses. */
export const OWN_SET_11 = join(REPO_ROOT, "data", "eval", "questions-11.jsonl");
export const OWN_SET_12 = join(REPO_ROOT, "data", "eval", "questions-12.jsonl");
/** Small check of the same kind: stories, colloquial, typos, English, off-topic. */
export const OWN_SET_13 = join(REPO_ROOT, "data", "eval", "questions-13.jsonl");
export const OWN_SET_14 = join(REPO_ROOT, "data", "eval", "questions-14.jsonl");
/** Teams-style stories (colloquial, lower case, some English) from first-line staff, relatives and managers. */
export const OWN_SET_15 = join(REPO_ROOT, "data", "eval", "questions-15.jsonl");
/** The public dev set lives next to the repository; absent in some checkouts. */
export const DEV_SET = join(REPO_ROOT, "..", "shared", "eval", "dev.jsonl");

export function loadSeedEntries(dir = SEED_DIR): KbEntry[] {
  return loadSeed(dir).entries;
}

/** The source documents with the sections the entries cite, for the engine's passage fallback. */
export function loadSources(entries: readonly KbEntry[]): SourceText[] {
  return loadSourceTexts(entries.flatMap((e) => [e.source, ...e.alsoSources]));
}

/** The questions of a JSONL set, or null when the file does not exist. Bad lines are skipped. */
export function loadQuestions(path: string): EvalQuestion[] | null {
  if (!existsSync(path)) return null;
  const out: EvalQuestion[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const q = EvalQuestion.safeParse(JSON.parse(line));
      if (q.success) out.push(q.data);
    } catch {
      // a half-written line while another helper appends to the file
    }
  }
  return out;
}

const MAX_CHARS = 1500;
const foldWs = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

/** What the user would read first for a result. */
export function replyText(r: QaResult): string {
  return resultText(r);
}

/** Same rule as qa-eval.mjs: every must-group has a hit, no must_not, the question's own text removed. */
export function scoreReply(q: EvalQuestion, text: string): { pass: boolean; missing: string[][] } {
  const t = foldWs(text.slice(0, MAX_CHARS)).replaceAll(foldWs(q.q), " ");
  const missing = q.must.filter((group) => !group.some((s) => t.includes(foldWs(s))));
  const wrong = q.must_not.filter((s) => t.includes(foldWs(s)));
  return { pass: text.length > 0 && missing.length === 0 && wrong.length === 0, missing };
}

export interface EvalOutcome {
  q: EvalQuestion;
  result: QaResult;
  pass: boolean;
  missing: string[][];
}

export function runSet(engine: QaEngine, questions: EvalQuestion[]): EvalOutcome[] {
  return questions.map((q) => {
    const result = engine.ask(q.q);
    const { pass, missing } = scoreReply(q, replyText(result));
    return { q, result, pass, missing };
  });
}

/** "kind passed/total" per kind plus the overall share. */
export function summarise(outcomes: EvalOutcome[]): { share: number; byKind: Record<string, [number, number]> } {
  const byKind: Record<string, [number, number]> = {};
  for (const o of outcomes) {
    byKind[o.q.kind] ??= [0, 0];
    byKind[o.q.kind][1]++;
    if (o.pass) byKind[o.q.kind][0]++;
  }
  const passed = outcomes.filter((o) => o.pass).length;
  return { share: outcomes.length ? passed / outcomes.length : 1, byKind };
}
