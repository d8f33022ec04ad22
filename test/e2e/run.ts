import { rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { createApp, type App } from "../../bot/app";
import { loadConfig } from "../../core/config";
import { createLogger } from "../../core/logger";
import { botText, qaText } from "../../core/strings";
import { PLAYGROUND_IDS, startPlayground, type RunningPlayground } from "../../scripts/playground";
import { REPO_ROOT } from "../../core/repo-root";
import { ChatPage, oneLine, type Bubble } from "./chat-page";
import { launchChromium } from "./chromium";
import { runSteps, type Step } from "./step-runner";
import { ManualClock } from "../../core/clock";
import { meetingSteps } from "./meeting-steps";
import { phoneSteps } from "./phone-steps";
import { adminSteps } from "./admin-steps";
import { caseSteps } from "./case-steps";
import { escalationSteps } from "./escalation-steps";

// `npm run test:e2e`: the bot (embedded store, in this process) and the Microsoft 365 Agents Playground
// on free ports, driven by headless Chromium as a person would use Teams. Screenshots of every step go
// to test/e2e/artifacts/ (gitignored). Exit code 1 when a step fails.
// Options: --json <file> writes {"passed","failed","skipped"} there (CI adds them to its totals);
// --only <text> runs only the steps whose name contains the text.

export const ARTIFACTS_DIR = join(REPO_ROOT, "test", "e2e", "artifacts");
const BOT_NAME = "Samverkansboten"; // bot.name in the playground config (scripts/playground.ts)
/** The whole run is killed after this, so CI never hangs on a stuck browser or child process. */
const WATCHDOG_MS = 5 * 60_000;

/** A question typed into the compose box (not one of the card's example buttons). */
const TYPED_QUESTION = "Hur ofta ska VuS-gruppen träffas?";
/** Ranked close to a second entry, so the engine answers with "Menade du…?" alternatives. */
const SUGGEST_QUESTION = "kostnadsansvar vård";
const THUMBS_UP = "👍";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/**
 * Card buttons carry plain Action.Submit data, not msteams imBack/messageBack: Agents Playground
 * 0.2.28 cannot submit the latter ("Cannot add property msTeams, object is not extensible"), so the
 * bot's cards avoid them and any page error on a click fails the step.
 */
async function click(chat: ChatPage, bubble: Bubble, title: string): Promise<void> {
  const errors = await chat.clickCardButton(bubble, title);
  if (errors.length > 0) throw new Error(`clicking "${title}" raised an error in the page: ${errors.join("; ")}`);
}

const isCardWith = (text: string) => (b: Bubble) => b.fromBot && b.hasCard && b.text.includes(text);

function qaSteps(chat: ChatPage): Step[] {
  let typedAnswer: Bubble | undefined;
  const sourceLine = `${qaText.sourceLabel}:`;

  return [
    {
      name: "welcome card after install",
      async run() {
        await chat.waitForComposeBox();
        await chat.waitFor(0, isCardWith(botText.welcome.title), `the welcome card ("${botText.welcome.title}")`);
        const all = await chat.settle(0);
        const welcomes = all.filter(isCardWith(botText.welcome.title));
        expect(
          welcomes.length === 1,
          `expected one welcome card, the chat shows ${welcomes.length} (the install was announced more than once?)`,
        );
        for (const q of botText.exampleQuestions)
          expect(
            welcomes[0].buttons.includes(q),
            `the welcome card lacks the example button "${q}"; buttons: ${welcomes[0].buttons.join(", ")}`,
          );
      },
    },
    {
      name: "hjälp shows the help card",
      async run() {
        const mine = await chat.send("hjälp");
        const help = await chat.waitFor(
          mine.index + 1,
          isCardWith(botText.help.commandsTitle),
          `the help card ("${botText.help.commandsTitle}")`,
        );
        // The playground user is an admin: every command's help line shows.
        // The playground drops "<id>"-like placeholders as unknown HTML, so the words before them are checked.
        for (const c of Object.values(botText.commandHelp)) {
          const words = c.title.split(" <")[0];
          expect(help.text.includes(words), `the help card lacks the command "${words}"`);
        }
      },
    },
    {
      name: "an example button on the welcome card sends its question",
      async run() {
        const question = botText.exampleQuestions[0];
        const welcome = (await chat.bubbles()).find(isCardWith(botText.welcome.title));
        expect(Boolean(welcome), "the welcome card is gone");
        const since = (await chat.bubbles()).length;
        await click(chat, welcome!, question);
        // A plain Action.Submit shows no user message; the answer card is what the user sees.
        const reply = await chat.waitFor(
          since,
          isCardWith(`${qaText.sourceLabel}:`),
          `an answer card for "${question}"`,
        );
        expect(!reply.text.includes(botText.errors.apology), `the bot apologised: ${oneLine(reply.text)}`);
      },
    },
    {
      name: "a typed question gets a reply",
      async run() {
        const mine = await chat.send(TYPED_QUESTION);
        const reply = await chat.waitFor(mine.index + 1, (b) => b.fromBot, "a reply from the bot");
        expect(!reply.text.includes(botText.errors.apology), `the bot apologised: ${oneLine(reply.text)}`);
        // The reply may be text plus card (two bubbles); keep the card for the next steps.
        const rest = await chat.settle(mine.index + 1);
        typedAnswer = rest.find((b) => b.fromBot && b.hasCard) ?? reply;
      },
    },
    {
      name: `the answer card shows its source ("${sourceLine}")`,
      async run() {
        expect(Boolean(typedAnswer), "no answer to check (the previous step failed)");
        expect(typedAnswer!.hasCard, `the answer is not a card: ${oneLine(typedAnswer!.text)}`);
        expect(
          typedAnswer!.text.includes(sourceLine),
          `the answer card has no "${sourceLine}" line: ${oneLine(typedAnswer!.text)}`,
        );
      },
    },
    {
      name: `a "${qaText.didYouMean}" button sends its question`,
      async run() {
        const mine = await chat.send(SUGGEST_QUESTION);
        const card = await chat.waitFor(
          mine.index + 1,
          isCardWith(qaText.didYouMean),
          `a card with "${qaText.didYouMean}"`,
        );
        const choice = card.buttons.find((t) => !t.includes(THUMBS_UP) && !t.includes("👎") && t !== qaText.showMore);
        expect(
          Boolean(choice),
          `the "${qaText.didYouMean}" card has no suggestion buttons; buttons: ${card.buttons.join(", ")}`,
        );
        const since = (await chat.bubbles()).length;
        await click(chat, card, choice!);
        const answer = await chat.waitFor(
          since,
          isCardWith(sourceLine),
          `an answer card with "${sourceLine}" for "${choice}"`,
        );
        expect(answer.text !== card.text, "the bot repeated the same card instead of answering the chosen question");
      },
    },
    {
      name: `${THUMBS_UP} is acknowledged`,
      async run() {
        expect(Boolean(typedAnswer?.hasCard), "no answer card to rate (an earlier step failed)");
        const title = typedAnswer!.buttons.find((t) => t.includes(THUMBS_UP));
        expect(
          Boolean(title),
          `the answer card has no ${THUMBS_UP} button; buttons: ${typedAnswer!.buttons.join(", ")}`,
        );
        const since = (await chat.bubbles()).length;
        const before = typedAnswer!.text;
        await click(chat, typedAnswer!, title!);
        // Acknowledged either by a new message or by updating the card in place.
        await chat.waitFor(
          0,
          (b) => (b.index >= since && b.fromBot) || (b.index === typedAnswer!.index && b.text !== before),
          `an acknowledgement of ${THUMBS_UP} (a new bot message or an updated card)`,
        );
        const after = await chat.settle(0);
        expect(
          !after.slice(since).some((b) => b.text.includes(botText.errors.apology)),
          "the bot apologised after the click",
        );
      },
    },
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const { values: args } = parseArgs({ options: { json: { type: "string" }, only: { type: "string" } } });
  const watchdog = setTimeout(() => {
    console.error(`e2e: gave up after ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();

  // A fixed configuration, independent of the developer's environment: embedded store, no auth, the
  // playground's tenant and user allowed, and the user an admin (admin-steps.ts).
  const config = loadConfig({
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    COSMOS_DATABASE: `e2e-${Date.now()}`,
    ALLOWED_TENANT_IDS: PLAYGROUND_IDS.tenantId,
    ADMIN_AAD_OBJECT_IDS: PLAYGROUND_IDS.userAadObjectId,
  });
  await rm(ARTIFACTS_DIR, { recursive: true, force: true });

  let app: App | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  try {
    // Meetings and evaluations run on a clock the steps move, with the background scheduler off: a step
    // runs one scheduler tick when it has made a reminder or evaluation due.
    const clock = new ManualClock(new Date());
    app = await createApp(config, createLogger(config.LOG_LEVEL), { clock, startScheduler: false, instanceId: "e2e" });
    const botPort = await app.start(0);
    playground = await startPlayground({
      config: { ...config, PORT: botPort },
      startBot: false,
      playgroundPort: await freePort(),
    });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1400 },
      locale: "sv-SE",
      timezoneId: "Europe/Stockholm",
    });
    const page = await context.newPage();
    await page.goto(playground.url);
    const ready = Date.now();
    console.log(`e2e: bot on port ${botPort}, playground on ${playground.url} (started in ${ready - started} ms)`);

    const chat = new ChatPage(page, BOT_NAME);
    const steps = [
      ...qaSteps(chat),
      ...meetingSteps({ chat, app, clock, botName: BOT_NAME, artifactsDir: ARTIFACTS_DIR }),
      ...caseSteps({ chat, app, clock, artifactsDir: ARTIFACTS_DIR }),
      ...escalationSteps({ chat, app, botName: BOT_NAME, artifactsDir: ARTIFACTS_DIR }),
      // Last: it changes an answer.
      ...adminSteps({ chat, app, artifactsDir: ARTIFACTS_DIR }),
      // After the desktop flows: the same chat narrowed to a phone.
      ...phoneSteps(chat, ARTIFACTS_DIR),
    ];
    // --only TEXT: just the steps whose name contains TEXT (and the first, which waits for the chat), for
    // working on one flow; later steps that need an earlier one's state then fail.
    const chosen = args.only ? steps.filter((s, i) => i === 0 || s.name.includes(args.only!)) : steps;
    const results = await runSteps(page, chosen, ARTIFACTS_DIR);
    const count = (s: string) => results.filter((r) => r.status === s).length;
    if (args.json)
      await writeFile(
        args.json,
        JSON.stringify({ passed: count("passed"), failed: count("failed"), skipped: count("skipped") }),
      );
    console.log(
      `e2e: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s (screenshots: ${ARTIFACTS_DIR})`,
    );
    return count("failed") > 0 ? 1 : 0;
  } finally {
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await app?.stop();
    clearTimeout(watchdog);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`e2e: could not run: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
