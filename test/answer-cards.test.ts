import { answerCard, declineCard } from "../cards/answer-cards";
import { qaText } from "../core/strings";
import { loadSeedEntries } from "../dialogs/qa/eval-harness";
import { FeedbackSubmission, AskSubmission } from "../dialogs/qa/submissions";
import { cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const seed = loadSeedEntries();
const byId = new Map(seed.map((e) => [e.id, e]));
const withDuties = seed.find((e) => e.responsibilities.length > 0)!;
const withoutDuties = seed.find((e) => e.responsibilities.length === 0 && e.related.length === 0) ?? seed.find((e) => e.responsibilities.length === 0)!;

/** Every Action.Submit's data in the card. */
function submitData(card: Record<string, unknown>): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    const el = n as Record<string, any>;
    if (el.type === "Action.Submit") out.push(el.data);
    for (const v of Object.values(el)) if (typeof v === "object") walk(v);
  };
  walk(card.body);
  return out;
}

describe("answer cards built from real entries", () => {
  it("every seed entry renders a valid 1.5 answer card, confident and in the grey zone", () => {
    const problems: string[] = [];
    for (const e of seed) {
      const related = e.related.map((id) => byId.get(id)!).filter(Boolean);
      for (const unsure of [false, true]) {
        const card = answerCard({ entry: e, question: `Fråga om ${e.title}`, alternatives: unsure ? seed.slice(0, 3) : [], related, unsure });
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
    const text = cardText({ attachments: [answerCard({ entry: withoutDuties, question: "q", alternatives: [], related: [], unsure: false })] });
    expect(text).not.toContain(qaText.whoDoesWhat);
    expect(text).not.toContain(qaText.didYouMean);
    expect(text).not.toContain(qaText.relatedTitle);
  });

  it("sends valid feedback data and question text with every button", () => {
    const alternatives = seed.slice(0, 3);
    const related = withDuties.related.map((id) => byId.get(id)!).filter(Boolean);
    const card = answerCard({ entry: withDuties, question: "Vem betalar?", alternatives, related, unsure: true });
    const data = submitData(card.content);
    const votes = data.filter((d) => d.action === "feedback");
    expect(votes.map((v) => v.vote)).toEqual(["up", "down"]);
    for (const v of votes) expect(FeedbackSubmission.parse(v)).toEqual({ action: "feedback", entryId: withDuties.id, vote: v.vote, question: "Vem betalar?" });
    const asks = data.filter((d) => d.action === "ask");
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

  it("renders declines with and without nearby entries", () => {
    for (const reason of ["no-match", "out-of-scope", "individual"] as const) {
      const card = declineCard(reason, reason === "no-match" ? seed.slice(0, 2) : []);
      expect(cardProblems(card.content)).toEqual([]);
      expect(cardText({ attachments: [card] })).toContain(qaText.decline[reason]);
    }
  });
});
