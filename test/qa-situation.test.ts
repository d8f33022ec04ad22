// Situation understanding, the situation card, the quoted-passage fallback and honest declines, on the real base.
import { answerCard } from "../cards/answer-cards";
import { qaText } from "../core/strings";
import { resultText } from "../dialogs/qa/answer-text";
import { loadSeedEntries, loadSources } from "../scripts/eval-harness";
import { QaEngine } from "../dialogs/qa/qa-engine";
import { analyzeSituation } from "../dialogs/qa/situation";
import { tokenize } from "../dialogs/qa/text";
import { entry } from "./qa-fixtures";
import { cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const seed = loadSeedEntries();
const engine = new QaEngine(seed, loadSources(seed));
const facets = (q: string) => analyzeSituation(tokenize(q)).facets.map((f) => f.name);

describe("situation analysis", () => {
  it("finds who asks, the person, what happens and what is asked anywhere in a story", () => {
    const f = facets(
      "Jag är barnmorska. En gravid kvinna dricker och har två barn hemma, och hon ska skrivas ut. Vem betalar?",
    );
    expect(f).toEqual(expect.arrayContaining(["region", "gravid", "förälder", "utskrivning", "substans", "kostnad"]));
    expect(facets("Vilken roll spelar vårdcentralen?")).not.toContain("spel");
  });

  it("going home from a ward is a discharge, and a patient's own child makes the patient a parent", () => {
    expect(facets("Hon ska hem från avdelningen på måndag")).toContain("utskrivning");
    expect(facets("The patient goes home next week")).toContain("utskrivning");
    expect(facets("Han bor med sin dotter som är sju")).toContain("förälder");
    expect(facets("Vi ska hem och äta")).not.toContain("förälder");
  });

  it("inflected verbs reach the discharge entries", () => {
    const r = engine.ask("Min patient ska skrivas ut från psykiatrin och har hemtjänst, hur planerar vi?");
    expect(r.outcome).not.toBe("decline");
    if (r.outcome !== "decline") expect(r.entry.id).toMatch(/utskrivning/);
  });

  it("a cue on an entry, as an admin writes it, lifts that entry for a question that meets it", () => {
    const base = {
      title: "Samverkan kring stöd",
      answer: "Samverkan kring stöd och insatser i kommunen.",
      phrasings: ["samverkan stöd", "stöd insatser"],
    };
    const q = "En kvinna som är gravid behöver samverkan kring stöd, hur gör vi?";
    const top = (cued: string) => {
      const r = new QaEngine(
        ["topic-a", "topic-b"].map((id) => entry({ id, ...base, cues: id === cued ? ["gravid"] : [] })),
      ).ask(q);
      return r.outcome === "decline" ? undefined : r.entry.id;
    };
    expect(top("topic-a")).toBe("topic-a");
    expect(top("topic-b")).toBe("topic-b");
  });

  it("a story touching several routines gets a valid situation card with 'Det här gäller också'", () => {
    const q =
      "Jag är familjebehandlare. En mamma till två barn på 6 och 9 år är inlagd på psykiatrin för sin bipolära sjukdom. Vad har psykiatrin för ansvar gentemot barnen?";
    const r = engine.ask(q);
    expect(r.outcome).not.toBe("decline");
    if (r.outcome === "decline") return;
    expect(r.also?.length ?? 0).toBeGreaterThan(0);
    const card = answerCard({
      entry: r.entry,
      question: q,
      alternatives: [],
      related: [],
      unsure: false,
      also: r.also,
    });
    expect(cardProblems(card.content)).toEqual([]);
    expect(cardText({ attachments: [card] })).toContain(qaText.alsoApplies);
    expect(resultText(r)).toContain(qaText.alsoApplies);
  });
});

describe("honest declines", () => {
  it.each([
    "Vad är telefonnumret till psykiatriska akutmottagningen i Västerås?",
    "Vilket parti vill satsa mest på psykiatrin inför valet?",
    "Hur stor chans har vi att vinna om klienten överklagar LVM-domen?",
    "Vilka DSM-5-kriterier gäller för borderline?",
    "Vad kostar ett drogtest på labbet?",
  ])("declines off-topic questions that share words with the agreement: %s", (q) => {
    const r = engine.ask(q);
    expect(r.outcome).toBe("decline");
    if (r.outcome === "decline") expect(r.reason).toBe("out-of-scope");
  });

  it("never says 'not in the agreement' for a plain miss, and offers Välfärd", () => {
    const text = resultText({
      outcome: "decline",
      reason: "no-match",
      confidence: 0.1,
      alternatives: seed.slice(0, 2),
    });
    expect(text).toContain("hittade inget säkert svar");
    expect(text).not.toMatch(/tas inte upp|utanför/);
    expect(text).toContain("Välfärd");
    expect(text).toContain(qaText.nearestSections);
  });

  it("the weather is declined without sending the asker to Välfärd", () => {
    const r = engine.ask("Blir det regn i Sala i morgon?");
    expect(r.outcome).toBe("decline");
    expect(resultText(r)).not.toContain("Välfärd");
  });
});

describe("details the agreement does not give", () => {
  it("'Hur ofta träffas Chefsforum?' answers with Chefsforum and says the agreement does not say", () => {
    const r = engine.ask("Hur ofta träffas Chefsforum?");
    expect(r.outcome).toBe("answer");
    if (r.outcome === "decline") return;
    expect(r.entry.id).toBe("forum-chefsforum");
    expect(resultText(r)).toMatch(/anger inte hur ofta Chefsforum träffas/);
  });

  it("'Chefsforum barn och unga' still gets its own frequency", () => {
    const r = engine.ask("Hur ofta träffas Chefsforum barn och unga?");
    expect(r.outcome === "decline" ? "" : r.entry.id).toBe("forum-chefsforum-barn-och-unga");
  });
});

describe("related buttons", () => {
  it("never offer the question just asked back, nor an English phrasing", () => {
    for (const q of ["Vad är en SIP?", "Vad är en VuS-grupp?", "Vem leder VuS-gruppen?"]) {
      const r = engine.ask(q);
      if (r.outcome === "decline") continue;
      const related = r.entry.related.map((id) => engine.entry(id)!).filter(Boolean);
      const card = answerCard({ entry: r.entry, question: q, alternatives: [], related, unsure: false });
      for (const a of submitActions(card.content.body)) {
        if (a.data.action !== "ask") continue;
        expect(a.data.question.toLowerCase()).not.toBe(q.toLowerCase());
        expect(a.title).not.toMatch(/\b(who|what|how|the|is)\b/i);
      }
    }
  });
});

describe("quoted passage fallback", () => {
  it("quotes the source passage with its section when no entry is good enough, marked as a quote", () => {
    const only = entry({
      id: "topic-x",
      title: "Hjälpmedel",
      answer: "Om hjälpmedel för personer med psykiatriska tillstånd.",
      phrasings: ["hjälpmedel", "hjälpmedel psykiatri"],
    });
    const sources = [
      {
        document: "overenskommelse" as const,
        sections: ["Tandvård"],
        text: "Tandvård\nTandvården ska erbjuda uppsökande munhälsobedömning till personer med stora omvårdnadsbehov. Bedömningen görs i hemmet.\n",
      },
    ];
    const r = new QaEngine([only], sources).ask("Vem erbjuder uppsökande munhälsobedömning i hemmet?");
    expect(r.outcome).toBe("decline");
    if (r.outcome !== "decline") return;
    expect(r.passage?.passage.section).toBe("Tandvård");
    const text = resultText(r);
    expect(text).toContain(qaText.quote.intro);
    expect(text).toContain("”Tandvården ska erbjuda uppsökande munhälsobedömning");
    expect(text).toContain("Källa: Överenskommelsen, avsnitt Tandvård");
  });
});
