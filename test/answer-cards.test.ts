import { answerCard, askLabel, declineCard } from "../cards/answer-cards";
import { MAX_BUTTON_LABEL } from "../cards/button-label";
import { layoutAnswer, saidIn, sentences } from "../cards/answer-layout";
import { QaEngine } from "../dialogs/qa/qa-engine";
import { answerText } from "../cards/answer-text";
import type { KbEntry } from "../data/kb/schema";
import { qaText } from "../core/strings";
import { loadSeedEntries } from "../scripts/eval-harness";
import { FeedbackSubmission, AskSubmission } from "../dialogs/qa/submissions";
import { cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const seed = loadSeedEntries();
const byId = new Map(seed.map((e) => [e.id, e]));
/** An entry whose "Vem gör vad" rows add something the answer text does not say. */
const withDuties = seed.find((e) => layoutAnswer(e, "q").whoDoesWhat.length > 0)!;
const withoutDuties =
  seed.find((e) => e.responsibilities.length === 0 && e.related.length === 0) ??
  seed.find((e) => e.responsibilities.length === 0)!;

/** Every Action.Submit's data in the card. */
const submitData = (card: Record<string, unknown>): Record<string, any>[] =>
  submitActions(card.body).map((a) => a.data);

describe("answer cards built from real entries", () => {
  it("every seed entry renders a valid 1.5 answer card, confident and in the grey zone", () => {
    const problems: string[] = [];
    for (const e of seed) {
      const related = e.related.map((id) => byId.get(id)!).filter(Boolean);
      for (const unsure of [false, true]) {
        const card = answerCard({
          entry: e,
          question: `Fråga om ${e.title}`,
          alternatives: unsure ? seed.slice(0, 3) : [],
          related,
          unsure,
        });
        for (const p of cardProblems(card.content)) problems.push(`${e.id}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("shows title, the whole answer, 'Vem gör vad' and the source line", () => {
    const card = answerCard({ entry: withDuties, question: "q", alternatives: [], related: [], unsure: false });
    const text = cardText({ attachments: [card] });
    expect(text).toContain(withDuties.title);
    for (const s of sentences(withDuties.answer)) expect(text).toContain(s);
    expect(text).toContain(qaText.whoDoesWhat);
    expect(text).toMatch(/Källa: (Överenskommelsen, avsnitt|Protokollsutdrag|Lägesrapport|Uppföljning)/);
    expect(text).not.toContain(qaText.unsure);
  });

  it("leaves out the empty parts", () => {
    const text = cardText({
      attachments: [answerCard({ entry: withoutDuties, question: "q", alternatives: [], related: [], unsure: false })],
    });
    expect(text).not.toContain(qaText.whoDoesWhat);
    expect(text).not.toContain(qaText.didYouMean);
    expect(text).not.toContain(qaText.relatedTitle);
  });

  it("sends valid feedback data and question text with every button", () => {
    const alternatives = seed.filter((e) => e.id !== withDuties.id).slice(0, 3);
    const related = withDuties.related.map((id) => byId.get(id)!).filter(Boolean);
    const card = answerCard({ entry: withDuties, question: "Vem betalar?", alternatives, related, unsure: true });
    const data = submitData(card.content);
    const votes = data.filter((d) => d.action === "qa.feedback");
    expect(votes.map((v) => v.vote)).toEqual(["up", "down"]);
    for (const v of votes)
      expect(FeedbackSubmission.parse(v)).toEqual({
        action: "qa.feedback",
        entryId: withDuties.id,
        vote: v.vote,
        question: "Vem betalar?",
      });
    const asks = data.filter((d) => d.action === "qa.ask");
    expect(asks.length).toBeGreaterThanOrEqual(alternatives.length);
    for (const a of asks) {
      expect(a.msteams).toBeUndefined();
      const parsed = AskSubmission.parse(a);
      expect(parsed.entryId).toMatch(/^[a-z0-9-]+$/);
      expect(parsed.question.length).toBeGreaterThan(1);
    }
    expect(asks.slice(0, 3).map((a) => a.entryId)).toEqual(alternatives.map((e) => e.id));
    expect(cardText({ attachments: [card] })).toContain(qaText.didYouMean);
  });

  it("shows a forum's convenor, frequency, mandate, members and tasks where the answer does not already say them; the plain text keeps them all", () => {
    const forums = seed.filter(
      (e): e is Extract<KbEntry, { kind: "forum" }> =>
        e.kind === "forum" &&
        !!e.convenor &&
        !!e.frequency &&
        !!e.mandate &&
        e.members.length > 0 &&
        e.tasks.length > 0,
    );
    expect(forums.length).toBeGreaterThan(0);
    const f = qaText.facts;
    for (const forum of forums) {
      const card = answerCard({ entry: forum, question: "q", alternatives: [], related: [], unsure: false });
      expect(cardProblems(card.content)).toEqual([]);
      const shown = layoutAnswer(forum, "q").facts.map((x) => x.value);
      const text = cardText({ attachments: [card] });
      for (const v of shown) expect(text).toContain(v);
      const plain = answerText(forum);
      for (const v of [forum.convenor!, forum.frequency!, forum.mandate!, ...forum.members, ...forum.tasks])
        expect(plain).toContain(v);
      // The answer text stays first: readers (and the public scorer) see the first 1500 characters.
      expect(plain.indexOf(forum.answer)).toBeLessThan(plain.indexOf(forum.convenor!));
      expect(plain).toContain(`${f.convenor}: ${forum.convenor}`);
    }
  });

  it("shows when a routine applies, who decided and when, and what a term stands for", () => {
    const routine = seed.find((e) => e.kind === "routine")! as Extract<KbEntry, { kind: "routine" }>;
    const decision = seed.find((e) => e.kind === "decision" && !!e.date)! as Extract<KbEntry, { kind: "decision" }>;
    const term = seed.find((e) => e.id === "term-sip")! as Extract<KbEntry, { kind: "term" }>;
    const text = (e: KbEntry) =>
      cardText({
        attachments: [answerCard({ entry: e, question: "q", alternatives: [], related: [], unsure: false })],
      });
    // Shown as a fact, or already said in the answer text above it.
    const shownOrSaid = (e: KbEntry, _label: string, value: string) => expect(saidIn(text(e), value)).toBe(true);
    shownOrSaid(routine, qaText.facts.appliesWhen, routine.appliesWhen);
    expect(answerText(routine)).toContain(`${qaText.facts.appliesWhen}: ${routine.appliesWhen}`);
    shownOrSaid(decision, qaText.facts.decidedBy, decision.decidedBy);
    expect(answerText(decision)).toContain(`${qaText.facts.decidedBy}: ${decision.decidedBy}`);
    shownOrSaid(term, term.term, term.expansion);
  });

  it("names the other sections an answer draws on under the source line", () => {
    const e = seed.find((x) => x.alsoSources.some((s) => s.section !== x.source.section))!;
    const other = e.alsoSources.find((s) => s.section !== e.source.section)!;
    for (const text of [
      cardText({
        attachments: [answerCard({ entry: e, question: "q", alternatives: [], related: [], unsure: false })],
      }),
      answerText(e),
    ]) {
      expect(text).toContain(`${qaText.alsoIn}: `);
      expect(text).toContain(other.section);
    }
    // Several sections of one document name the document once.
    const many = seed.find(
      (x) =>
        x.alsoSources.filter((s) => s.document === "overenskommelse" && s.section !== x.source.section).length >= 3,
    )!;
    const line = answerText(many)
      .split("\n")
      .find((l) => l.startsWith(`${qaText.alsoIn}:`))!;
    expect(line.split(qaText.documentName.overenskommelse).length - 1).toBe(1);
    const plain = seed.find((x) => x.alsoSources.length === 0)!;
    expect(answerText(plain)).not.toContain(`${qaText.alsoIn}:`);
  });

  it("labels every button with a short Swedish phrasing that fits a phone, and sends a whole question", () => {
    const tooLong = seed.filter((e) => askLabel(e).length > MAX_BUTTON_LABEL).map((e) => e.id);
    expect(tooLong).toEqual([]);
    const english = seed.filter((e) => /\b(what|who|how|when|does|the)\b/i.test(askLabel(e))).map((e) => e.id);
    expect(english).toEqual([]);
    // Most labels are whole questions or whole titles, not cut short.
    expect(seed.filter((e) => askLabel(e).endsWith("…")).length).toBeLessThan(seed.length / 20);
    expect(askLabel({ title: "Rubrik", phrasings: ["Who pays?", "Kort fråga?"] })).toBe("Kort fråga?");
    expect(
      askLabel({
        title: "Orosanmälan när barn far illa – anmälningsplikt enligt lag",
        phrasings: ["Vem är skyldig att göra orosanmälan om ett barn som far illa?", "orosanmälan barn"],
      }),
    ).toBe("Orosanmälan när barn far illa");

    const long = seed.find((e) => e.title.length > MAX_BUTTON_LABEL && e.id !== withDuties.id)!;
    const card = answerCard({ entry: withDuties, question: "q", alternatives: [long], related: [], unsure: true });
    const [button] = submitActions(card.content.body).filter(
      (a) => a.data?.action === "qa.ask" && a.data?.entryId === long.id,
    );
    expect(button.title.length).toBeLessThanOrEqual(MAX_BUTTON_LABEL);
    expect(button.data.question).toMatch(/\?$|\S/);
    expect(AskSubmission.parse(button.data).entryId).toBe(long.id);
  });

  it("leads with the sentence that answers the question as asked, then the source, the rest behind 'Visa mer'", () => {
    const engine = new QaEngine(seed);
    const cases: [string, RegExp][] = [
      ["Vem kallar till VuS-möten?", /samordnare/i],
      ["Hur ofta ska VuS-gruppen träffas?", /4 gånger per år|fyra gånger per år/],
      ["Vem betalar HVB-placering?", /kostnadsansvar/i],
      ["Vad är Chefsforum?", /^Chefsforum är/],
    ];
    for (const [question, expected] of cases) {
      const r = engine.ask(question);
      expect(r.outcome).not.toBe("decline");
      if (r.outcome === "decline") continue;
      const card = answerCard({ entry: r.entry, question, alternatives: [], related: [], unsure: false })
        .content as any;
      const [, lead, source, more] = card.body;
      expect(lead.text).toMatch(expected);
      expect(lead.text.length).toBeLessThanOrEqual(300);
      expect(source.text).toMatch(/^Källa: /);
      expect(more).toMatchObject({ type: "Container", id: "more", isVisible: false });
      expect(JSON.stringify(card)).toContain(qaText.showMore);
    }
  });

  it("says nothing twice and marks no fact '(kostnadsansvar)' that already says so", () => {
    const repeated: string[] = [];
    for (const e of seed) {
      const text = cardText({
        attachments: [answerCard({ entry: e, question: "q", alternatives: [], related: [], unsure: false })],
      });
      for (const s of sentences(e.answer).filter((x) => x.length > 40))
        if (text.split(s).length - 1 > 1) repeated.push(`${e.id}: ${s.slice(0, 60)}`);
      for (const r of e.responsibilities) if (text.split(r.duty).length - 1 > 1) repeated.push(`${e.id}: ${r.duty}`);
      expect(text).not.toMatch(/kostnadsansvar[^\n]*\(kostnadsansvar\)/i);
    }
    expect(repeated).toEqual([]);
    const chefsforum = byId.get("forum-chefsforum")! as Extract<KbEntry, { kind: "forum" }>;
    const layout = layoutAnswer(chefsforum, "Vad är Chefsforum?");
    // Its members, mandate and most tasks are in the answer already.
    expect(layout.whoDoesWhat).toEqual([]);
    expect(layout.facts.length).toBeLessThan(chefsforum.tasks.length);
  });

  it("renders declines with and without nearby entries", () => {
    for (const reason of ["no-match", "out-of-scope", "individual"] as const) {
      const card = declineCard(reason, reason === "no-match" ? seed.slice(0, 2) : []);
      expect(cardProblems(card.content)).toEqual([]);
      expect(cardText({ attachments: [card] })).toContain(qaText.decline[reason]);
    }
  });
});
