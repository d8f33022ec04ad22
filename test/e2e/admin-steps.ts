import { join } from "node:path";
import type { App } from "../../bot/app";
import { adminText, qaText } from "../../core/strings";
import type { KnowledgeEntryDoc } from "../../data/kb/knowledge-docs";
import type { KbEntry } from "../../data/kb/schema";
import { oneLine, type Bubble, type ChatPage } from "./chat-page";
import type { Step } from "./step-runner";

// Editing the knowledge base as an admin does in the playground: the playground user is an
// admin through ADMIN_AAD_OBJECT_IDS (run.ts). `admin` → search → open → edit the answer in the card
// form → preview → publish → the same question now gets the new answer, and `historik <id>` lists the
// new version. Runs last: it changes an answer the earlier steps might ask for.

const t = adminText;
/** A question the base answers confidently; the admin edits the entry that answers it. */
const QUESTION = "Vad betyder LVM?";
/** What the admin types into the search box (matches several entries; the right one is opened by title). */
const SEARCH = "LVM";

export interface AdminStepsDeps {
  chat: ChatPage;
  app: App;
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

async function storedEntry(app: App, id: string): Promise<KnowledgeEntryDoc | undefined> {
  return (await app.knowledgeStore.readEntries()).docs.find((d) => d.id === id);
}

export function adminSteps({ chat, app, artifactsDir }: AdminStepsDeps): Step[] {
  // Unique per run: the playground keeps its chat history, and an earlier run's answer must not pass.
  const marker = `Uppdaterad i e2e-test ${Date.now().toString(36)}.`;
  let entry: KbEntry | undefined;
  let searchCard: Bubble | undefined;
  let entryCard: Bubble | undefined;
  let publishCard: Bubble | undefined;
  let versionBefore = 0;
  const closeUp = (bubble: Bubble, name: string) => chat.screenshotCard(bubble, join(artifactsDir, `card-${name}.png`));
  const needEntry = (): KbEntry => {
    if (!entry) throw new Error("no entry to edit (an earlier step failed)");
    return entry;
  };
  const needCard = (card: Bubble | undefined, what: string): Bubble => {
    if (!card) throw new Error(`no ${what} (an earlier step failed)`);
    return card;
  };

  return [
    {
      name: "admin: the admin card searches the knowledge base",
      async run() {
        const result = app.knowledge.engine.ask(QUESTION);
        expect(
          result.outcome === "answer",
          `"${QUESTION}" is not answered confidently (${result.outcome}); pick another question`,
        );
        entry = (result as { entry: KbEntry }).entry;
        expect(!entry.answer.includes(marker), "the answer already has this run's marker");
        versionBefore = (await storedEntry(app, entry.id))?.version ?? 0;
        expect(versionBefore > 0, `the entry ${entry.id} is not in the store`);

        const mine = await chat.send("admin");
        const home = await chat.waitFor(
          mine.index + 1,
          isCardWith(t.home.searchLabel),
          `the admin card ("${t.home.title}")`,
        );
        const form = await chat.form(home);
        await form.fill(t.home.searchLabel, SEARCH);
        const since = (await chat.bubbles()).length;
        await click(chat, home, t.home.searchButton);
        searchCard = await chat.waitFor(
          since,
          isCardWith(entry.title),
          `search results for "${SEARCH}" listing "${entry.title}"`,
        );
        expect(
          searchCard.buttons.includes(t.home.open),
          `the results have no "${t.home.open}" button; buttons: ${searchCard.buttons.join(", ")}`,
        );
        await closeUp(searchCard, "admin-search");
      },
    },
    {
      name: "admin: opening a result shows the entry",
      async run() {
        const e = needEntry();
        const results = needCard(searchCard, "search results");
        const form = await chat.form(results);
        // Each result is a ColumnSet row with its title and its own "Öppna" button. The playground's
        // renderer draws a ColumnSet as nested .ac-container elements (no ac-columnSet class): the row is
        // the one container that holds both the exact title and a button.
        const open = chat.page.getByRole("button", { name: t.home.open, exact: true });
        const row = form.card
          .locator(".ac-container")
          .filter({ has: chat.page.getByText(e.title, { exact: true }) })
          .filter({ has: open });
        expect((await row.count()) === 1, `no result row titled "${e.title}" on the results card`);
        const since = (await chat.bubbles()).length;
        const errorsBefore = chat.pageErrors.length;
        await row.locator(open).click();
        await chat.page.waitForTimeout(250);
        const errors = chat.pageErrors.slice(errorsBefore);
        expect(errors.length === 0, `clicking "${t.home.open}" raised an error in the page: ${errors.join("; ")}`);
        entryCard = await chat.waitFor(
          since,
          (b) => isCardWith(e.title)(b) && b.buttons.includes(t.entry.edit),
          `the entry card of "${e.title}" with "${t.entry.edit}"`,
        );
        expect(
          entryCard.text.includes(e.id),
          `the entry card does not show the id ${e.id}: ${oneLine(entryCard.text, 300)}`,
        );
        await closeUp(entryCard, "admin-entry");
      },
    },
    {
      name: "admin: the edit form takes a new answer and previews it",
      async run() {
        const e = needEntry();
        const since = (await chat.bubbles()).length;
        await click(chat, needCard(entryCard, "entry card"), t.entry.edit);
        const formCard = await chat.waitFor(
          since,
          isCardWith(t.form.editTitle(e.title)),
          `the edit form ("${t.form.editTitle(e.title)}")`,
        );
        const form = await chat.form(formCard);
        const answer = await form.input(t.fieldLabels.answer);
        const current = await answer.inputValue();
        expect(
          current.trim() === e.answer.trim(),
          `the form's "${t.fieldLabels.answer}" is not the entry's answer: ${oneLine(current)}`,
        );
        await answer.fill(`${current.trim()} ${marker}`);
        await closeUp(formCard, "admin-form");
        const before = (await chat.bubbles()).length;
        await click(chat, formCard, t.form.preview);
        // The edit is appended to the answer, so on the phone layout it sits behind "Visa mer".
        const preview = await chat.expand(
          await chat.waitFor(before, isCardWith(`${qaText.sourceLabel}:`), "the preview (an answer card)"),
          qaText.showMore,
        );
        expect(
          preview.text.includes(marker),
          `the preview does not show the new answer: ${oneLine(preview.text, 400)}`,
        );
        publishCard = await chat.waitFor(
          before,
          isCardWith(t.publish.title),
          `the publish card ("${t.publish.title}")`,
        );
        const changes = `${t.publish.changesTitle}: ${t.fieldShort.answer}`;
        expect(
          publishCard.text.includes(changes),
          `the publish card does not say "${changes}": ${oneLine(publishCard.text, 300)}`,
        );
        await closeUp(preview, "admin-preview");
        await closeUp(publishCard, "admin-publish");
      },
    },
    {
      name: `admin: "${t.publish.publish}" publishes the new version`,
      async run() {
        const e = needEntry();
        const since = (await chat.bubbles()).length;
        await click(chat, needCard(publishCard, "publish card"), t.publish.publish);
        const done = t.publish.done(e.title, versionBefore + 1);
        const reply = await chat.waitFor(since, (b) => b.fromBot, `the reply "${done}"`);
        expect(reply.text.includes(done), `expected "${done}"; the bot said: ${oneLine(reply.text, 300)}`);
        const stored = await storedEntry(app, e.id);
        expect(
          stored?.version === versionBefore + 1 && stored.entry.answer.includes(marker),
          `the stored entry is version ${stored?.version} without the marker: ${oneLine(stored?.entry.answer ?? "(no entry)")}`,
        );
      },
    },
    {
      name: "admin: the same question now gets the new answer",
      async run() {
        const mine = await chat.send(QUESTION);
        const answer = await chat.expand(
          await chat.waitFor(mine.index + 1, isCardWith(`${qaText.sourceLabel}:`), `an answer card for "${QUESTION}"`),
          qaText.showMore,
        );
        expect(
          answer.text.includes(marker),
          `the answer card does not have the published change "${marker}": ${oneLine(answer.text, 400)}`,
        );
        await closeUp(answer, "admin-new-answer");
      },
    },
    {
      name: "admin: historik lists the new version",
      async run() {
        const e = needEntry();
        const mine = await chat.send(`historik ${e.id}`);
        const card = await chat.waitFor(
          mine.index + 1,
          isCardWith(t.history.title(e.title)),
          `the history card ("${t.history.title(e.title)}")`,
        );
        const version = `Version ${versionBefore + 1} · `;
        const line = card.text.split("\n").find((l) => l.startsWith(version));
        expect(Boolean(line), `the history card has no "${version}…" line: ${oneLine(card.text, 400)}`);
        expect(
          line!.includes(t.actionLabels.edited),
          `version ${versionBefore + 1} is not "${t.actionLabels.edited}": ${line}`,
        );
        const changed = t.history.changed(t.fieldShort.answer);
        expect(card.text.includes(changed), `the history card does not say "${changed}": ${oneLine(card.text, 400)}`);
        expect(
          card.buttons.includes(t.history.restore(versionBefore)),
          `the history card offers no "${t.history.restore(versionBefore)}"; buttons: ${card.buttons.join(", ")}`,
        );
        await closeUp(card, "admin-history");
      },
    },
  ];
}
