import type { KbEntry } from "../data/kb/schema";
import * as qaText from "../core/strings/qa";
import { entryFacts, type EntryFact } from "./entry-facts";

/** Lower case without accents ("Träffas" → "traffas"), so patterns match however a word is typed. */
const fold = (text: string) => text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

// How an answer is laid out for a phone: one or two sentences that answer the question as asked
// (who convenes, how often, who pays, or else the answer's opening), then the details behind
// "Visa mer" with nothing said twice: the rest of the answer, then only those "Vem gör vad" rows and
// facts that add something the answer text does not already say.

/** What a question asks for, when it asks for one particular thing. */
export type AnswerIntent = "frequency" | "convenor" | "cost";

const INTENTS: { intent: AnswerIntent; question: RegExp; sentence: [RegExp, number][] }[] = [
  {
    intent: "cost",
    question: /\b(betala\w*|kostnad\w*|kostar|star for|who pays|pays?|cost\w*|financ\w*)\b/,
    sentence: [
      [/kostnadsansvar|betala|star for kostnad/, 3],
      [/kostnad/, 2],
    ],
  },
  {
    intent: "convenor",
    question: /\b(kalla\w*|sammankall\w*|leder|leda|ordforande|bjuder in|convene\w*|convening|chairs?|leads?)\b/,
    sentence: [
      [/sammankall|kallar|kalla till/, 3],
      [/bjud\w* in|ordforande/, 2],
      [/\bled(a|er)\b/, 1],
    ],
  },
  {
    intent: "frequency",
    question: /\b(hur ofta|hur manga ganger|how often|how many times|traffas|mots|sammantrad\w*)\b/,
    sentence: [
      [/ganger (per|om|i) (ar|manad|termin)|per ar\b|arligen|varje (ar|manad|vecka|termin)/, 3],
      [/\bminst \d|\bganger\b/, 2],
    ],
  },
];

export function intentOf(question: string): AnswerIntent | undefined {
  const q = fold(question);
  return INTENTS.find((i) => i.question.test(q))?.intent;
}

/** Sentences of an answer; a full stop before a capital letter or digit ends one ("t.ex. en" does not). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((p) => p.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9(])/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Content words, folded, for telling whether a fact repeats the answer. */
function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);
}

/** True when most of the fact's words are already in the text (stems: the first 6 letters). */
export function saidIn(text: string, fact: string): boolean {
  const stem = (w: string) => w.slice(0, 6);
  const have = new Set(words(text).map(stem));
  const ws = words(fact);
  if (ws.length === 0) return true;
  return ws.filter((w) => have.has(stem(w))).length / ws.length >= 0.75;
}

export interface AnswerLayout {
  /** One or two sentences answering the question as asked. */
  lead: string;
  /** The rest of the answer, paragraph by paragraph. */
  more: string[];
  /** "Vem gör vad" rows that add to the text. */
  whoDoesWhat: { actor: string; duty: string }[];
  /** Structured facts that add to the text (a list's label kept on its first remaining row). */
  facts: EntryFact[];
}

const LEAD_MAX = 260;

function pickLead(entry: KbEntry, all: string[], intent: AnswerIntent | undefined): { lead: string[]; fact?: string } {
  const rule = INTENTS.find((i) => i.intent === intent);
  if (rule) {
    const scored = all
      .map((s, i) => ({
        i,
        // A parenthetical aside ("(I de tidigare överenskommelserna …)") is history, not the answer.
        score: s.startsWith("(") ? 0 : Math.max(0, ...rule.sentence.map(([re, w]) => (re.test(fold(s)) ? w : 0))),
      }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i);
    if (scored.length) return { lead: [all[scored[0].i]] };
    const fact = intentFact(entry, intent!);
    if (fact) return { lead: [], fact };
  }
  const lead = [all[0] ?? entry.answer];
  if (all[1] && lead[0].length < 110 && lead[0].length + all[1].length < LEAD_MAX) lead.push(all[1]);
  return { lead };
}

/** The structured field that answers the intent when no sentence of the answer does. */
function intentFact(entry: KbEntry, intent: AnswerIntent): string | undefined {
  const f = qaText.facts;
  if (intent === "frequency" && entry.kind === "forum" && entry.frequency) return `${f.frequency}: ${entry.frequency}`;
  if (intent === "convenor" && entry.kind === "forum" && entry.convenor) return `${f.convenor}: ${entry.convenor}`;
  if (intent === "cost") {
    const rows = entry.responsibilities.filter((r) => r.cost);
    if (rows.length) return rows.map((r) => `${r.actor}: ${r.duty}`).join(" ");
  }
  return undefined;
}

/** Cost rows say "Kostnadsansvar för …" themselves; a marker is added only where they do not. */
function dutyText(r: { duty: string; cost?: boolean }): string {
  return r.cost && !/kostnad|betal/i.test(r.duty) ? `${r.duty} ${qaText.costMark}` : r.duty;
}

export function layoutAnswer(entry: KbEntry, question: string): AnswerLayout {
  const all = sentences(entry.answer);
  const { lead, fact } = pickLead(entry, all, intentOf(question));
  const rest = all.filter((s) => !lead.includes(s));
  const leadText = fact ? fact : lead.join(" ");
  let said = `${entry.title} ${entry.answer} ${leadText}`;

  const whoDoesWhat: AnswerLayout["whoDoesWhat"] = [];
  for (const r of entry.responsibilities) {
    const duty = dutyText(r);
    if (saidIn(said, `${r.actor} ${duty}`)) continue;
    whoDoesWhat.push({ actor: r.actor, duty });
    said += ` ${r.actor} ${duty}`;
  }
  const facts: EntryFact[] = [];
  let label = "";
  for (const f of entryFacts(entry)) {
    if (f.title) label = f.title;
    if (saidIn(said, f.value)) continue;
    // A list whose first rows were already said keeps its label on the first row shown.
    facts.push({ title: f.title || (facts.some((x) => x.title === label) ? "" : label), value: f.value });
    said += ` ${f.value}`;
  }
  return { lead: leadText, more: groupParagraphs(entry.answer, rest), whoDoesWhat, facts };
}

/** The remaining sentences, kept in the answer's own paragraphs. */
function groupParagraphs(answer: string, rest: string[]): string[] {
  const left = new Set(rest);
  return answer
    .split(/\n+/)
    .map((p) =>
      sentences(p)
        .filter((s) => left.has(s))
        .join(" "),
    )
    .filter(Boolean);
}
