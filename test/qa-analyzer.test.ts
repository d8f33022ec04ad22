import { Analyzer } from "../dialogs/qa/analyzer";
import { CompoundSplitter } from "../dialogs/qa/compounds";
import { Speller } from "../dialogs/qa/spelling";
import { stem } from "../dialogs/qa/stem";
import { isStopWord, isStopWordTypo } from "../dialogs/qa/stopwords";
import { fold, tokenize } from "../dialogs/qa/text";
import { fixtureEntries } from "./qa-fixtures";

const s = (w: string) => stem(fold(w));
const analyzer = new Analyzer(fixtureEntries);
const queryTerms = (q: string) => analyzer.analyzeQuery(q).terms.map((t) => t.term);

describe("folding", () => {
  it("folds å, ä, ö and case", () => {
    expect(fold("Socialtjänsten Åtgärd ÖVERENSKOMMELSE")).toBe("socialtjansten atgard overenskommelse");
  });

  it("makes a query typed without å/ä/ö identical to the proper one", () => {
    expect(queryTerms("ar socialtjansten skyldig att stodja anhoriga")).toEqual(
      queryTerms("Är socialtjänsten skyldig att stödja anhöriga"),
    );
  });

  it("drops the inflection after a colon, in capitals or typed in lower case", () => {
    expect(tokenize("bor på HVB:et").map((t) => t.word)).toEqual(["bor", "pa", "hvb"]);
    expect(tokenize("bor pa hvb:et").map((t) => t.word)).toEqual(["bor", "pa", "hvb"]);
    expect(tokenize("kl 10:30").map((t) => t.word)).toEqual(["kl", "10", "30"]);
  });

  it("splits hyphenated words and marks acronyms", () => {
    const toks = tokenize("LVM-hem för Lisa");
    expect(toks.map((t) => t.word)).toEqual(["lvm", "hem", "for", "lisa"]);
    expect(toks[0].acronym).toBe(true);
    expect(toks[3].acronym).toBe(false);
    expect(toks[3].capitalised).toBe(true);
  });
});

describe("stemming normalisation", () => {
  it.each([
    ["kostnadsansvaret", "kostnadsansvar"],
    ["vuxenpsykiatrin", "vuxenpsykiatri"],
    ["insatser", "insats"],
    ["mötet", "möte"],
    ["hälsan", "hälsa"],
    ["samverkans", "samverkan"],
    ["rutinerna", "rutin"],
    ["ansvarar", "ansvar"],
  ])("%s and %s share a stem", (a, b) => {
    expect(s(a)).toBe(s(b));
  });

  it("undoubles final consonants the same way inside and outside a compound", () => {
    expect(s("förvaltningsrätten").endsWith(s("rätten"))).toBe(true);
  });

  it("keeps different words apart", () => {
    expect(s("placering")).not.toBe(s("plan"));
    expect(s("anhöriga")).not.toBe(s("ansvar"));
  });
});

describe("compound splitting", () => {
  const splitter = new CompoundSplitter(
    ["samverkan", "rutin", "kostnad", "ansvar", "hälsa", "undersökning", "grupp", "ledning"].map(fold),
  );

  it("splits on the linking -s-", () => {
    expect(splitter.split(fold("samverkansrutin"))).toEqual([s("samverkan"), s("rutin")]);
    expect(splitter.split(fold("kostnadsansvaret"))).toEqual([s("kostnad"), s("ansvar")]);
    expect(splitter.split(fold("ledningsgruppen"))).toEqual([s("ledning"), s("grupp")]);
  });

  it("handles a first part ending in -o for -a", () => {
    expect(splitter.split(fold("hälsoundersökning"))).toEqual([s("hälsa"), s("undersökning")]);
  });

  it("never takes a function word as a first part, not even with a linking vowel", () => {
    // "för" + e would be "före"; "fördelaktigt" is no compound of före + delaktigt.
    const withFore = new CompoundSplitter(["före", "delaktigt", "bygga"].map(fold));
    expect(withFore.split(fold("fördelaktigt"))).toBeNull();
    expect(withFore.split(fold("förebygga"))).toEqual([s("före"), s("bygga")]);
  });

  it("leaves words that are not compounds of known parts alone", () => {
    expect(splitter.split("beroende")).toBeNull();
    expect(splitter.split("rutinerna")).toBeNull();
    expect(splitter.split("ansvar")).toBeNull();
  });

  it("lets a question's compound reach entries that use the parts", () => {
    const terms = queryTerms("finns det en samverkansrutin");
    expect(terms).toEqual(expect.arrayContaining([s("samverkansrutin"), s("samverkan"), s("rutin")]));
  });
});

describe("spelling correction", () => {
  const speller = new Speller(["anhöriga", "anhöriga", "kostnadsansvar", "socialtjänsten", "anhörig"].map(fold));

  it("corrects one edit or one swap to a known word", () => {
    expect(speller.correct(fold("anhörgia"))).toBe(fold("anhöriga"));
    expect(speller.correct("kostnadsansvr")).toBe("kostnadsansvar");
    expect(speller.correct("socialtjänstne".replace("ä", "a"))).toBe("socialtjansten");
  });

  it("leaves words that are not near a known word alone", () => {
    expect(speller.correct("melatonin")).toBeNull();
    expect(speller.correct("sip")).toBeNull();
  });

  it("lets a misspelt question word count as the word it was meant to be", () => {
    const q = analyzer.analyzeQuery("stöd till anhörgia");
    expect(q.groups.map((g) => g.head)).toContain(s("anhöriga"));
    expect(q.terms.map((t) => t.term)).toContain(s("anhöriga"));
  });
});

describe("stop words", () => {
  it("drops function words but keeps topic words", () => {
    expect(isStopWord("och")).toBe(true);
    expect(isStopWord(fold("när"))).toBe(true);
    expect(isStopWord("ofta")).toBe(false);
    expect(isStopWord("ansvar")).toBe(false);
  });

  it("treats a misspelt function word as a function word", () => {
    expect(isStopWordTypo("vika")).toBe(true); // vilka
    expect(isStopWordTypo("hru")).toBe(true); // hur
    expect(isStopWordTypo("kostnad")).toBe(false);
    expect(analyzer.analyzeQuery("vika rutiner finns").groups.map((g) => g.word)).toEqual(["rutiner"]);
  });

  it("leaves no topic in a question of only function words", () => {
    expect(analyzer.analyzeQuery("vad är det som gäller då?").groups).toEqual([]);
  });
});

describe("synonyms from term entries", () => {
  it("expands an abbreviation to its written-out form", () => {
    expect(queryTerms("Vem kallar till SIP?")).toEqual(
      expect.arrayContaining([s("samordnad"), s("individuell"), s("plan")]),
    );
  });

  it("abbreviates a written-out form", () => {
    expect(queryTerms("vem kallar till samordnad individuell plan")).toContain("sip");
    expect(queryTerms("placering på hem för vård eller boende")).toContain("hvb");
  });

  it("does not expand what the question does not contain", () => {
    expect(queryTerms("vem stödjer anhöriga")).not.toContain("sip");
  });
});

describe("English aliases", () => {
  it("maps an English question onto Swedish terms", () => {
    const q = analyzer.analyzeQuery("Who pays for HVB placement?");
    expect(q.english).toBe(true);
    expect(q.terms.map((t) => t.term)).toEqual(expect.arrayContaining([s("kostnadsansvar"), s("placering"), "hvb"]));
  });

  it("maps relatives and meetings", () => {
    expect(queryTerms("What support do relatives get?")).toContain(s("anhöriga"));
    expect(queryTerms("How often are the meetings?")).toContain(s("möte"));
  });

  it("leaves Swedish questions alone", () => {
    const q = analyzer.analyzeQuery("Vem gör en plan för placering?");
    expect(q.english).toBe(false);
    expect(q.terms.map((t) => t.term)).not.toContain(s("kostnadsansvar"));
  });
});
