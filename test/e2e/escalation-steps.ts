import { join } from "node:path";
import type { App } from "../../bot/app";
import { escalationText } from "../../core/strings";
import { PLAYGROUND_IDS } from "../../scripts/playground";
import { CardForm } from "./card-form";
import { ChannelPage } from "./channel-page";
import { oneLine, type Bubble, type ChatPage } from "./chat-page";
import type { Step } from "./step-runner";

// "Fråga Välfärd" as people use it in the playground: Välfärd links its expert channel, the asker gets a
// decline and sends the question from its button, an expert answers in the channel card (Action.Execute),
// and the asker gets the answer in personal chat and rates it. The playground user is both asker and
// expert (an admin, see run.ts); each step also checks what was stored.

const t = escalationText;
const PERSONAL_CHAT = "Personal Chat";
const CHANNEL = "Samverkan vuxna (test) - VuS";
/** Not in the agreement: the bot declines it and offers to ask Välfärd. */
const QUESTION = "Hur ansöker jag om bostadsbidrag?";
const ANSWER = "Bostadsbidrag söks hos Försäkringskassan; överenskommelsen reglerar det inte.";

export interface EscalationStepsDeps {
  chat: ChatPage;
  app: App;
  botName: string;
  artifactsDir: string;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const isCardWith = (text: string) => (b: Bubble) => b.fromBot && b.hasCard && b.text.includes(text);

async function click(chat: ChatPage, bubble: Bubble, title: string): Promise<void> {
  const errors = await chat.clickCardButton(bubble, title);
  if (errors.length > 0) throw new Error(`clicking "${title}" raised an error in the page: ${errors.join("; ")}`);
}

export function escalationSteps({ chat, app, botName, artifactsDir }: EscalationStepsDeps): Step[] {
  const channel = new ChannelPage(chat.page, botName);
  let caseId: string | undefined;
  const needCase = async () => {
    expect(Boolean(caseId), "no case (an earlier step failed)");
    return (await app.escalation.store.get(caseId!))!.doc;
  };

  return [
    {
      name: "Välfärd: koppla expertkanal: an @mention in a channel makes it Välfärd's expert channel",
      async run() {
        await channel.open(CHANNEL);
        await channel.postToBot("koppla expertkanal");
        await channel.waitForText(t.channel.linked, `the reply "${t.channel.linked}"`);
        const linked = await app.escalation.store.expertChannel();
        expect(
          linked?.conversationId === PLAYGROUND_IDS.channelId,
          `the expert channel is "${linked?.conversationId}", expected "${PLAYGROUND_IDS.channelId}"`,
        );
      },
    },
    {
      name: `Välfärd: a decline offers "${t.askButton}"; its form warns about patient details and sends the question`,
      async run() {
        await channel.open(PERSONAL_CHAT);
        expect(app.knowledge.engine.ask(QUESTION).outcome === "decline", `"${QUESTION}" is no longer declined`);
        const mine = await chat.send(QUESTION);
        const decline = await chat.waitFor(mine.index + 1, isCardWith("Välfärd"), "the decline card");
        expect(
          decline.buttons.includes(t.askButton),
          `the decline card has no "${t.askButton}" button; buttons: ${decline.buttons.join(", ")}`,
        );
        let since = (await chat.bubbles()).length;
        await click(chat, decline, t.askButton);
        const form = await chat.waitFor(since, isCardWith(t.form.warning), "the form with the warning");
        expect(
          form.text.includes(QUESTION) || (await formValue(chat, form)) === QUESTION,
          "the form lacks the question",
        );
        await chat.screenshotCard(form, join(artifactsDir, "card-escalation-form.png"));
        since = (await chat.bubbles()).length;
        await click(chat, form, t.form.submit);
        const sent = await chat.waitFor(
          since,
          (b) => b.fromBot && b.text.includes("är skickad till Välfärd"),
          "the confirmation",
        );
        const open = await app.escalation.store.withStatus(["open"]);
        const created = open.find((c) => c.question === QUESTION);
        expect(Boolean(created), `no open case for the question; the bot said: ${oneLine(sent.text)}`);
        caseId = created!.id;
        expect(sent.text.includes(created!.ref), `the confirmation does not name ${created!.ref}`);
      },
    },
    {
      name: "Välfärd: the expert channel shows the case; answering in its card updates it in place",
      async run() {
        const c = await needCase();
        await channel.open(CHANNEL);
        const heading = t.caseCard.heading(c.ref);
        const card = await channel.waitForCard([heading, QUESTION], `the case card ("${heading}")`);
        const text = await card.innerText();
        expect(text.includes(c.asker!.name), `the case card does not name the asker "${c.asker!.name}"`);
        expect(text.includes(c.botAnswer), `the case card does not show what the bot answered ("${c.botAnswer}")`);
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: join(artifactsDir, "card-escalation-case.png") });
        // The playground re-renders a channel post when the pointer first moves over it (its hover
        // toolbar), which replaces the card's inputs with fresh, empty ones: hover first, then type.
        const send = card.getByRole("button", { name: t.caseCard.send, exact: true });
        await send.hover();
        const input = await new CardForm(chat.page, card).input(t.caseCard.answerLabel);
        await input.fill(ANSWER);
        const typed = await input.inputValue();
        expect(typed === ANSWER, `the answer box holds "${typed}" after typing`);
        await send.click();
        const answered = t.caseCard.statuses.answered(c.asker!.name);
        const updated = await channel.waitForCard([heading, answered], `the case card to show "${answered}"`);
        await updated.screenshot({ path: join(artifactsDir, "card-escalation-answered.png") });
        const after = await needCase();
        expect(
          after.status === "answered" && after.answer === ANSWER,
          `the case is ${after.status}, answer "${after.answer}"`,
        );
      },
    },
    {
      name: "Välfärd: the asker gets the answer in personal chat and rates it 👍",
      async run() {
        await channel.open(PERSONAL_CHAT);
        const card = await chat.waitFor(0, isCardWith(ANSWER), `the answer card ("${t.answerCard.heading}")`);
        expect(card.text.includes(t.answerCard.heading), "the answer card has no heading");
        await chat.screenshotCard(card, join(artifactsDir, "card-escalation-answer.png"));
        const since = (await chat.bubbles()).length;
        await click(chat, card, t.answerCard.up);
        await chat.waitFor(since, (b) => b.fromBot && b.text.includes(t.answerCard.thanksUp), "the thanks");
        expect((await needCase()).rating === "up", "the rating was not stored");
      },
    },
  ];
}

/** The value of the form's question input (the playground renders a prefilled textarea). */
async function formValue(chat: ChatPage, bubble: Bubble): Promise<string> {
  const form = await chat.form(bubble);
  return (await form.input(t.form.questionLabel)).inputValue();
}
