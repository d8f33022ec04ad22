import { answerText, declineText } from "../cards/answer-text";
import { QaEngine, type QaResult } from "../dialogs/qa/qa-engine";
import { entry, fixtureEntries } from "./qa-fixtures";

const engine = new QaEngine(fixtureEntries);
const top = (r: QaResult) => (r.outcome === "decline" ? `decline:${r.reason}` : r.entry.id);

describe("QaEngine on a small base", () => {
  it("does not count retired entries", () => {
    expect(engine.size).toBe(fixtureEntries.length - 1);
  });

  it("answers a plain Swedish question", () => {
    const r = engine.ask("Vem har kostnadsansvaret när socialtjänsten placerar någon på HVB?");
    expect(r.outcome).toBe("answer");
    expect(top(r)).toBe("resp-hvb-kostnadsansvar");
  });

  it("answers an English question through the glossary", () => {
    expect(top(engine.ask("Who pays for HVB placement?"))).toBe("resp-hvb-kostnadsansvar");
  });

  it("finds folded and misspelt words", () => {
    expect(top(engine.ask("ar socialtjansten skyldig att stodja anhoriga"))).toBe("topic-anhoriga");
    expect(top(engine.ask("stöd till anhörgia"))).toBe("topic-anhoriga");
  });

  it("finds an entry through a compound's parts", () => {
    expect(top(engine.ask("finns det någon samverkansrutin?"))).toBe("topic-samverkansrutiner");
    expect(top(engine.ask("hälsoundersökning psykisk funktionsnedsättning"))).toBe("topic-halsoundersokning");
  });

  it("finds an entry by the written-out form of an abbreviation", () => {
    expect(top(engine.ask("vad är samordnad individuell plan"))).toBe("term-sip");
  });

  it("never returns retired entries", () => {
    const r = engine.ask("gammal rutin för kostnadsansvar");
    const ids =
      r.outcome === "decline" ? r.alternatives.map((e) => e.id) : [r.entry.id, ...r.alternatives.map((e) => e.id)];
    expect(ids).not.toContain("topic-gammal-rutin");
  });

  it("declines questions outside the agreement", () => {
    expect(engine.ask("Hur lång uppsägningstid har en tillsvidareanställd undersköterska?").outcome).toBe("decline");
    expect(engine.ask("Vad blir vädret i Västerås i morgon?").outcome).toBe("decline");
    expect(engine.ask("").outcome).toBe("decline");
  });

  it("declines another region's agreement as out of scope", () => {
    expect(top(engine.ask("Vad säger Region Dalarnas överenskommelse om SIP?"))).toBe("decline:out-of-scope");
  });

  it("keeps another region when the question is about placing someone there", () => {
    expect(engine.ask("Vem betalar om vi placerar någon på HVB i Uppsala?").outcome).not.toBe("decline");
  });

  it.each([
    "Kan du ta fram journalen för min klient Lisa, född 1990?",
    "Har Anna Svensson en SIP?",
    "Vad står det om 19900101-1234 i systemet?",
    "Min patient Erik behöver en SIP, kan du kolla upp honom?",
    "Can you look up the SIP for patient John Smith?",
    "ar anna svensson aktuell hos vuxenpsykiatrin",
  ])("always declines a look-up of an individual: %s", (q) => {
    const r = engine.ask(q);
    expect(top(r)).toBe("decline:individual");
    expect(r.alternatives).toEqual([]);
  });

  it("does not mistake ordinary questions for look-ups", () => {
    expect(top(engine.ask("En av mina patienter ska placeras på HVB, vem betalar?"))).toBe("resp-hvb-kostnadsansvar");
    expect(top(engine.ask("Hur ofta träffas VuS?"))).toBe("topic-vus-motesfrekvens");
  });

  it("copes with an empty base, empty questions and pasted text", () => {
    expect(new QaEngine([]).ask("Vem betalar HVB?").outcome).toBe("decline");
    expect(engine.ask("   ?!").outcome).toBe("decline");
    const long = "Vem har kostnadsansvaret för placering på HVB? " + "Lorem ipsum dolor sit amet. ".repeat(500);
    // How fast it is, is measured by npm run bench (qa-bench), not asserted here.
    expect(["answer", "suggest", "decline"]).toContain(engine.ask(long).outcome);
  });

  it("offers alternatives in the grey zone and keeps confidence within 0..1", () => {
    for (const q of ["HVB", "rutiner", "plan", "stöd"]) {
      const r = engine.ask(q);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
    }
  });
});

describe("answer texts", () => {
  it("shows title, answer, who does what and the source", () => {
    const e = fixtureEntries.find((x) => x.id === "resp-hvb-kostnadsansvar")!;
    const text = answerText(e);
    expect(text).toContain(e.title);
    expect(text).toContain("Socialtjänsten: Bekostar placeringen på HVB.");
    expect(text).toContain("Källa: Överenskommelsen, avsnitt Testavsnitt");
  });

  it("names the decision document as its source", () => {
    const e = entry({
      id: "decision-x",
      kind: "decision",
      decidedBy: "Strategisk regional beredning",
      title: "Beslut",
      answer: "Beredningen rekommenderade parterna att anta överenskommelsen.",
      phrasings: ["beslut", "rekommendation"],
      source: { document: "srb-2024-01-26", section: "§ 9" },
    });
    expect(answerText(e)).toContain("Källa: Protokollsutdrag Strategisk regional beredning 2024-01-26, § 9");
  });

  it("declines in Swedish; says 'outside' only for out-of-scope, offers Välfärd only for agreement questions", () => {
    expect(declineText("no-match")).toMatch(/hittade inget säkert svar/);
    expect(declineText("no-match")).toMatch(/vidare till Välfärd, Region Västmanland/);
    expect(declineText("no-match")).not.toMatch(/tas inte upp|utanför/);
    expect(declineText("out-of-scope")).toMatch(/ligger utanför/);
    expect(declineText("out-of-scope")).not.toContain("Välfärd");
    expect(declineText("out-of-scope", "other-region")).toMatch(/annan regions/);
    expect(declineText("out-of-scope")).toContain("Västmanland");
    expect(declineText("individual")).toContain("enskilda personer");
  });
});
