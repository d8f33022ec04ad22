// People named in the decision documents (chairs, presenters) must not make the same names in a
// question "known words": "Maria Andersson" in a question is a client, not the minutes.
import { decisionPersonNames } from "../dialogs/qa/decision-names";
import { loadSeedEntries } from "../scripts/eval-harness";
import { QaEngine } from "../dialogs/qa/qa-engine";
import { entry, fixtureEntries } from "./qa-fixtures";

const minutes = entry({
  id: "decision-protokoll",
  kind: "decision",
  decidedBy: "Strategiska regionala beredningen",
  title: "Protokollsutdrag från beredningen",
  answer: "Ordförande var Maria Andersson Lind och Karin Boman informerade om Överenskommelsen och SIP.",
  phrasings: ["Vem var ordförande?", "protokoll beredningen"],
  source: { document: "srb-2024-01-26", section: "Protokollsutdrag" },
});
const named =
  "Vi har en klient, Maria Andersson, som ska flytta till ett HVB. Kan du kolla vilka insatser hon har hos psykiatrin?";

describe("person names in the decision documents", () => {
  it("are the capitalised name pairs that no other entry uses", () => {
    const names = decisionPersonNames([...fixtureEntries, minutes]);
    expect([...names].sort()).toEqual(["andersson", "boman", "karin", "lind", "maria"]);
    // Capitalised mid-sentence, but also a word of the agreement entries: not a name.
    expect(names.has("overenskommelsen")).toBe(false);
  });

  it("do not keep a named client from being declined", () => {
    const r = new QaEngine([...fixtureEntries, minutes]).ask(named);
    expect(r.outcome === "decline" && r.reason).toBe("individual");
  });

  it("on the real base include the names of the minutes, and a named client is declined", () => {
    const entries = loadSeedEntries();
    const names = decisionPersonNames(entries);
    expect(names.has("maria")).toBe(true);
    expect(names.has("andersson")).toBe(true);
    expect(names.has("vasteras")).toBe(false);
    const r = new QaEngine(entries).ask(named);
    expect(r.outcome === "decline" && r.reason).toBe("individual");
  });

  it("still let questions about the decisions through", () => {
    const r = new QaEngine([...fixtureEntries, minutes]).ask("Vem var ordförande i beredningen?");
    expect(r.outcome === "decline" ? "decline" : r.entry.id).toBe("decision-protokoll");
  });
});
