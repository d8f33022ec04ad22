// Runs the question sets through the engine in process and scores the first reply the way
// /work/shared/eval/qa-eval.mjs scores the running bot.
import {
  DEV_SET,
  OWN_SET,
  OWN_SET_2,
  OWN_SET_3,
  OWN_SET_4,
  OWN_SET_5,
  OWN_SET_6,
  OWN_SET_7,
  OWN_SET_8,
  OWN_SET_9,
  OWN_SET_10,
  OWN_SET_11,
  OWN_SET_12,
  OWN_SET_13,
  OWN_SET_14,
  OWN_SET_15,
  loadQuestions,
  loadSources,
  replyText,
  loadSeedEntries,
  runSet,
  summarise,
  type EvalOutcome,
} from "../scripts/eval-harness";
import { QaEngine } from "../dialogs/qa/qa-engine";

// Floors a few points under what the engine reaches, so a regression fails but a new question does not.
const FLOORS = {
  dev: 0.95,
  own: 0.96,
  own2: 0.97,
  own3: 0.96,
  own4: 0.94,
  own5: 0.96,
  own6: 0.91,
  own7: 0.93,
  own8: 0.9,
  own9: 0.94,
  own10: 0.94,
  own11: 0.82,
  own12: 0.87,
  own13: 0.79,
  own14: 0.82,
  own15: 0.65,
} as const;

const seedEntries = loadSeedEntries();
const engine = new QaEngine(seedEntries, loadSources(seedEntries));

function report(name: string, outcomes: EvalOutcome[]): number {
  const { share, byKind } = summarise(outcomes);
  const kinds = Object.entries(byKind)
    .map(([k, [p, n]]) => `${k} ${p}/${n}`)
    .join("  ");
  const misses = outcomes
    .filter((o) => !o.pass)
    .map(
      (o) =>
        `  MISS ${o.q.id} [${o.q.kind}] ${o.result.outcome}${o.result.outcome === "decline" ? `:${o.result.reason}` : ` ${o.result.entry.id}`} (${o.result.confidence}) ${o.q.q}`,
    );
  console.log([`${name}: ${(share * 100).toFixed(1)}% of ${outcomes.length}`, `  ${kinds}`, ...misses].join("\n"));
  return share;
}

describe("question answering on the eval sets", () => {
  // The public dev set lives outside the repository (../shared/eval) and may be absent in a clone.
  const dev = loadQuestions(DEV_SET);
  (dev ? it : it.skip)(`public dev set ≥ ${FLOORS.dev * 100}%`, () => {
    expect(report("dev", runSet(engine, dev!))).toBeGreaterThanOrEqual(FLOORS.dev);
  });

  // The own sets live in the repository: a missing or emptied file is a failure, not a skip.
  it(`own question set ≥ ${FLOORS.own * 100}%`, () => {
    const own = loadQuestions(OWN_SET);
    expect(own?.length ?? 0).toBeGreaterThan(0);
    expect(report("own", runSet(engine, own!))).toBeGreaterThanOrEqual(FLOORS.own);
  });

  it(`second own set (Teams-style) ≥ ${FLOORS.own2 * 100}%`, () => {
    const own2 = loadQuestions(OWN_SET_2);
    expect(own2?.length ?? 0).toBeGreaterThan(0);
    expect(report("own2", runSet(engine, own2!))).toBeGreaterThanOrEqual(FLOORS.own2);
  });

  const own3 = loadQuestions(OWN_SET_3);
  (own3 ? it : it.skip)(`third own set (situations, English keywords, near misses) ≥ ${FLOORS.own3 * 100}%`, () => {
    expect(report("own3", runSet(engine, own3!))).toBeGreaterThanOrEqual(FLOORS.own3);
  });

  const own4 = loadQuestions(OWN_SET_4);
  (own4 ? it : it.skip)(`fourth own set (long situations, out-of-scope situations) ≥ ${FLOORS.own4 * 100}%`, () => {
    expect(report("own4", runSet(engine, own4!))).toBeGreaterThanOrEqual(FLOORS.own4);
  });

  it(`fifth own set (dev.jsonl's mix of kinds, new wording) ≥ ${FLOORS.own5 * 100}%`, () => {
    const own5 = loadQuestions(OWN_SET_5);
    expect(own5?.length ?? 0).toBeGreaterThan(0);
    expect(report("own5", runSet(engine, own5!))).toBeGreaterThanOrEqual(FLOORS.own5);
  });

  it(`sixth own set (lay vocabulary, lists, follow-ups, non-native English) ≥ ${FLOORS.own6 * 100}%`, () => {
    const own6 = loadQuestions(OWN_SET_6);
    expect(own6?.length ?? 0).toBeGreaterThan(0);
    expect(report("own6", runSet(engine, own6!))).toBeGreaterThanOrEqual(FLOORS.own6);
  });

  it(`seventh own set (staff in a hurry: laws, who does what, decision documents) ≥ ${FLOORS.own7 * 100}%`, () => {
    const own7 = loadQuestions(OWN_SET_7);
    expect(own7?.length ?? 0).toBeGreaterThan(0);
    expect(report("own7", runSet(engine, own7!))).toBeGreaterThanOrEqual(FLOORS.own7);
  });

  it(`eighth own set (dev.jsonl's kind mix, sections the others ask least about) ≥ ${FLOORS.own8 * 100}%`, () => {
    const own8 = loadQuestions(OWN_SET_8);
    expect(own8?.length ?? 0).toBeGreaterThan(0);
    expect(report("own8", runSet(engine, own8!))).toBeGreaterThanOrEqual(FLOORS.own8);
  });

  it(`ninth own set (details the other sets ask little about) ≥ ${FLOORS.own9 * 100}%`, () => {
    const own9 = loadQuestions(OWN_SET_9);
    expect(own9?.length ?? 0).toBeGreaterThan(0);
    expect(report("own9", runSet(engine, own9!))).toBeGreaterThanOrEqual(FLOORS.own9);
  });

  it(`first-line staff and managers set ≥ ${FLOORS.own10 * 100}%`, () => {
    const own10 = loadQuestions(OWN_SET_10);
    expect(own10?.length ?? 0).toBeGreaterThan(0);
    expect(report("own10", runSet(engine, own10!))).toBeGreaterThanOrEqual(FLOORS.own10);
  });

  it.each([
    ["eleventh own set (stories from new professions, colloquial, off-topic near misses)", OWN_SET_11, FLOORS.own11],
    ["twelfth own set (stories from other professions)", OWN_SET_12, FLOORS.own12],
    ["thirteenth own set (small story check)", OWN_SET_13, FLOORS.own13],
    ["fourteenth own set (stories on discharge, placements, violence, governance)", OWN_SET_14, FLOORS.own14],
    ["fifteenth own set (Teams-style stories from first-line staff, relatives, managers)", OWN_SET_15, FLOORS.own15],
  ])("%s ≥ floor", (name, path, floor) => {
    const set = loadQuestions(path);
    expect(set?.length ?? 0).toBeGreaterThan(0);
    expect(report(name, runSet(engine, set!))).toBeGreaterThanOrEqual(floor);
  });
});

describe("known weak spots on the real base", () => {
  it.each([
    // An exact phrasing of a topic beats a term entry that only repeats the word ("BIV – Beroende i Västmanland").
    ["Vad är beroende?", "topic-beroende"],
    ["Vad är en VuS-samordnare?", "topic-vus-samordnare"],
    ["Vem äger överenskommelsen?", "actor-valfard"],
    ["Who owns the agreement?", "actor-valfard"],
    // Entries sharing a phrasing keep their order: the term entry still answers its abbreviation.
    ["Vad betyder VuS?", "term-vus"],
    ["Vad är SIP?", "term-sip"],
    // A misspelt question still matches a phrasing word for word (the typo is corrected first).
    ["vad menas med samsjuklihet", "topic-samsjuklighet"],
    // "fördelaktigt" is no compound of före + delaktigt, so BUS does not answer questions on participation.
    ["barns delaktighet", "topic-barnets-rattigheter"],
    // English typed as bare keywords is still English, so the glossary applies.
    ["violence screening questions", "topic-tidig-upptackt"],
    ["gambling treatment responsibility", "topic-spel-om-pengar"],
    // The SIP duty of the youth clinic, not the jointly funded services that merely name it.
    ["ungdomsmottagningen sip", "topic-sip-halso-och-sjukvard"],
    // "lön" is what the question is about, not a typo of a stop word.
    ["Vilken lön har en VuS-samordnare?", "decline:out-of-scope"],
    // Choosing a medicine is clinical advice, even when the base speaks of medicines withheld from the elderly.
    ["Vilket läkemedel ska vi välja till en äldre patient med oro?", "decline:out-of-scope"],
    // Bed numbers of a clinic are operational figures, not the agreement.
    ["Hur många vårdplatser finns på vuxenpsykiatrin i Köping?", "decline:out-of-scope"],
    // The name of a clinic's chief is a contact detail; an employer's drug test is labour law.
    ["Vad heter chefsöverläkaren på psykiatriska kliniken i Köping?", "decline:out-of-scope"],
    ["Får jag som arbetsgivare kräva drogtest av en anställd?", "decline:out-of-scope"],
    // Lay words for the agreement's own: outsourcing is "avtal med annan aktör", "hamnar på" is the
    // place assigned, "skrivit under" is "undertecknande parter", English "fixed contact" is "fast vårdkontakt".
    [
      "Gäller överenskommelsen när kommunen har lagt ut boendestödet på ett privat företag?",
      "topic-avtal-med-annan-aktor",
    ],
    ["Kan vi på friskolan kalla till SIP fast vi inte skrivit under överenskommelsen?", "topic-sip-fristaende-skolor"],
    ["What does the agreement say about a fixed care contact?", "term-fast-vardkontakt"],
  ])("%s → %s", (q, id) => {
    const r = engine.ask(q);
    expect(r.outcome === "decline" ? `decline:${r.reason}` : r.entry.id).toBe(id);
  });
});

describe("long situations", () => {
  it("takes a place after 'i' for a place, not a client's name", () => {
    const r = engine.ask(
      "En klient från Sala har fått plats på ett LVM-hem i Småland och behöver en psykiatrisk bedömning där. Vem står för kostnaden?",
    );
    expect(r.outcome).not.toBe("decline");
  });

  it("takes neither a language nor a place after 'in' in an English story for a name", () => {
    const r = engine.ask(
      "Hi, I'm a nurse on a ward in Köping, English is easier for me. A patient with psychosis goes home next week. Who plans the support?",
    );
    expect(r.outcome === "decline" && r.reason).not.toBe("individual");
  });

  it("still declines a named client in a long situation", () => {
    const r = engine.ask(
      "Vi har en klient, Lina Berglund, som ska flytta till ett HVB i Småland. Kan du kolla vilka insatser hon har hos psykiatrin?",
    );
    expect(r.outcome === "decline" && r.reason).toBe("individual");
  });

  it("reads 'hamnar på' as the place assigned, not as falling between services", () => {
    const r = engine.ask("Vem bestämmer vilket LVM-hem vår klient hamnar på?");
    // Before "hamnar på" searched "anvisa plats" this was declined; now the best entry names SiS.
    expect(r.outcome).not.toBe("decline");
    expect(replyText(r)).toContain("Statens institutionsstyrelse");
  });

  it("lets the asking clause decide over the story told before it", () => {
    // The story is about a school pupil; the question is about who convenes a SIP.
    const r = engine.ask(
      "Vi träffar en elev på gymnasiet som har hög frånvaro och mår dåligt hemma. Vem ansvarar för att kalla till SIP?",
    );
    expect(r.outcome === "decline" ? "decline" : r.entry.id).toMatch(/sip/);
  });
});
