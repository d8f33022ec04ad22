import type { Locator, Page } from "playwright-core";
import { CardForm } from "./card-form";

// Drives the Agents Playground's chat the way a person does: reads what is rendered, types into the
// compose box, clicks card buttons. The playground's CSS classes are generated hashes, so messages are
// found through its accessibility labels and the Adaptive Cards renderer's stable ac-* classes.

/** One rendered chat bubble. A bot activity with text and a card renders as two bubbles. */
export interface Bubble {
  index: number;
  fromBot: boolean;
  /** innerText of the whole bubble, card included. */
  text: string;
  hasCard: boolean;
  /** Titles of the card's buttons, in order. */
  buttons: string[];
}

const HEADER = '[aria-label="Message header"]';
const AUTHOR = '[aria-label="Message author"]';
const BUBBLE_ATTR = "data-e2e-bubble";
const COMPOSE_BOX = "[data-lexical-editor=true][role=textbox]";

/** The few DOM members used inside page.evaluate (the project compiles without the DOM lib). */
interface El {
  parentElement: El | null;
  textContent: string | null;
  innerText: string;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
}

export interface CardLayout {
  width: number;
  height: number;
  /** Top of the first element with the asked-for text, from the card's top; undefined when not shown. */
  textTop?: number;
  clippedButtons: string[];
}

export const DEFAULT_REPLY_TIMEOUT_MS = 20_000;

export class ChatPage {
  /** Uncaught errors in the page's own scripts, newest last. */
  readonly pageErrors: string[] = [];

  constructor(
    readonly page: Page,
    private readonly botName: string,
  ) {
    page.on("pageerror", (e) => this.pageErrors.push(e.message));
  }

  /** Every bubble in order; also tags each bubble's root element so it can be located afterwards. */
  bubbles(): Promise<Bubble[]> {
    return this.page.evaluate(
      ({ HEADER, AUTHOR, BUBBLE_ATTR, botName }) => {
        const document = (globalThis as unknown as { document: El }).document;
        const headers = Array.from(document.querySelectorAll(HEADER));
        return headers.map((header, index) => {
          // The bubble is the largest ancestor that still holds only this one header.
          let root = header;
          while (root.parentElement && root.parentElement.querySelectorAll(HEADER).length === 1)
            root = root.parentElement;
          root.setAttribute(BUBBLE_ATTR, String(index));
          const authors = Array.from(root.querySelectorAll(AUTHOR)).map((a) => a.textContent?.trim());
          const card = root.querySelector(".ac-adaptiveCard");
          return {
            index,
            fromBot: authors.includes(botName),
            text: root.innerText,
            hasCard: Boolean(card),
            buttons: card
              ? Array.from(card.querySelectorAll("button")).map((b) => b.getAttribute("title") ?? b.innerText.trim())
              : [],
          };
        });
      },
      { HEADER, AUTHOR, BUBBLE_ATTR, botName: this.botName },
    );
  }

  /** Waits for the chat to show something (the page loads its history and the install greeting asynchronously). */
  async waitForComposeBox(timeoutMs = 30_000): Promise<void> {
    await this.page.locator(COMPOSE_BOX).first().waitFor({ state: "visible", timeout: timeoutMs });
  }

  /** Types into the compose box and presses Enter; resolves once the user's own bubble shows the text. */
  async send(text: string): Promise<Bubble> {
    const since = (await this.bubbles()).length;
    const box = this.page.locator(COMPOSE_BOX).first();
    await box.click();
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press("Enter");
    return this.waitFor(since, (b) => !b.fromBot && b.text.includes(text), `your message "${text}" in the chat`);
  }

  /** Clicks a button on the card in the given bubble; returns the page errors the click caused. */
  async clickCardButton(bubble: Bubble, title: string): Promise<string[]> {
    await this.bubbles(); // re-tag: React may have replaced the elements since
    const before = this.pageErrors.length;
    await this.buttonIn(bubble, title).click();
    await this.page.waitForTimeout(250); // a click handler's error surfaces asynchronously
    return this.pageErrors.slice(before);
  }

  private buttonIn(bubble: Bubble, title: string): Locator {
    return this.cardLocator(bubble).getByRole("button", { name: title, exact: true }).first();
  }

  private cardLocator(bubble: Bubble): Locator {
    return this.page.locator(`[${BUBBLE_ATTR}="${bubble.index}"] .ac-adaptiveCard`).first();
  }

  /** The card in a bubble, for filling in its inputs. */
  async form(bubble: Bubble): Promise<CardForm> {
    await this.bubbles(); // re-tag
    return new CardForm(this.page, this.cardLocator(bubble));
  }

  /**
   * Opens the hidden part of a card ("Visa mer" is an Action.ToggleVisibility, so nothing is sent) and
   * returns the bubble as rendered now; a card without the button is returned as it is.
   */
  async expand(bubble: Bubble, title: string): Promise<Bubble> {
    if (!bubble.buttons.includes(title)) return bubble;
    const errors = await this.clickCardButton(bubble, title);
    if (errors.length > 0) throw new Error(`clicking "${title}" raised an error in the page: ${errors.join("; ")}`);
    return (await this.bubble(bubble.index)) ?? bubble;
  }

  /**
   * Where a card sits on the screen: the card's box, the top of the first element showing `text`
   * (relative to the card's top), and the buttons whose label does not fit (clipped or past the card's edge).
   */
  async layout(bubble: Bubble, text: string): Promise<CardLayout> {
    await this.bubbles(); // re-tag
    const card = this.cardLocator(bubble);
    await card.scrollIntoViewIfNeeded();
    const cardBox = await card.boundingBox();
    if (!cardBox) throw new Error("the card is not rendered");
    const textBox = await card.getByText(text).first().boundingBox();
    const clippedButtons = await card.locator("button").evaluateAll(
      (buttons, right) =>
        (
          buttons as unknown as {
            title: string;
            innerText: string;
            scrollWidth: number;
            clientWidth: number;
            getBoundingClientRect(): { right: number };
          }[]
        )
          .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > right + 1)
          .map((b) => b.title || b.innerText.trim()),
      cardBox.x + cardBox.width,
    );
    return {
      width: cardBox.width,
      height: cardBox.height,
      textTop: textBox ? textBox.y - cardBox.y : undefined,
      clippedButtons,
    };
  }

  /** The bubble at `index` as it is rendered now (a card replaced by an invoke response keeps its place). */
  async bubble(index: number): Promise<Bubble | undefined> {
    return (await this.bubbles())[index];
  }

  /** Saves a picture of just the card, for looking at how it renders. */
  async screenshotCard(bubble: Bubble, path: string): Promise<void> {
    await this.bubbles();
    await this.cardLocator(bubble).screenshot({ path });
  }

  /**
   * Saves the viewport as the user sees it with the card's top scrolled to the top of the chat: on a
   * phone, the first screen of an answer.
   */
  async screenshotFirstScreen(bubble: Bubble, path: string): Promise<void> {
    await this.bubbles();
    await this.cardLocator(bubble).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await this.page.screenshot({ path });
  }

  /** The first bubble at or after `since` that matches; throws naming what was expected and what came. */
  async waitFor(
    since: number,
    match: (b: Bubble) => boolean,
    what: string,
    timeoutMs = DEFAULT_REPLY_TIMEOUT_MS,
  ): Promise<Bubble> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const all = await this.bubbles();
      const found = all.slice(since).find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = all.slice(since).map((b) => `${b.fromBot ? "bot" : "user"}: ${oneLine(b.text)}`);
        throw new Error(
          `expected ${what} within ${timeoutMs / 1000} s; new bubbles: ${seen.length ? seen.join(" | ") : "none"}`,
        );
      }
      await this.page.waitForTimeout(250);
    }
  }

  /** Gives late bubbles (e.g. a duplicate reply) time to arrive, then returns everything from `since`. */
  async settle(since: number, quietMs = 1_500): Promise<Bubble[]> {
    let count = -1;
    for (;;) {
      const all = await this.bubbles();
      if (all.length === count) return all.slice(since);
      count = all.length;
      await this.page.waitForTimeout(quietMs);
    }
  }
}

export function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
