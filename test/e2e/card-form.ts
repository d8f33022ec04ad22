import type { DateTime } from "luxon";
import type { Locator, Page } from "playwright-core";

// Fills in an Adaptive Card's inputs the way a person does in the Agents Playground. Its renderer uses
// Fluent UI controls, not the plain HTML ones of the adaptivecards package, so:
// - a compact Input.ChoiceSet is a combobox whose options open in a popup outside the card;
// - an expanded Input.ChoiceSet is a radio group;
// - Input.Date is a read-only date picker: a calendar popup with English day labels ("11, December, 2026"),
//   no typing; Input.Time is a combobox of half-hour options ("13:00").
// Inputs are found through the card's visible <label for=…>, which is what a person reads.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const POPUP_TIMEOUT_MS = 5_000;

export class CardForm {
  constructor(
    private readonly page: Page,
    readonly card: Locator,
  ) {}

  /** The input a label names; `nth` tells apart inputs that share a label (0 = first). */
  async input(label: string, nth = 0): Promise<Locator> {
    const labels = this.card.locator("label").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}`) });
    const count = await labels.count();
    if (count <= nth)
      throw new Error(
        `the card has no input labelled "${label}"${nth ? ` (#${nth + 1})` : ""}; labels: ${(await this.card.locator("label").allInnerTexts()).join(" | ")}`,
      );
    const id = await labels.nth(nth).getAttribute("for");
    if (!id) throw new Error(`the label "${label}" points at no input`);
    return this.card.locator(`[id="${id}"]`);
  }

  async fill(label: string, text: string): Promise<void> {
    await (await this.input(label)).fill(text);
  }

  /** Opens a combobox (compact choice set, time picker) and clicks the option with this title. */
  async choose(label: string, option: string, nth = 0): Promise<void> {
    await (await this.input(label, nth)).click();
    const listbox = this.page.getByRole("listbox").last();
    const choice = listbox.getByRole("option", { name: option, exact: true });
    try {
      await choice.click({ timeout: POPUP_TIMEOUT_MS });
    } catch {
      const offered = await listbox
        .getByRole("option")
        .allInnerTexts()
        .catch(() => []);
      throw new Error(
        `"${label}" offers no option "${option}"; options: ${offered.join(" | ") || "none (the list did not open)"}`,
      );
    }
  }

  /** Clicks a radio button of an expanded choice set. */
  async check(label: string, option: string, nth = 0): Promise<void> {
    const group = await this.input(label, nth);
    const radio = group.getByRole("radio", { name: option, exact: true });
    if ((await radio.count()) === 0) {
      // The label may name the group's container rather than the radio group itself.
      const near = group.locator("xpath=..").getByRole("radio", { name: option, exact: true });
      if ((await near.count()) === 0) throw new Error(`"${label}" has no choice "${option}"`);
      await near.first().check();
      return;
    }
    await radio.first().check();
  }

  /** The titles of the checked radio buttons, in card order. */
  async checkedRadios(): Promise<string[]> {
    const radios = this.card.getByRole("radio", { checked: true });
    const titles: string[] = [];
    for (let i = 0; i < (await radios.count()); i++) {
      const id = await radios.nth(i).getAttribute("id");
      const label = id ? this.card.locator(`label[for="${id}"]`) : undefined;
      titles.push(
        label && (await label.count())
          ? (await label.first().innerText()).trim()
          : ((await radios.nth(i).getAttribute("aria-label")) ?? "?"),
      );
    }
    return titles;
  }

  /** Picks a day in the date picker's calendar, stepping forward a month at a time when needed. */
  async pickDate(label: string, date: DateTime): Promise<void> {
    await (await this.input(label)).click();
    const calendar = this.page.getByRole("dialog", { name: "Calendar" }).last();
    await calendar.waitFor({ timeout: POPUP_TIMEOUT_MS });
    const day = calendar.getByRole("button", { name: date.setLocale("en").toFormat("d, LLLL, yyyy"), exact: true });
    for (let step = 0; step < 12 && (await day.count()) === 0; step++)
      await calendar.locator('button[title^="Next month"]').click();
    await day.first().click();
  }
}
