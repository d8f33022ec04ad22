import { join } from "node:path";
import { qaText } from "../../core/strings";
import { oneLine, type Bubble, type ChatPage } from "./chat-page";
import type { Step } from "./step-runner";

// The same chat on a phone: the viewport narrowed to 360 × 740 CSS px (a common Android size), as a
// nurse reads the bot between visits. Each step leaves a viewport screenshot (phone-*.png) and asserts
// what the phone layout promises: the direct answer and its source on the first screen, no card wider
// than the screen, no button label clipped.

const PHONE = { width: 360, height: 740 };
/**
 * Teams on a 360 px phone gives a card the screen's width less its margins. The playground's chat does
 * not reflow below its desktop layout (its cards stay 446 px wide), so the cards are held to that width
 * with a style rule, and the Adaptive Cards renderer lays them out again at that width.
 */
const CARD_PX = 328;
const PHONE_CSS = `.ac-adaptiveCard { width: ${CARD_PX}px !important; max-width: ${CARD_PX}px !important; min-width: 0 !important; }`;
/** The playground's header and compose box take this much of the phone's height. */
const CHROME_PX = 140;
/** The example of an answer whose direct answer used to sit in the third sentence. */
const QUESTION = "Vem kallar till VuS-möten?";
/** Ranked close to a second entry, so the engine offers "Menade du…?" buttons. */
const SUGGEST_QUESTION = "kostnadsansvar vård";

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const fromBotWithCard = (b: Bubble) => b.fromBot && b.hasCard;

export function phoneSteps(chat: ChatPage, artifactsDir: string, log: (line: string) => void = console.log): Step[] {
  let current: Bubble | undefined;
  const shot = (name: string) => chat.screenshotCard(current!, join(artifactsDir, `phone-${name}.png`));

  async function cardFor(text: string, what: string): Promise<Bubble> {
    const mine = await chat.send(text);
    return chat.waitFor(mine.index + 1, fromBotWithCard, what);
  }

  async function fits(card: Bubble, name: string): Promise<void> {
    current = card;
    const layout = await chat.layout(card, card.buttons[0] ?? "");
    await shot(name);
    log(`      ${name}: card ${Math.round(layout.width)} × ${Math.round(layout.height)} px`);
    expect(
      layout.width <= CARD_PX,
      `the ${name} card is ${layout.width} px wide on a ${PHONE.width} px screen (${CARD_PX} px for the card)`,
    );
    expect(
      layout.clippedButtons.length === 0,
      `button labels that do not fit on the ${name} card: ${layout.clippedButtons.join(", ")}`,
    );
  }

  return [
    {
      name: `phone (${PHONE.width} px): the direct answer and its source are on the first screen`,
      async run() {
        await chat.page.setViewportSize(PHONE);
        await chat.page.addStyleTag({ content: PHONE_CSS });
        const answer = await cardFor(QUESTION, `an answer card for "${QUESTION}"`);
        const source = `${qaText.sourceLabel}:`;
        current = answer;
        const layout = await chat.layout(answer, source);
        await shot("answer");
        await chat.screenshotFirstScreen(answer, join(artifactsDir, "phone-first-screen.png"));
        log(
          `      answer card ${Math.round(layout.width)} × ${Math.round(layout.height)} px, "${source}" at ${Math.round(layout.textTop ?? -1)} px`,
        );
        expect(layout.textTop !== undefined, `the answer card shows no "${source}": ${oneLine(answer.text)}`);
        expect(
          layout.textTop! < PHONE.height - CHROME_PX,
          `"${source}" is ${Math.round(layout.textTop!)} px below the card's top: the answer does not fit the first screen`,
        );
        expect(layout.width <= CARD_PX, `the answer card is ${layout.width} px wide`);
        expect(
          layout.clippedButtons.length === 0,
          `button labels that do not fit: ${layout.clippedButtons.join(", ")}`,
        );
        const expanded = await chat.expand(answer, qaText.showMore);
        expect(expanded.text.length > answer.text.length, `"${qaText.showMore}" showed nothing more`);
        current = expanded;
        await shot("answer-expanded");
      },
    },
    {
      name: `phone: "${qaText.didYouMean}" buttons fit the screen`,
      async run() {
        const card = await cardFor(SUGGEST_QUESTION, `a card for "${SUGGEST_QUESTION}"`);
        expect(card.text.includes(qaText.didYouMean), `no "${qaText.didYouMean}" card: ${oneLine(card.text)}`);
        await fits(card, "did-you-mean");
      },
    },
    {
      name: "phone: hjälp, möten, gå med and admin fit the screen",
      async run() {
        await fits(await cardFor("hjälp", "the help card"), "help");
        await fits(await cardFor("möten", "the meetings card"), "meetings");
        await fits(await cardFor("gå med", "the join card"), "join");
        await fits(await cardFor("admin", "the admin card"), "admin");
      },
    },
  ];
}
