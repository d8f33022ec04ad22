import { MAX_BUTTON_LABEL, answerCard, buttonLabel, declineCard } from "../cards/answer-cards";
import { answerText } from "../cards/answer-text";
import type { KbEntry } from "../data/kb/schema";
import { qaText } from "../core/strings";
import { loadSeedEntries } from "../scripts/eval-harness";
import { FeedbackSubmission, AskSubmission } from "../dialogs/qa/submissions";
import { cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const seed = loadSeedEntries();
const byId = new Map(seed.map((e) => [e.id, e]));
const withDuties = seed.find((e) => e.responsibilities.length > 0)!;
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

  it("shows title, answer, 'Vem gör vad' and the source line", () => {
    const card = answerCard({ entry: withDuties, question: "q", alternatives: [], related: [], unsure: false });
    const text = cardText({ attachments: [card] });
    expect(text).toContain(withDuties.title);
    expect(text).toContain(withDuties.answer);
    expect(text).toContain(qaText.whoDoesWhat);
    expect(text).toContain(withDuties.responsibilities[0].actor);
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

  it("shows a forum's convenor, frequency, mandate, members and tasks, after the answer, in the card and the plain text", () => {
    const forum = seed.find(
      (e): e is Extract<KbEntry, { kind: "forum" }> =>
        e.kind === "forum" &&
        !!e.convenor &&
        !!e.frequency &&
        !!e.mandate &&
        e.members.length > 0 &&
        e.tasks.length > 0,
    )!;
    expect(forum).toBeDefined();
    const card = answerCard({ entry: forum, question: "q", alternatives: [], related: [], unsure: false });
    expect(cardProblems(card.content)).toEqual([]);
    const f = qaText.facts;
    for (const text of [cardText({ attachments: [card] }), answerText(forum)]) {
      expect(text).toContain(forum.convenor!);
      expect(text).toContain(forum.frequency!);
      expect(text).toContain(forum.mandate!);
      for (const m of forum.members) expect(text).toContain(m);
      for (const t of forum.tasks) expect(text).toContain(t);
      for (const label of [f.convenor, f.frequency, f.mandate, f.members, f.tasks]) expect(text).toContain(label);
      // The answer text stays first: readers (and the public scorer) see the first 1500 characters.
      expect(text.indexOf(forum.answer)).toBeLessThan(text.indexOf(forum.convenor!));
    }
    expect(answerText(forum)).toContain(`${f.convenor}: ${forum.convenor}`);
  });

  it("shows when a routine applies, who decided and when, and what a term stands for", () => {
    const routine = seed.find((e) => e.kind === "routine")! as Extract<KbEntry, { kind: "routine" }>;
    const decision = seed.find((e) => e.kind === "decision" && !!e.date)! as Extract<KbEntry, { kind: "decision" }>;
    const term = seed.find((e) => e.id === "term-sip")! as Extract<KbEntry, { kind: "term" }>;
    const text = (e: KbEntry) =>
      cardText({
        attachments: [answerCard({ entry: e, question: "q", alternatives: [], related: [], unsure: false })],
      });
    expect(text(routine)).toContain(`${qaText.facts.appliesWhen} ${routine.appliesWhen}`);
    expect(answerText(routine)).toContain(`${qaText.facts.appliesWhen}: ${routine.appliesWhen}`);
    expect(text(decision)).toContain(`${qaText.facts.decidedBy} ${decision.decidedBy}`);
    expect(text(decision)).toContain(`${qaText.facts.date} ${decision.date}`);
    expect(answerText(decision)).toContain(`${qaText.facts.decidedBy}: ${decision.decidedBy}`);
    expect(text(term)).toContain(`${term.term} ${term.expansion}`);
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

  it("keeps related-question buttons short but sends the whole question", () => {
    const long = seed.find((e) => e.phrasings[0].length > MAX_BUTTON_LABEL)!;
    const host = { ...withDuties, related: [long.id] };
    const card = answerCard({ entry: host, question: "q", alternatives: [], related: [long], unsure: false });
    const walk = (n: unknown, out: any[] = []): any[] => {
      if (Array.isArray(n)) n.forEach((x) => walk(x, out));
      else if (n && typeof n === "object") {
        if ((n as any).type === "Action.Submit" && (n as any).data?.entryId === long.id) out.push(n);
        Object.values(n).forEach((v) => walk(v, out));
      }
      return out;
    };
    const [button] = walk(card.content.body);
    expect(button.title.length).toBeLessThanOrEqual(MAX_BUTTON_LABEL);
    expect(button.data.question).toBe(long.phrasings[0]);
    // Every seed entry's label fits.
    for (const e of seed) expect(buttonLabel(e.phrasings[0], e.title).length).toBeLessThanOrEqual(MAX_BUTTON_LABEL);
    expect(buttonLabel("Kort fråga?", "Rubrik")).toBe("Kort fråga?");
    expect(buttonLabel("Vem är skyldig att göra orosanmälan om ett barn som far illa?", "Orosanmälan")).toBe(
      "Orosanmälan",
    );
    const cut = buttonLabel(
      "Vem är skyldig att göra orosanmälan om ett barn som far illa?",
      "Orosanmälan när ett barn far illa – anmälningsplikt enligt lag",
    );
    expect(cut).toBe("Vem är skyldig att göra orosanmälan om ett…");
  });

  it("renders declines with and without nearby entries", () => {
    for (const reason of ["no-match", "out-of-scope", "individual"] as const) {
      const card = declineCard(reason, reason === "no-match" ? seed.slice(0, 2) : []);
      expect(cardProblems(card.content)).toEqual([]);
      expect(cardText({ attachments: [card] })).toContain(qaText.decline[reason]);
    }
  });
});
