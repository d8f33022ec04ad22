import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { escalationText, qaText } from "../core/strings";
import { createApp, type App } from "../bot/app";
import { ManualClock } from "../core/clock";
import { reminderJobId } from "../dialogs/escalation/reminders";
import type { EscalationCase } from "../data/escalation/schema";
import { TeamsTestClient, TENANT, cardText, submitActions } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

// "Fråga Välfärd" over the Teams protocol: the asker's buttons and form in personal chat, the case card
// in the expert channel with Action.Execute invokes, the answer in the asker's personal chat, the
// reminder job on a manual clock, and every refusal leaving the case as it was.

const t = escalationText;
const EXPERT = { id: "29:expert", name: "Eva Expert", aadObjectId: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" };
const EXPERT2 = { id: "29:expert2", name: "Erik Expert", aadObjectId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" };
const ASKER = { id: "29:asker", name: "Anna Användare", aadObjectId: "00000000-0000-4000-8000-00000000a0a1" };
const OTHER = { id: "29:other", name: "Olle Annan", aadObjectId: "00000000-0000-4000-8000-00000000a0a2" };
type Who = typeof EXPERT;

const TEAM = "19:valfard-general@thread.tacv2";
const CHANNEL = "19:valfard-experter@thread.tacv2";
const inChannel = (threadId = "1700000000001") => ({
  conversationId: `${CHANNEL};messageid=${threadId}`,
  conversationType: "channel",
  channelData: { tenant: { id: TENANT }, team: { id: TEAM, name: "Välfärd" }, channel: { id: CHANNEL } },
});
/**
 * What a refused expert button shows the presser: the line on top of the case card (which stays), or
 * the notice card's message when the presser may not see the case. The card must be valid either way.
 */
function refusal(res: { body: any }): string {
  expect(res.body.type).toBe("application/vnd.microsoft.card.adaptive");
  expect(cardProblems(res.body.value)).toEqual([]);
  const top = res.body.value.body.find((b: any) => b.type === "Container" && b.style === "attention");
  return top ? top.items[0].text : res.body.value.body[1].text;
}

describe("asking Välfärd over HTTP", () => {
  let app: App;
  let client: TeamsTestClient;
  // Monday 7 December 2026, 10:00 Stockholm.
  const clock = new ManualClock("2026-12-07T09:00:00.000Z");

  const chatOf = (who: Who) => `a:chat-${who.id}`;
  const say = (who: Who, text: string, fields: Record<string, any> = {}) =>
    client.as(who, () => client.say(text, { conversationId: chatOf(who), ...fields }));
  const press = (who: Who, value: unknown) =>
    client.as(who, () => client.post(client.activity({ type: "message", conversationId: chatOf(who), value })));
  const execute = (who: Who, verb: string, data: unknown) =>
    client.as(who, () => client.execute(verb, data, inChannel()));
  const stored = async (id: string) => (await app.escalation.store.get(id))!.doc;
  const allCases = () => app.escalation.store.withStatus(["open", "taken", "answered", "closed"]);
  const channelPosts = () =>
    client.sent.filter((s) => s.method === "POST" && s.url.includes(`/v3/conversations/${CHANNEL}/activities`));
  const channelUpdates = () => client.sent.filter((s) => s.method === "PUT" && s.url.includes(CHANNEL));
  const personalTo = (who: Who) => client.sent.filter((s) => s.activity.conversation?.id === chatOf(who));

  /** Asks through the form as the asker would: the decline's button, then the form's submit. */
  async function ask(question: string, who: Who = ASKER): Promise<EscalationCase> {
    const before = new Set((await allCases()).map((c) => c.id));
    const res = await press(who, { action: "escalation.submit", question });
    expect(res.replies.map((r) => r.text)[0]).toMatch(/^Tack! Din fråga \(VF-[0-9A-F]{6}\) är skickad/);
    const created = (await allCases()).filter((c) => !before.has(c.id));
    expect(created).toHaveLength(1);
    return created[0];
  }

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      ADMIN_AAD_OBJECT_IDS: `${EXPERT.aadObjectId},${EXPERT2.aadObjectId}`,
      COSMOS_DATABASE: `esc-http-${Date.now()}-${Math.round(Math.random() * 1e6)}`,
      ESCALATION_REMINDER_WORKING_DAYS: "2",
    });
    app = await createApp(config, createLogger("silent"), { clock, instanceId: "esc-test", startScheduler: false });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
    // The asker has a personal chat with the bot; the team has the bot installed.
    await client.as(ASKER, () => client.install({ conversationId: chatOf(ASKER) }));
    await client.as(EXPERT, () => client.install({ conversationId: chatOf(EXPERT) }));
    await client.as(EXPERT, () => client.install({ ...inChannel(), conversationId: TEAM }));
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("a decline offers 'Fråga Välfärd' with the question; the button opens the form with the warning", async () => {
    const question = "Vem betalar tolk när en SIP hålls på distans med en anhörig i Norge?";
    const { replies } = await say(ASKER, question);
    expect(replies[0].attachments[0].content).toBeDefined();
    const button = submitActions(replies[0].attachments[0].content).find((b) => b.title === t.askButton);
    expect(button?.data).toEqual({ action: "escalation.start", question });
    const form = await press(ASKER, button!.data);
    const card = form.replies[0].attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(form.replies[0])).toContain(t.form.warning);
    expect(JSON.stringify(card)).toContain(question);
    expect(submitActions(card).map((a) => a.data.action)).toEqual(["escalation.submit", "escalation.cancel"]);
  });

  it("a 'Menade du…?' answer offers the button too; a request about an individual does not", async () => {
    const grey = await say(ASKER, "Vem är sammankallande för BIV-nätverket?");
    expect(cardText(grey.replies[0])).toContain(qaText.didYouMean);
    expect(submitActions(grey.replies[0].attachments[0].content).some((b) => b.title === t.askButton)).toBe(true);
    const confident = await say(ASKER, "Vem har kostnadsansvar för HVB-placering?");
    expect(submitActions(confident.replies[0].attachments[0].content).some((b) => b.title === t.askButton)).toBe(false);
    const person = await say(ASKER, "Har Anna Svensson en SIP hos vuxenpsykiatrin?");
    expect(JSON.stringify(person.replies[0].attachments[0].content)).not.toContain(t.askButton);
  });

  it("without a linked expert channel nothing is stored and the asker is told so", async () => {
    const res = await press(ASKER, { action: "escalation.submit", question: "Vem betalar tolk vid SIP?" });
    expect(res.replies.map((r) => r.text)).toEqual([t.asked.noChannel]);
    expect(await allCases()).toEqual([]);
  });

  it("`koppla expertkanal` links Välfärd's channel: experts only, in a channel only", async () => {
    expect((await say(ASKER, "koppla expertkanal", inChannel())).replies.map((r) => r.text)).toEqual([
      t.expert.notExpert,
    ]);
    expect((await say(EXPERT, "koppla expertkanal")).replies.map((r) => r.text)).toEqual([t.channel.channelOnly]);
    expect(await app.escalation.store.expertChannel()).toBeUndefined();
    const linked = await say(EXPERT, "koppla expertkanal", inChannel());
    expect(linked.replies.map((r) => r.text)).toEqual([t.channel.linked]);
    expect(await app.escalation.store.expertChannel()).toMatchObject({ conversationId: CHANNEL, teamId: TEAM });
  });

  it.each([
    ["empty", "   ", t.asked.empty],
    ["too long", "Vem ansvarar? ".repeat(100), t.asked.tooLong(1000)],
    ["a personnummer", "Gäller SIP för 19900101-0017 som bor i Sala?", t.asked.personalNumber],
    ["a samordningsnummer without century", "Patienten 900161-0018 behöver SIP, vem kallar?", t.asked.personalNumber],
    ["ten digits that pass the check digit", "Kan 9001010017 få boendestöd?", t.asked.personalNumber],
    ["a named individual", "Har Anna Svensson en SIP hos vuxenpsykiatrin?", t.asked.individual],
    ["not text", 42, t.asked.empty],
  ])("refuses a question that is %s and stores nothing", async (_name, question, message) => {
    const res = await press(ASKER, { action: "escalation.submit", question });
    expect(res.replies.map((r) => r.text)).toEqual([message]);
    expect(await allCases()).toEqual([]);
  });

  it("`fråga välfärd` with a personnummer is refused without echoing it; without one it opens the form", async () => {
    const refused = await say(ASKER, "fråga välfärd gäller det 900101-0017?");
    expect(refused.replies.map((r) => r.text)).toEqual([t.asked.personalNumber]);
    expect(JSON.stringify(refused.replies)).not.toContain("0017");
    const form = await say(ASKER, "Fråga Välfärd: Vem betalar tolk vid SIP?");
    expect(JSON.stringify(form.replies[0].attachments[0].content)).toContain("Vem betalar tolk vid SIP?");
    const cancelled = await press(ASKER, { action: "escalation.cancel" });
    expect(cancelled.replies.map((r) => r.text)).toEqual([t.asked.cancelled]);
  });

  let caseId: string;

  it("a question becomes a case in Cosmos and a card in the expert channel: name, question, what the bot answered", async () => {
    const posts = channelPosts().length;
    const c = await ask("Vem betalar tolk när en SIP hålls på distans?");
    caseId = c.id;
    expect(c).toMatchObject({
      status: "open",
      question: "Vem betalar tolk när en SIP hålls på distans?",
      asker: { name: ASKER.name, aadObjectId: ASKER.aadObjectId },
      reviewed: false,
    });
    expect(c.botAnswer.length).toBeGreaterThan(5);
    expect(c.channelPost).toMatchObject({ conversationId: CHANNEL });
    const post = channelPosts().slice(posts);
    expect(post).toHaveLength(1);
    const card = post[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(post[0].activity);
    expect(text).toContain(ASKER.name);
    expect(text).toContain(c.question);
    expect(text).toContain(c.botAnswer);
    expect(text).toContain(t.caseCard.statuses.open);
    expect(JSON.stringify(card)).toContain('"verb":"escalation.take"');
    // The reminder is planned on the job machinery.
    const [job] = (await app.jobs.jobsOfMeeting(c.id)).filter((j) => j.id === reminderJobId(c.id));
    expect(job).toMatchObject({
      kind: "escalationReminder",
      status: "pending",
      dueAt: "2026-12-10T08:00:00.000Z",
    });
  });

  it("a non-expert pressing an expert button gets a Swedish message and nothing changes", async () => {
    const before = await stored(caseId);
    for (const verb of ["escalation.take", "escalation.answer", "escalation.close", "escalation.toKnowledgeBase"]) {
      const res = await execute(OTHER, verb, { caseId, answer: "Mitt svar" });
      expect(res.status).toBe(200);
      // In the expert channel the card stays (the presser sees it anyway), with the refusal on top.
      expect(refusal(res)).toBe(t.expert.notExpert);
      expect(JSON.stringify(res.body.value)).toContain(before.question);
      // Anywhere else the case is not shown at all.
      const elsewhere = await client.as(OTHER, () =>
        client.post(
          client.activity({
            type: "invoke",
            name: "adaptiveCard/action",
            conversationId: chatOf(OTHER),
            value: { action: { type: "Action.Execute", verb, data: { caseId } }, trigger: "manual" },
          }),
        ),
      );
      expect(refusal(elsewhere)).toBe(t.expert.notExpert);
      expect(JSON.stringify(elsewhere.body.value)).not.toContain(before.question);
    }
    expect(await stored(caseId)).toEqual(before);
  });

  it("tampered button data gets a message and changes nothing", async () => {
    const before = await stored(caseId);
    const bad = await execute(EXPERT, "escalation.take", { caseId: "not-a-uuid" });
    expect(refusal(bad)).toBe(t.expert.badButton);
    const unknown = await execute(EXPERT, "escalation.take", { caseId: "3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b" });
    expect(refusal(unknown)).toBe(t.expert.notFound);
    expect(await stored(caseId)).toEqual(before);
  });

  it("'Jag tar den' takes the case: the card updates for the presser and, in place, for the whole channel", async () => {
    const updates = channelUpdates().length;
    const res = await execute(EXPERT, "escalation.take", { caseId });
    expect(res.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardProblems(res.body.value)).toEqual([]);
    expect(JSON.stringify(res.body.value)).toContain(t.caseCard.statuses.taken(EXPERT.name));
    expect(JSON.stringify(res.body.value)).not.toContain('"verb":"escalation.take"');
    expect(await stored(caseId)).toMatchObject({ status: "taken", assignee: { name: EXPERT.name } });
    const put = channelUpdates().slice(updates);
    expect(put).toHaveLength(1);
    expect(put[0].url).toContain(`/activities/${(await stored(caseId)).channelPost!.activityId}`);
    expect(cardText(put[0].activity)).toContain(t.caseCard.statuses.taken(EXPERT.name));
  });

  it("another expert cannot answer or close someone else's case", async () => {
    const before = await stored(caseId);
    const answer = await execute(EXPERT2, "escalation.answer", { caseId, answer: "Regionen betalar." });
    expect(refusal(answer)).toBe(t.expert.takenByOther(EXPERT.name));
    const close = await execute(EXPERT2, "escalation.close", { caseId });
    expect(refusal(close)).toBe(t.expert.takenByOther(EXPERT.name));
    expect(await stored(caseId)).toEqual(before);
  });

  it.each([
    ["empty", "  ", t.expert.emptyAnswer],
    ["too long", "x".repeat(4001), t.expert.answerTooLong(4000)],
    ["with a personnummer", "Fråga om 19900101-0017 hos kommunen.", t.expert.answerPersonalNumber],
  ])("an answer that is %s is refused and nothing is sent", async (_name, answer, message) => {
    const before = await stored(caseId);
    const sent = personalTo(ASKER).length;
    const res = await execute(EXPERT, "escalation.answer", { caseId, answer });
    expect(refusal(res)).toBe(message);
    expect(await stored(caseId)).toEqual(before);
    expect(personalTo(ASKER)).toHaveLength(sent);
  });

  it("answering in the card sends the answer to the asker's personal chat as a card with 👍/👎", async () => {
    const sent = personalTo(ASKER).length;
    const answer = "Tolkkostnaden bärs av den huvudman som kallar till SIP-mötet.";
    const res = await execute(EXPERT, "escalation.answer", { caseId, answer });
    expect(cardProblems(res.body.value)).toEqual([]);
    expect(JSON.stringify(res.body.value)).toContain(answer);
    expect(JSON.stringify(res.body.value)).toContain(t.caseCard.statuses.answered(EXPERT.name));
    expect(JSON.stringify(res.body.value)).toContain('"verb":"escalation.toKnowledgeBase"');
    expect(await stored(caseId)).toMatchObject({ status: "answered", answer, delivered: true });
    const toAsker = personalTo(ASKER).slice(sent);
    expect(toAsker).toHaveLength(1);
    const card = toAsker[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(toAsker[0].activity)).toContain(answer);
    expect(cardText(toAsker[0].activity)).toContain("Vem betalar tolk när en SIP hålls på distans?");
    expect(submitActions(card).map((a) => a.data)).toEqual([
      { action: "escalation.rate", caseId, vote: "up" },
      { action: "escalation.rate", caseId, vote: "down" },
    ]);
  });

  it("an answered case cannot be answered, taken or closed again", async () => {
    const before = await stored(caseId);
    for (const verb of ["escalation.answer", "escalation.take", "escalation.close"]) {
      const res = await execute(EXPERT, verb, { caseId, answer: "Nytt svar" });
      expect(refusal(res)).toBe(t.expert.alreadyDone("besvarad"));
    }
    expect(await stored(caseId)).toEqual(before);
  });

  it("only the asker rates the answer, once; the channel card shows the rating", async () => {
    const notYours = await press(OTHER, { action: "escalation.rate", caseId, vote: "down" });
    expect(notYours.replies.map((r) => r.text)).toEqual([t.answerCard.notYours]);
    expect((await stored(caseId)).rating).toBeUndefined();
    const updates = channelUpdates().length;
    const up = await press(ASKER, { action: "escalation.rate", caseId, vote: "up" });
    expect(up.replies.map((r) => r.text)).toEqual([t.answerCard.thanksUp]);
    expect((await stored(caseId)).rating).toBe("up");
    expect(cardText(channelUpdates().slice(updates)[0].activity)).toContain(t.caseCard.ratingUp);
    const again = await press(ASKER, { action: "escalation.rate", caseId, vote: "down" });
    expect(again.replies.map((r) => r.text)).toEqual([t.answerCard.alreadyRated]);
    expect((await stored(caseId)).rating).toBe("up");
    const bad = await press(ASKER, { action: "escalation.rate", caseId, vote: "sideways" });
    expect(bad.replies.map((r) => r.text)).toEqual([t.expert.badButton]);
  });

  it("from the answered case an expert gets the knowledge-base form prefilled: question as phrasing, answer as draft", async () => {
    const sent = personalTo(EXPERT).length;
    const res = await execute(EXPERT, "escalation.toKnowledgeBase", { caseId });
    expect(JSON.stringify(res.body.value)).toContain(t.expert.kbFormSent);
    const form = personalTo(EXPERT).slice(sent);
    expect(form).toHaveLength(1);
    const card = form[0].activity.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain("Vem betalar tolk när en SIP hålls på distans?");
    expect(json).toContain("Tolkkostnaden bärs av den huvudman som kallar till SIP-mötet.");
    expect(json).toContain('"action":"admin.preview"');
    // The same form from the review queue in personal chat (Action.Submit).
    const fromQueue = await press(EXPERT, { action: "escalation.kbForm", caseId });
    expect(JSON.stringify(fromQueue.replies[0].attachments[0].content)).toContain('"action":"admin.preview"');
    const refused = await press(OTHER, { action: "escalation.kbForm", caseId });
    expect(refused.replies.map((r) => r.text)).toEqual([t.expert.notExpert]);
  });

  it("closing a case tells the asker; a closed case stays closed", async () => {
    const c = await ask("Hur ofta ska länsgemensamma rutiner revideras om ingen begär det?");
    const sent = personalTo(ASKER).length;
    const res = await execute(EXPERT2, "escalation.close", { caseId: c.id });
    expect(JSON.stringify(res.body.value)).toContain(t.caseCard.statuses.closed(EXPERT2.name));
    expect(await stored(c.id)).toMatchObject({ status: "closed", closedBy: { name: EXPERT2.name } });
    expect(
      personalTo(ASKER)
        .slice(sent)
        .map((s) => s.activity.text),
    ).toEqual([t.answerCard.closedNotice(c.ref)]);
    const again = await execute(EXPERT, "escalation.answer", { caseId: c.id, answer: "Sent svar" });
    expect(refusal(again)).toBe(t.expert.alreadyDone("stängd"));
    expect((await stored(c.id)).status).toBe("closed");
  });

  it("two experts taking the same case at once: one wins, the other sees the current card or a message", async () => {
    const c = await ask("Vem följer upp att SIP-mål nås för personer i eget boende?");
    const [a, b] = await Promise.all([
      execute(EXPERT, "escalation.take", { caseId: c.id }),
      execute(EXPERT2, "escalation.take", { caseId: c.id }),
    ]);
    const doc = await stored(c.id);
    expect(doc.status).toBe("taken");
    const winner = doc.assignee!.name === EXPERT.name ? a : b;
    expect(JSON.stringify(winner.body.value)).toContain(t.caseCard.statuses.taken(doc.assignee!.name));
    const loser = winner === a ? b : a;
    const said = JSON.stringify(loser.body);
    expect(said.includes(t.expert.conflict) || said.includes(t.expert.takenByOther(doc.assignee!.name))).toBe(true);
  });

  it("`expertfrågor` lists the open cases and their age in working days, for experts only", async () => {
    clock.set("2026-12-09T12:00:00.000Z"); // Wednesday: two full working days after Monday
    const res = await say(EXPERT, "expertfrågor");
    expect(cardProblems(res.replies[0].attachments[0].content)).toEqual([]);
    const text = cardText(res.replies[0]);
    expect(text).toContain("Vem följer upp att SIP-mål nås för personer i eget boende?");
    expect(text).toContain("1 arbetsdag");
    expect(text).not.toContain("Vem betalar tolk när en SIP hålls på distans?");
    expect((await say(ASKER, "expertfrågor")).replies.map((r) => r.text)).toEqual([t.expert.notExpert]);
  });

  it("`granska` shows the cases next to 👎 and declines; an answered case can be dismissed from it", async () => {
    const res = await say(EXPERT, "granska");
    expect(res.replies.length).toBe(2);
    const cases = res.replies[1];
    expect(cardProblems(cases.attachments[0].content)).toEqual([]);
    expect(cardText(cases)).toContain("Vem betalar tolk när en SIP hålls på distans?");
    const buttons = submitActions(cases.attachments[0].content);
    expect(buttons.map((b) => b.data)).toEqual(expect.arrayContaining([{ action: "escalation.dismiss", caseId }]));
    const dismissed = await press(EXPERT, { action: "escalation.dismiss", caseId });
    expect(dismissed.replies.map((r) => r.text)).toEqual([t.list.dismissed]);
    expect((await stored(caseId)).reviewed).toBe(true);
    expect(cardText((await say(EXPERT, "granska")).replies[1] ?? {})).not.toContain(
      "Vem betalar tolk när en SIP hålls på distans?",
    );
    const refused = await press(ASKER, { action: "escalation.dismiss", caseId });
    expect(refused.replies.map((r) => r.text)).toEqual([t.expert.notExpert]);
  });

  it("an unanswered case is reminded in the channel once, after the configured working days; an answered one is not", async () => {
    clock.set("2026-12-07T09:00:00.000Z");
    const open = await ask("Vilken huvudman ansvarar för boendestöd efter utskrivning?");
    const answered = await ask("Vem kallar till SIP när personen bor på HVB i annan kommun?");
    await execute(EXPERT, "escalation.answer", { caseId: answered.id, answer: "Placerande kommun kallar." });
    const reminders = () => channelPosts().filter((s) => cardText(s.activity).includes("Påminnelse: frågan"));
    const before = reminders().length;
    clock.set("2026-12-10T07:59:00.000Z"); // one minute before Thursday 09:00
    await app.scheduler.tick();
    expect(reminders()).toHaveLength(before);
    clock.set("2026-12-10T08:00:30.000Z");
    await app.scheduler.tick();
    await app.scheduler.tick();
    clock.set("2026-12-11T08:00:30.000Z");
    await app.scheduler.tick();
    const sent = reminders().slice(before);
    const mine = sent.filter((s) => cardText(s.activity).includes(open.question));
    expect(mine).toHaveLength(1);
    expect(cardText(mine[0].activity)).toContain(t.reminder.text(open.ref, 2));
    expect(cardProblems(mine[0].activity.attachments[0].content)).toEqual([]);
    expect(sent.filter((s) => cardText(s.activity).includes(answered.question))).toEqual([]);
    const [job] = (await app.jobs.jobsOfMeeting(answered.id)).filter((j) => j.id === reminderJobId(answered.id));
    expect(job.status).toBe("cancelled");
  });

  it("asking again within a second does not merge cases; each has its own reference", async () => {
    const a = await ask("Vem ansvarar för hjälpmedel i hemmet vid psykisk ohälsa?");
    const b = await ask("Vem ansvarar för hjälpmedel i hemmet vid psykisk ohälsa?");
    expect(a.ref).not.toBe(b.ref);
  });
});
