import type { Locator, Page } from "playwright-core";

// The playground's Teams channel view: posts with reply threads instead of chat bubbles, and a bot
// that only hears messages that @mention it. Cards are found by what they show, since channel posts
// carry none of the chat's message-header labels.

const EDITOR = "[data-lexical-editor=true][role=textbox]";
const TIMEOUT_MS = 20_000;

export class ChannelPage {
  constructor(
    private readonly page: Page,
    private readonly botName: string,
  ) {}

  /** Opens a conversation from the left rail: "Personal Chat", or "<team> - <channel>". */
  async open(name: string): Promise<void> {
    await this.page.getByRole("treeitem", { name, exact: true }).click();
    await this.page.locator(EDITOR).first().waitFor({ state: "visible", timeout: TIMEOUT_MS });
  }

  /** Starts a new post that @mentions the bot (picked from the mention list, as a person does). */
  async postToBot(text: string): Promise<void> {
    await this.page.locator(EDITOR).first().click();
    await this.page.keyboard.type(`@${this.botName.slice(0, 4)}`);
    await this.page.locator("[role=menuitem]").filter({ hasText: this.botName }).last().click({ timeout: 5_000 });
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole("button", { name: "Post", exact: true }).click();
  }

  /** Waits for visible text anywhere in the channel (a bot's reply in the post's thread). */
  async waitForText(text: string, what: string): Promise<void> {
    try {
      await this.page.getByText(text, { exact: false }).last().waitFor({ state: "visible", timeout: TIMEOUT_MS });
    } catch {
      throw new Error(`expected ${what} in the channel within ${TIMEOUT_MS / 1000} s`);
    }
  }

  /** The last card showing all of `texts`. */
  card(texts: string[]): Locator {
    let cards = this.page.locator(".ac-adaptiveCard");
    for (const t of texts) cards = cards.filter({ hasText: t });
    return cards.last();
  }

  async waitForCard(texts: string[], what: string): Promise<Locator> {
    const card = this.card(texts);
    try {
      await card.waitFor({ state: "visible", timeout: TIMEOUT_MS });
    } catch {
      const shown = await this.page.locator(".ac-adaptiveCard").allInnerTexts();
      throw new Error(
        `expected ${what} within ${TIMEOUT_MS / 1000} s; cards in the channel: ${shown.map((s) => s.replace(/\s+/g, " ").slice(0, 80)).join(" | ") || "none"}`,
      );
    }
    return card;
  }
}
