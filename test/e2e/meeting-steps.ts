import { join } from "node:path";
import { DateTime } from "luxon";
import type { App } from "../../bot/app";
import { evaluationsText, meetingsText } from "../../core/strings";
import type { ManualClock } from "../../core/clock";
import { swedishSpan, ZONE } from "../../core/time";
import { evaluationYear } from "../../dialogs/evaluations/survey-window";
import type { Meeting, ScheduledJob } from "../../data/meetings/schema";
import { PLAYGROUND_IDS } from "../../scripts/playground";
import { oneLine, type Bubble, type ChatPage } from "./chat-page";
import type { Step } from "./step-runner";
import { ChannelPage } from "./channel-page";

// Reminders and evaluations as a member and coordinator uses them in the
// playground: join a VuS group from its card, plan a meeting with the form, get the reminder (a
// proactive message through the playground's /_connector) and answer it, then evaluate the meeting.
// The bot runs in this process on a ManualClock with its background scheduler off: a step moves the
// clock to a job's due time and runs one scheduler tick, so nothing waits for days or for a timer.

const mt = meetingsText;
const et = evaluationsText;
const GROUP = { id: "vasteras", name: "Västerås" };
const ORGANISATION = "Västerås";
const FUNCTION = "socialpsykiatri" as const;
const PLACE = "Regionhuset, Västerås";
const AGENDA = ["Läget i länsdelen", "Samordnad individuell plan (SIP) – uppföljning"];
const START_TIME = "13:00";
const LENGTH_MINUTES = 90;
/** Left-rail names in the playground (its team and channel names come from scripts/playground.ts). */
const PERSONAL_CHAT = "Personal Chat";
const CHANNEL = "Samverkan vuxna (test) - VuS";
const SCORES = { q1: 4, q2: 5 } as const;
const CHANGED_Q1 = 3;
const ORG_TYPE = "kommun" as const;
const GENDER = "kvinna" as const;

export interface MeetingStepsDeps {
  chat: ChatPage;
  app: App;
  clock: ManualClock;
  botName: string;
  /** Where card close-ups go (beside the step screenshots). */
  artifactsDir: string;
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const isCardWith = (text: string) => (b: Bubble) => b.fromBot && b.hasCard && b.text.includes(text);
const scoreTitle = (s: 1 | 2 | 3 | 4 | 5) => `${s} – ${et.scaleLabels[String(s) as "1"]}`;

async function click(chat: ChatPage, bubble: Bubble, title: string): Promise<void> {
  const errors = await chat.clickCardButton(bubble, title);
  if (errors.length > 0) throw new Error(`clicking "${title}" raised an error in the page: ${errors.join("; ")}`);
}

/** Waits until the bubble at `index` (a card replaced by an Action.Execute response) shows `text`. */
async function waitForUpdate(chat: ChatPage, index: number, text: string, what: string): Promise<Bubble> {
  return chat.waitFor(index, (b) => b.index === index && b.text.includes(text), what);
}

export function meetingSteps({ chat, app, clock, botName, artifactsDir }: MeetingStepsDeps): Step[] {
  const aad = PLAYGROUND_IDS.userAadObjectId;
  const channel = new ChannelPage(chat.page, botName);
  // Unique per run: the playground keeps its chat history while it runs.
  const theme = `Samverkan kring LVM-vård (e2e ${DateTime.now().toFormat("HHmmss")})`;
  // Ten days ahead, so the 7-day reminder is still to come when the meeting is planned.
  const day = DateTime.fromJSDate(clock.now(), { zone: ZONE }).plus({ days: 10 }).startOf("day");
  const [hour, minute] = START_TIME.split(":").map(Number);
  const expectedStart = day.set({ hour, minute }).toUTC().toISO()!;
  let meeting: Meeting | undefined;
  let reminder: Bubble | undefined;
  let evaluation: Bubble | undefined;
  let thanksCard: Bubble | undefined;
  const closeUp = (bubble: Bubble, name: string) => chat.screenshotCard(bubble, join(artifactsDir, `card-${name}.png`));

  const needMeeting = (): Meeting => {
    if (!meeting) throw new Error("no planned meeting (an earlier step failed)");
    return meeting;
  };

  /** Moves the clock just past a job's due time and runs one scheduler tick; returns how many jobs ran. */
  async function runJob(match: (j: ScheduledJob) => boolean, what: string): Promise<number> {
    const jobs = await app.jobs.jobsOfMeeting(needMeeting().id);
    const job = jobs.filter(match).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    expect(Boolean(job), `the meeting has no ${what} job; jobs: ${jobs.map((j) => `${j.kind}/${j.key}`).join(", ")}`);
    clock.set(new Date(new Date(job!.dueAt).getTime() + 60_000));
    const tick = await app.scheduler.tick();
    const after = (await app.jobs.jobsOfMeeting(needMeeting().id)).find((j) => j.id === job!.id);
    expect(
      after?.status === "done",
      `the ${what} job ended as "${after?.status}" (counts ${JSON.stringify(after?.counts)}), not "done"`,
    );
    expect((after?.counts?.sent ?? 0) >= 1, `the ${what} job sent nothing: ${JSON.stringify(after?.counts)}`);
    return tick.ran;
  }

  return [
    {
      name: "gå med: the join card adds you to a VuS group",
      async run() {
        const mine = await chat.send("gå med");
        const card = await chat.waitFor(
          mine.index + 1,
          isCardWith(mt.join.title),
          `the join card ("${mt.join.title}")`,
        );
        const form = await chat.form(card);
        await form.choose(mt.join.groupLabel, GROUP.name);
        await form.choose(mt.join.organisationLabel, ORGANISATION);
        await form.choose(mt.join.functionLabel, mt.functionLabels[FUNCTION]);
        await closeUp(card, "join-group");
        const since = (await chat.bubbles()).length;
        await click(chat, card, mt.join.submit);
        // The form is an Action.Execute: the bot answers by replacing the form with its confirmation.
        const reply = await chat.waitFor(
          0,
          (b) => (b.index === card.index && b.text !== card.text) || (b.index >= since && b.fromBot),
          "the join card replaced by its confirmation (or a reply)",
        );
        expect(
          reply.text.includes(`VuS ${GROUP.name}`) && !reply.text.includes(mt.join.missing),
          `the join was not confirmed: ${oneLine(reply.text)}`,
        );
        const member = (await app.vus.member(GROUP.id, aad))?.doc;
        expect(Boolean(member), `no member document for the playground user in VuS ${GROUP.name}`);
        expect(
          member!.organisation === ORGANISATION && member!.function === FUNCTION,
          `the card sent the wrong data: organisation "${member!.organisation}", function "${member!.function}"`,
        );
      },
    },
    {
      name: "planera: the meeting form plans a meeting",
      async run() {
        const mine = await chat.send("planera");
        const card = await chat.waitFor(
          mine.index + 1,
          isCardWith(mt.form.newTitle),
          `the meeting form ("${mt.form.newTitle}")`,
        );
        const form = await chat.form(card);
        await form.choose(mt.form.group, GROUP.name);
        await form.pickDate(mt.form.date, day);
        await form.choose(mt.form.start, START_TIME);
        await form.fill(mt.form.length, String(LENGTH_MINUTES));
        await form.fill(mt.form.place, PLACE);
        await form.fill(mt.form.theme, theme);
        await form.fill(mt.form.agenda, AGENDA.join("\n"));
        await closeUp(card, "meeting-form");
        const since = (await chat.bubbles()).length;
        await click(chat, card, mt.form.save);
        const when = swedishSpan(expectedStart, LENGTH_MINUTES);
        const reply = await chat.waitFor(since, (b) => b.fromBot, "a reply to the meeting form");
        expect(
          reply.text.includes(when),
          `expected the meeting to be planned for ${when}; the bot said: ${oneLine(reply.text)}`,
        );
        meeting = (await app.vus.meetingsOf(GROUP.id)).find((m) => m.theme === theme);
        expect(Boolean(meeting), `no meeting with the theme "${theme}" in VuS ${GROUP.name}`);
        const m = meeting!;
        expect(
          new Date(m.start).getTime() === new Date(expectedStart).getTime() && m.durationMinutes === LENGTH_MINUTES,
          `stored start ${m.start} / ${m.durationMinutes} min, expected ${expectedStart} / ${LENGTH_MINUTES} min`,
        );
        expect(
          m.place === PLACE && JSON.stringify(m.agenda) === JSON.stringify(AGENDA),
          `stored place/agenda differ: ${m.place} / ${JSON.stringify(m.agenda)}`,
        );
      },
    },
    {
      name: "koppla kanal: an @mention in the VuS channel links it to the group",
      async run() {
        await channel.open(CHANNEL);
        await channel.postToBot(`koppla kanal ${GROUP.name}`);
        await channel.waitForText(
          mt.admin.channelLinked(GROUP.name),
          `the reply "${mt.admin.channelLinked(GROUP.name)}"`,
        );
        const linked = (await app.vus.group(GROUP.id))?.doc.channel;
        // A post's activity names its thread ("<channel>;messageid=…"); reminders belong in the channel itself.
        expect(
          linked?.conversationId === PLAYGROUND_IDS.channelId,
          `VuS ${GROUP.name} is linked to "${linked?.conversationId}", expected the channel "${PLAYGROUND_IDS.channelId}"`,
        );
      },
    },
    {
      name: "a reminder card with RSVP buttons arrives in the chat",
      async run() {
        await channel.open(PERSONAL_CHAT);
        const since = (await chat.bubbles()).length;
        await runJob((j) => j.kind === "reminder", "first reminder");
        reminder = await chat.waitFor(
          since,
          (b) => isCardWith(mt.reminder.title(GROUP.name))(b) && b.text.includes(theme),
          `the reminder card ("${mt.reminder.title(GROUP.name)}", theme "${theme}")`,
        );
        for (const text of [PLACE, ...AGENDA, swedishSpan(needMeeting().start, LENGTH_MINUTES), mt.reminder.rsvpPrompt])
          expect(reminder.text.includes(text), `the reminder card lacks "${text}": ${oneLine(reminder.text, 400)}`);
        for (const label of Object.values(mt.answerLabels))
          expect(
            reminder.buttons.includes(label),
            `the reminder card lacks the RSVP button "${label}"; buttons: ${reminder.buttons.join(", ")}`,
          );
        await closeUp(reminder, "meeting-reminder");
      },
    },
    {
      name: `"${mt.answerLabels.attending}" updates the reminder card (Action.Execute)`,
      async run() {
        expect(Boolean(reminder), "no reminder card (the previous step failed)");
        const before = (await chat.bubbles()).length;
        await click(chat, reminder!, mt.answerLabels.attending);
        const thanks = mt.reminder.rsvpThanks(mt.answerLabels.attending);
        const updated = await waitForUpdate(chat, reminder!.index, thanks, `the reminder card to show "${thanks}"`);
        expect(updated.text.includes(theme), "the updated card is not the meeting's card");
        const intro = mt.reminder.inDays("7d");
        expect(
          updated.text.includes(intro),
          `the updated card lost the reminder's intro "${intro}": ${oneLine(updated.text, 400)}`,
        );
        const rsvp = (await app.vus.rsvpsOf(GROUP.id, needMeeting().id)).find((r) => r.aadObjectId === aad);
        expect(rsvp?.answer === "attending", `stored RSVP is "${rsvp?.answer}", expected "attending"`);
        const extra = (await chat.settle(before)).filter((b) => b.fromBot);
        expect(
          extra.length === 0,
          `the click also produced new messages: ${extra.map((b) => oneLine(b.text)).join(" | ")}`,
        );
        await closeUp(updated, "meeting-rsvp-answered");
      },
    },
    {
      name: `the VuS channel gets the reminder card too; "${mt.answerLabels.attending}" there updates it`,
      async run() {
        await channel.open(CHANNEL);
        const title = mt.reminder.title(GROUP.name);
        const card = await channel.waitForCard(
          [title, theme],
          `the reminder card ("${title}", theme "${theme}") in the channel`,
        );
        const tally = mt.reminder.channelTally(0, 0, 0);
        expect(
          (await card.innerText()).includes(tally),
          `the channel's reminder card lacks the tally "${tally}": ${oneLine(await card.innerText(), 400)}`,
        );
        await card.scrollIntoViewIfNeeded();
        await card.screenshot({ path: join(artifactsDir, "card-meeting-reminder-channel.png") });
        await card.getByRole("button", { name: mt.answerLabels.attending, exact: true }).click();
        const thanks = mt.reminder.rsvpThanks(mt.answerLabels.attending);
        await channel.waitForCard([title, theme, thanks], `the channel's reminder card to show "${thanks}"`);
      },
    },
    {
      name: "the evaluation card arrives after the meeting",
      async run() {
        await channel.open(PERSONAL_CHAT);
        const since = (await chat.bubbles()).length;
        await runJob((j) => j.kind === "evaluation" && j.key === "invite", "evaluation invitation");
        evaluation = await chat.waitFor(
          since,
          isCardWith(et.card.title(GROUP.name)),
          `the evaluation card ("${et.card.title(GROUP.name)}")`,
        );
        for (const text of [et.statements.q1, et.statements.q2, et.card.orgTypeLabel])
          expect(evaluation.text.includes(text), `the evaluation card lacks "${text}"`);
        expect(
          evaluation.buttons.includes(et.card.submit),
          `the evaluation card has no "${et.card.submit}" button; buttons: ${evaluation.buttons.join(", ")}`,
        );
        await closeUp(evaluation, "evaluation");
      },
    },
    {
      name: "a filled-in evaluation turns into the thank-you card",
      async run() {
        expect(Boolean(evaluation), "no evaluation card (the previous step failed)");
        const comment = `Bra genomgång av SIP (${theme})`;
        const form = await chat.form(evaluation!);
        await form.check(et.statements.q1, scoreTitle(SCORES.q1));
        await form.check(et.statements.q2, scoreTitle(SCORES.q2));
        await form.fill(et.card.commentLabel, comment);
        await form.choose(et.card.orgTypeLabel, et.orgTypeLabels[ORG_TYPE]);
        await form.choose(et.card.genderLabel, et.genderLabels[GENDER]);
        await closeUp(evaluation!, "evaluation-filled");
        const before = (await chat.bubbles()).length;
        await click(chat, evaluation!, et.card.submit);
        const thanks = await waitForUpdate(
          chat,
          evaluation!.index,
          et.thanks.title,
          `the thank-you card ("${et.thanks.title}")`,
        );
        for (const text of [
          scoreTitle(SCORES.q1),
          scoreTitle(SCORES.q2),
          comment,
          et.orgTypeLabels[ORG_TYPE],
          et.genderLabels[GENDER],
        ])
          expect(
            thanks.text.includes(text),
            `the thank-you card does not show "${text}": ${oneLine(thanks.text, 400)}`,
          );
        expect(
          thanks.buttons.includes(et.thanks.change),
          `the thank-you card has no "${et.thanks.change}" button; buttons: ${thanks.buttons.join(", ")}`,
        );
        const m = needMeeting();
        const answers = (await app.evaluations.store.answersOfYear(evaluationYear(m))).filter(
          (a) => a.meetingId === m.id,
        );
        expect(answers.length === 1, `expected one stored answer for the meeting, found ${answers.length}`);
        const a = answers[0];
        expect(
          a.q1 === SCORES.q1 &&
            a.q2 === SCORES.q2 &&
            a.orgType === ORG_TYPE &&
            a.gender === GENDER &&
            a.comment === comment,
          `stored answer differs from what was filled in: ${JSON.stringify({ q1: a.q1, q2: a.q2, orgType: a.orgType, gender: a.gender, comment: a.comment })}`,
        );
        const extra = (await chat.settle(before)).filter((b) => b.fromBot);
        expect(
          extra.length === 0,
          `the submit also produced new messages: ${extra.map((b) => oneLine(b.text)).join(" | ")}`,
        );
        await closeUp(thanks, "evaluation-thanks");
        thanksCard = thanks;
      },
    },
    {
      name: `"${et.thanks.change}" gives the filled-in form and the change is stored`,
      async run() {
        expect(Boolean(thanksCard), "no thank-you card (the previous step failed)");
        const index = thanksCard!.index;
        await click(chat, thanksCard!, et.thanks.change);
        const form = await waitForUpdate(chat, index, et.card.update, `the evaluation form with "${et.card.update}"`);
        const inputs = await chat.form(form);
        const checked = await inputs.checkedRadios();
        expect(
          checked.join(" | ") === [scoreTitle(SCORES.q1), scoreTitle(SCORES.q2)].join(" | "),
          `the form does not show the earlier answer; checked: ${checked.join(" | ") || "nothing"}`,
        );
        await inputs.check(et.statements.q1, scoreTitle(CHANGED_Q1));
        await click(chat, form, et.card.update);
        const changed = await waitForUpdate(
          chat,
          index,
          et.thanks.changedTitle,
          `the thank-you card "${et.thanks.changedTitle}"`,
        );
        expect(
          changed.text.includes(scoreTitle(CHANGED_Q1)),
          `the changed answer is not shown: ${oneLine(changed.text, 400)}`,
        );
        const m = needMeeting();
        const answers = (await app.evaluations.store.answersOfYear(evaluationYear(m))).filter(
          (a) => a.meetingId === m.id,
        );
        expect(
          answers.length === 1 && answers[0].q1 === CHANGED_Q1 && answers[0].q2 === SCORES.q2,
          `expected one answer with q1 ${CHANGED_Q1}, q2 ${SCORES.q2}; stored: ${JSON.stringify(answers.map((a) => [a.q1, a.q2]))}`,
        );
      },
    },
  ];
}
