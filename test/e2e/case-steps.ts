import { join } from "node:path";
import type { App } from "../../bot/app";
import { casesText } from "../../core/strings";
import type { ManualClock } from "../../core/clock";
import { PLAYGROUND_IDS } from "../../scripts/playground";
import { oneLine, type Bubble, type ChatPage } from "./chat-page";
import type { Step } from "./step-runner";

// A samverkansärende through its whole path in the playground, as one person who is member of staff,
// coordinator of their VuS group and admin at Välfärd (the playground has one user): raise it with the
// form (reminded of the managers-first step), get it as coordinator, lift it to Välfärd, record the
// regional outcome, and be told as the reporter at each step. Then the yearly follow-up card with its
// chart images, which must load in the page. Runs after meetingSteps (the user is in VuS Västerås).

const ct = casesText;
const GROUP = { id: "vasteras", name: "Västerås" };
const DESCRIPTION = "Oenighet om vem som ansvarar för boendestöd efter utskrivning (e2e).";
const PARTIES = "Socialtjänsten Västerås, vuxenpsykiatrin";
const DECISION_TEXT = "Principiell fråga som berör hela länet.";
const OUTCOME = "Chefsforum tar fram en gemensam tolkning.";

export interface CaseStepsDeps {
  chat: ChatPage;
  app: App;
  clock: ManualClock;
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

async function waitForUpdate(chat: ChatPage, index: number, text: string, what: string): Promise<Bubble> {
  return chat.waitFor(index, (b) => b.index === index && b.text.includes(text), what);
}

export function caseSteps({ chat, app, clock, artifactsDir }: CaseStepsDeps): Step[] {
  const aad = PLAYGROUND_IDS.userAadObjectId;
  let caseId: string | undefined;
  let coordinatorCard: Bubble | undefined;
  let adminCard: Bubble | undefined;
  const closeUp = (bubble: Bubble, name: string) => chat.screenshotCard(bubble, join(artifactsDir, `card-${name}.png`));
  const current = async () => {
    if (!caseId) throw new Error("no case (an earlier step failed)");
    const c = await app.cases.store.read(GROUP.id, caseId);
    if (!c) throw new Error(`case ${caseId} is not stored`);
    return c.doc;
  };
  /** Runs the scheduler once, as the background timer would: the case's notice jobs are due at once. */
  const tick = async () => {
    clock.advance(1_000);
    await app.scheduler.tick();
  };

  return [
    {
      name: "nytt ärende: raise a case with the form, reminded that managers try first",
      async run() {
        // The playground's only user coordinates VuS Västerås, so the case comes back to them.
        const member = await app.vus.member(GROUP.id, aad);
        expect(Boolean(member), "the user is not a member of VuS Västerås (the meeting steps failed?)");
        await app.vus.replaceMember({ ...member!.doc, role: "coordinator" }, member!.etag);

        const mine = await chat.send("nytt ärende");
        const card = await chat.waitFor(
          mine.index + 1,
          isCardWith(ct.form.title),
          `the case form ("${ct.form.title}")`,
        );
        expect(card.text.includes(ct.form.privacy), "the form does not warn against personal data");
        const form = await chat.form(card);
        await form.choose(ct.form.kindLabel, ct.kindLabels.tvist);
        await form.fill(ct.form.descriptionLabel, DESCRIPTION);
        await form.fill(ct.form.partiesLabel, PARTIES);
        await form.check(ct.form.managersLabel, ct.form.managersNo);
        await closeUp(card, "case-form");
        await click(chat, card, ct.form.submit);
        const reminded = await waitForUpdate(
          chat,
          card.index,
          ct.form.submitAnyway,
          `the "${ct.form.submitAnyway}" button`,
        );
        expect(reminded.text.includes("i första hand ska lösas mellan ansvariga chefer"), "no managers-first reminder");
        expect((await app.cases.store.all()).length === 0, "a case was stored before 'Skicka ändå'");
        await click(chat, reminded, ct.form.submitAnyway);
        const done = await waitForUpdate(
          chat,
          card.index,
          ct.card.received(GROUP.name),
          "the case card with the receipt",
        );
        await closeUp(done, "case-raised");
        const stored = await app.cases.store.all();
        expect(stored.length === 1, `expected one stored case, found ${stored.length}`);
        expect(
          stored[0].description === DESCRIPTION && stored[0].kind === "tvist" && stored[0].groupId === GROUP.id,
          `the stored case differs from the form: ${JSON.stringify({ ...stored[0], reporter: undefined })}`,
        );
        caseId = stored[0].id;
      },
    },
    {
      name: "the coordinator gets the case and lifts it to Välfärd",
      async run() {
        const c = await current();
        const since = (await chat.bubbles()).length;
        await tick();
        coordinatorCard = await chat.waitFor(
          since,
          isCardWith(ct.notices.toCoordinator(c.id, GROUP.name)),
          "the case card for the coordinator",
        );
        expect(coordinatorCard.buttons.includes(ct.card.decide), `no "${ct.card.decide}" button`);
        const form = await chat.form(coordinatorCard);
        await form.check(ct.card.decisionLabel, ct.decisionLabels.lifted);
        await form.fill(ct.card.decisionTextLabel, DECISION_TEXT);
        await closeUp(coordinatorCard, "case-coordinator");
        await click(chat, coordinatorCard, ct.card.decide);
        const updated = await waitForUpdate(chat, coordinatorCard.index, ct.outcomes.decided(c.id), "the decided card");
        expect(!updated.buttons.includes(ct.card.decide), "the decided card still offers a decision");
        expect((await current()).status === "lifted", "the case was not stored as lifted");
      },
    },
    {
      name: "the reporter is told, and Välfärd records the forum and outcome",
      async run() {
        const c = await current();
        const since = (await chat.bubbles()).length;
        await tick();
        await chat.waitFor(since, isCardWith(ct.notices.decided.lifted(c.id, GROUP.name)), "the reporter's notice");
        adminCard = await chat.waitFor(since, isCardWith(ct.notices.toAdmin(c.id, GROUP.name)), "Välfärd's case card");
        const form = await chat.form(adminCard);
        await form.choose(ct.card.forumLabel, ct.forumLabels.chefsforum);
        await form.fill(ct.card.outcomeLabel, OUTCOME);
        await closeUp(adminCard, "case-admin");
        await click(chat, adminCard, ct.card.recordOutcome);
        await waitForUpdate(chat, adminCard.index, ct.outcomes.recorded(c.id), "the card with the recorded outcome");
        const stored = await current();
        expect(
          stored.regional?.forum === "chefsforum" && stored.regional.outcome === OUTCOME,
          `the outcome was not stored: ${JSON.stringify(stored.regional)}`,
        );
      },
    },
    {
      name: "the reporter is told the regional outcome",
      async run() {
        const c = await current();
        const since = (await chat.bubbles()).length;
        await tick();
        const told = await chat.waitFor(
          since,
          isCardWith(ct.notices.outcome(c.id, ct.forumLabels.chefsforum)),
          "the reporter's notice of the outcome",
        );
        expect(told.text.includes(OUTCOME), `the notice does not show the outcome: ${oneLine(told.text)}`);
        await closeUp(told, "case-outcome");
      },
    },
    {
      name: "årsuppföljning: the yearly follow-up card shows its three charts",
      async run() {
        const year = clock.now().getUTCFullYear();
        const mine = await chat.send(`årsuppföljning ${year}`);
        const card = await chat.waitFor(mine.index + 1, isCardWith(ct.followup.title(year)), "the follow-up card");
        expect(card.text.includes(ct.followup.i3aTitle), "the card has no 3a section");
        const images = chat.page.locator(`[data-e2e-bubble="${card.index}"] img`);
        const deadline = Date.now() + 20_000;
        let loaded = 0;
        for (;;) {
          loaded = await images.evaluateAll(
            (els) =>
              (els as unknown as { complete: boolean; naturalWidth: number }[]).filter(
                (i) => i.complete && i.naturalWidth > 0,
              ).length,
          );
          if (loaded >= 3 || Date.now() > deadline) break;
          await chat.page.waitForTimeout(250);
        }
        expect(loaded >= 3, `only ${loaded} of the three chart images loaded in the page`);
        await closeUp(card, "followup");
        // The card is taller than the chat pane: each chart on its own as well, as the page shows it.
        for (let i = 0; i < 3; i++) {
          await images.nth(i).scrollIntoViewIfNeeded();
          await images.nth(i).screenshot({ path: join(artifactsDir, `card-followup-chart-${i + 1}.png`) });
        }
      },
    },
  ];
}
