import { casesText, meetingsText } from "../core/strings";
import type { Group, JoinRequest, Meeting, RsvpAnswer } from "../data/meetings/schema";
import { swedishSpan } from "../core/time";
import type { CardAttachment } from "../core/types";
import { cardAttachment } from "./render";
import type { CardDataMap } from "./card-data";
import { escapeMarkdown as plain } from "../core/markdown";
import { ORGANISATIONS } from "../data/meetings/organisations";

const t = meetingsText;

export function meetingFacts(meeting: Meeting): { title: string; value: string }[] {
  const facts = [{ title: t.list.when, value: swedishSpan(meeting.start, meeting.durationMinutes) }];
  const where = [meeting.place, meeting.onlineUrl ? t.list.online : undefined].filter(Boolean).join(" + ");
  if (where) facts.push({ title: t.list.where, value: plain(where) });
  if (meeting.theme) facts.push({ title: t.list.theme, value: plain(meeting.theme) });
  return facts;
}

/** "Tidigare: måndag 29 mars 2027 kl. 09:00–11:00", and the old place when it changed. */
function previousFacts(meeting: Meeting): { title: string; value: string }[] {
  const before = meeting.movedFrom;
  if (!before) return [];
  const facts = [];
  if (before.start !== meeting.start || before.durationMinutes !== meeting.durationMinutes)
    facts.push({ title: t.list.previousWhen, value: swedishSpan(before.start, before.durationMinutes) });
  if (before.place && before.place !== meeting.place) facts.push({ title: t.list.previousWhere, value: before.place });
  return facts;
}

export interface MeetingCardOptions {
  title: string;
  /** An update card after a move: show where and when the meeting was before. */
  showPrevious?: boolean;
  intro?: string;
  status?: string;
  rsvpOpen: boolean;
  /** Universal-action refresh: Teams fetches each listed user's own view (channels: at most 60 users). */
  refreshUserIds?: string[];
  personalRefresh?: boolean;
  /** Open samverkansärenden of the group: the agenda's "Ärenden att behandla". */
  cases?: string[];
}

/** Reminder, update and RSVP card for one meeting; RSVP buttons are Action.Execute. */
export function meetingCard(meeting: Meeting, opts: MeetingCardOptions): CardAttachment {
  const card = cardAttachment("meeting", {
    title: opts.title,
    intro: opts.intro ?? "",
    facts: [...(opts.showPrevious ? previousFacts(meeting) : []), ...meetingFacts(meeting)],
    agendaTitle: t.list.agenda,
    agenda: meeting.agenda.map(plain),
    casesTitle: casesText.agenda.title,
    cases: (opts.cases ?? []).map(plain),
    status: opts.status ?? "",
    onlineUrl: meeting.status === "planned" ? (meeting.onlineUrl ?? "") : "",
    joinTitle: t.reminder.join,
    rsvpOpen: opts.rsvpOpen,
    labels: t.answerLabels,
    groupId: meeting.groupId,
    meetingId: meeting.id,
  });
  if (opts.personalRefresh || opts.refreshUserIds?.length) {
    card.content.refresh = {
      action: {
        type: "Action.Execute",
        verb: "meetings.refresh",
        data: { groupId: meeting.groupId, meetingId: meeting.id },
      },
      ...(opts.refreshUserIds?.length ? { userIds: opts.refreshUserIds.slice(0, 60) } : {}),
    };
  }
  return card;
}

export function answerStatus(answer: RsvpAnswer | undefined): string {
  return answer ? t.reminder.answered(t.answerLabels[answer]) : t.reminder.rsvpPrompt;
}

/** The join form; shown again with what was chosen and what is missing when a submission falls short. */
export function joinCard(
  groups: Group[],
  again?: { problem: string; values: { groupId?: string; organisation?: string; function?: string } },
): CardAttachment {
  return cardAttachment("join-group", {
    ...t.join,
    problem: again?.problem ?? "",
    values: {
      groupId: again?.values.groupId ?? "",
      organisation: again?.values.organisation ?? "",
      function: again?.values.function ?? "",
    },
    required: t.required,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    organisations: ORGANISATIONS,
    functions: Object.entries(t.functionLabels).map(([value, title]) => ({ value, title })),
  });
}

/** What the meeting form's inputs hold: empty for a new meeting, the meeting's own for a move. */
export type FormValues = Omit<CardDataMap["meeting-form"], "title" | "labels" | "required" | "groups">;

export function meetingFormCard(groups: Group[], values: FormValues): CardAttachment {
  return cardAttachment("meeting-form", {
    title: values.meetingId ? t.form.editTitle : t.form.newTitle,
    labels: t.form,
    required: t.required,
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    ...values,
  });
}

export type ListedMeeting = CardDataMap["meeting-list"]["meetings"][number];

export interface MeetingListSections {
  upcoming: ListedMeeting[];
  inProgress: ListedMeeting[];
  ended: ListedMeeting[];
}

/** `möten`: coming meetings, any in progress, and (for coordinators) this year's ended ones. */
export function meetingListCard(sections: MeetingListSections, held: string[], canPlan: boolean): CardAttachment {
  const strip = (list: ListedMeeting[]) =>
    list.map(({ id, groupId, heading, facts, canEdit, canMarkNotHeld }) => ({
      id,
      groupId,
      heading,
      facts,
      canEdit,
      canMarkNotHeld,
    }));
  return cardAttachment("meeting-list", {
    title: t.list.title,
    none: t.list.none,
    held,
    meetings: strip(sections.upcoming),
    otherSections: [
      { title: t.list.inProgressTitle, meetings: strip(sections.inProgress) },
      { title: t.list.endedTitle, meetings: strip(sections.ended) },
    ].filter((s) => s.meetings.length > 0),
    canPlan,
    labels: t.list,
  });
}

export function representationCard(data: {
  title: string;
  /** Why this reached an admin rather than the coordinator; empty otherwise. */
  note?: string;
  when: string;
  counts: string;
  missing: string[];
  answers: { title: string; value: string }[];
}): CardAttachment {
  return cardAttachment("representation", {
    ...data,
    note: data.note ?? "",
    answers: data.answers.map((a) => ({ title: plain(a.title), value: plain(a.value) })),
    missingTitle: t.representation.missingTitle,
    allCovered: t.representation.allCovered,
    answersTitle: t.representation.answersTitle,
  });
}

/** Asks before a meeting is cancelled: cancelling notifies every member at once. */
export function cancelConfirmCard(meeting: Meeting, groupName: string): CardAttachment {
  const c = t.cancelConfirm;
  return cardAttachment("meeting-cancel", {
    title: c.title(groupName),
    question: c.question,
    facts: meetingFacts(meeting),
    confirm: c.confirm,
    abort: c.abort,
    groupId: meeting.groupId,
    meetingId: meeting.id,
  });
}

/** Pending requests to join, each with approve (as member, or as coordinator for admins) and deny buttons. */
export function joinRequestsCard(
  requests: { groupName: string; request: JoinRequest }[],
  canAppointCoordinators: boolean,
): CardAttachment {
  const r = t.requests;
  return cardAttachment("join-requests", {
    title: r.title,
    intro: r.intro,
    requests: requests.map(({ groupName, request }) => {
      const ref = { groupId: request.groupId, aadObjectId: request.aadObjectId };
      const wants = request.function === "samordnare";
      return {
        who: r.who(plain(request.name || request.organisation), groupName),
        details: r.details(plain(request.organisation), t.functionLabels[request.function], wants),
        buttons: [
          ...(wants && canAppointCoordinators
            ? [{ title: r.approveCoordinator, data: { action: "meetings.approveJoin", ...ref, asCoordinator: true } }]
            : []),
          { title: wants ? r.approveMember : r.approve, data: { action: "meetings.approveJoin", ...ref } },
          { title: r.deny, data: { action: "meetings.denyJoin", ...ref } },
        ],
      };
    }),
  });
}

export function coordinatorCard(members: { title: string; value: string }[]): CardAttachment {
  return cardAttachment("coordinator", {
    title: t.admin.coordinatorTitle,
    intro: t.admin.coordinatorIntro,
    choiceLabel: t.admin.coordinatorChoice,
    submit: t.admin.coordinatorSubmit,
    required: t.required,
    members,
  });
}

/** What replaces a submitted form (join, coordinator): the outcome, so the form cannot be sent twice. */
export function confirmationCard(title: string, message: string): CardAttachment {
  return cardAttachment("notice", { title, message });
}
