import { z } from "zod";
import { botText, meetingsText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import type { JobStore } from "../../data/meetings/job-store";
import { memberDocId, type VusStore } from "../../data/meetings/vus-store";
import { isKnownOrganisation } from "../../data/meetings/organisations";
import {
  AadObjectId,
  GroupId,
  MeetingId,
  MemberFunction,
  RsvpAnswer,
  type Group,
  type JoinRequest,
  type Meeting,
  type Member,
} from "../../data/meetings/schema";
import { escapeMarkdown as plain } from "../../core/markdown";
import type { Messenger, SendTarget } from "../../core/jobs/messenger";
import { memberRecipient } from "../../core/jobs/fanout";
import { ConflictError, DuplicateError } from "../../data/errors";
import {
  cancelConfirmCard,
  confirmationCard,
  joinCard,
  joinRequestsCard,
  meetingCard,
  meetingFacts,
  meetingFormCard,
  meetingListCard,
  type ListedMeeting,
} from "../../cards/meeting-cards";
import type { CardAttachment } from "../../core/types";
import { readsLikeQuestion } from "../commands";
import type { CardAction, CommandContext, Feature } from "../feature";
import { textReply as text, type Asker, type IncomingFile, type IncomingMessage, type Reply } from "../../core/types";
import type { Clock } from "../../core/clock";
import { findGroup, inputProblems, MeetingInput, validateMeetingInput, DEFAULT_LENGTH_MINUTES } from "./meeting-input";
import { heldMeetings, type MeetingPlanner } from "./planner";
import type { Permissions } from "../../core/permissions";
import { MAX_IMPORT_BYTES, readMeetingFile, rejectionText, validateImport } from "./import";
import { inZone, localDateInput, offsetUntil, swedishSpan, swedishTime } from "../../core/time";
import { byStart, meetingPhase, type MeetingPhase } from "./meeting-phase";
import { deliveryReport } from "./delivery-report";
import { GroupSettings } from "./group-settings";
import type { AdminRecipients } from "./job-handlers";

const t = meetingsText;
const help = botText.commandHelp;

const JoinSubmit = z.object({
  action: z.literal("meetings.join"),
  groupId: GroupId,
  organisation: z.string().refine(isKnownOrganisation),
  function: MemberFunction,
});
const DecisionSubmit = z.object({
  groupId: GroupId,
  aadObjectId: AadObjectId,
  asCoordinator: z.boolean().optional(),
});
const memberTarget = (m: Member): SendTarget => memberRecipient(m).target;
const SaveSubmit = MeetingInput.omit({ group: true }).extend({
  action: z.literal("meetings.save"),
  meetingId: z.union([MeetingId, z.literal("")]).optional(),
  groupId: GroupId,
});
const MeetingRef = z.object({
  action: z.enum([
    "meetings.edit",
    "meetings.cancel",
    "meetings.cancelConfirm",
    "meetings.cancelAbort",
    "meetings.notHeld",
  ]),
  groupId: GroupId,
  meetingId: MeetingId,
});
const RsvpData = z.object({
  action: z.enum(["meetings.rsvp", "meetings.refresh"]),
  groupId: GroupId,
  meetingId: MeetingId,
  answer: RsvpAnswer.optional(),
});

export interface MeetingsFeatureDeps {
  /** Tells approvers about a new request and requesters about the decision (best effort). */
  messenger?: Messenger;
  vus: VusStore;
  jobs: JobStore;
  planner: MeetingPlanner;
  permissions: Permissions;
  clock: Clock;
  logger: Logger;
  /** Extra agenda lines (open samverkansärenden), kept when the card is refreshed. */
  agenda?: (groupId: string) => Promise<string[]>;
  /** The admins' personal chats: they decide requests to be coordinator, and those of groups without one. */
  adminRecipients?: AdminRecipients;
}

/** `gå med`, `lämna`, `möten`, planning forms, meeting-plan imports and the RSVP buttons; group settings and the delivery report live in their own modules. */
export class MeetingsFeature {
  private readonly settings: GroupSettings;

  constructor(private readonly deps: MeetingsFeatureDeps) {
    this.settings = new GroupSettings(deps);
  }

  /** Runs a command or button; a lost race (every write is an etag replace or a create) changes nothing, so say so. */
  private async guarded<T>(run: () => Promise<T>): Promise<T | Reply[]> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof ConflictError || err instanceof DuplicateError) return text(t.conflict);
      throw err;
    }
  }

  /** The meetings feature's registration: commands with their help, card verbs, job kinds and the files it imports. */
  registration(jobs: Feature["jobs"]): Feature {
    const g =
      <T extends unknown[]>(run: (...args: T) => Promise<Reply[] | undefined>) =>
      (...args: T) =>
        this.guarded(() => run(...args));
    const submit = (run: (value: unknown, asker: Asker) => Promise<Reply[]>): CardAction => ({
      submit: g((value: unknown, message: IncomingMessage) => run(value, message.asker)) as CardAction["submit"],
    });
    const onMeeting = submit((value, asker) => this.onMeeting(value, asker));
    const rsvp: CardAction = { execute: (data, asker) => this.rsvp(data, asker) };
    return {
      name: "meetings",
      commands: [
        {
          match: /^(möten|moten|mina möten|kommande möten)$/i,
          help: { text: help.meetings, role: "everyone" },
          run: g(({ message }: CommandContext) => this.list(message.asker)),
        },
        {
          match: /^(gå|ga) med( i vus)?$/i,
          help: { text: help.join, role: "everyone" },
          run: g(async () => [{ text: t.join.title, card: joinCard(await this.deps.vus.listGroups()) }]),
        },
        {
          // "lämna" alone or with a group's name; "lämna ut journalen …?" is a question.
          match: /^(lämna|lamna)( (?<group>.+))?$/i,
          help: { text: help.leave, role: "everyone" },
          run: g(async ({ message, match }: CommandContext) => {
            const group = match.groups?.group;
            if (group && !findGroup(await this.deps.vus.listGroups(), group)) return undefined;
            return this.leave(message.asker, group);
          }),
        },
        {
          match: /^(planera|planera möte|nytt möte)$/i,
          help: { text: help.plan, role: "coordinator" },
          run: g(({ message }: CommandContext) => this.form(message.asker)),
        },
        {
          match: /^(leveranser|leveransrapport)$/i,
          help: { text: help.deliveries, role: "coordinator" },
          run: g(({ message }: CommandContext) => deliveryReport(this.deps, message.asker)),
        },
        {
          match: /^koppla kanal (?<group>.+)$/i,
          help: { text: help.linkChannel, role: "coordinator" },
          run: g(({ message, match }: CommandContext) => this.settings.linkChannel(message.asker, match.groups!.group)),
        },
        {
          match: /^(förfrågningar|forfragningar)$/i,
          help: { text: help.requests, role: "coordinator" },
          run: g(({ message }: CommandContext) => this.pendingRequests(message.asker)),
        },
        {
          // "samordnare" is also a word people ask about: only an admin's bare word is the command.
          match: /^samordnare$/i,
          help: { text: help.coordinator, role: "admin" },
          run: g(async ({ message }: CommandContext) =>
            (await this.deps.permissions.isAdmin(message.asker.aadObjectId))
              ? this.settings.coordinatorForm(message.asker)
              : undefined,
          ),
        },
        {
          match: /^kommuner (?<group>[^:]+):(?<list>.+)$/i,
          help: { text: help.municipalities, role: "admin" },
          run: g(async ({ message, said, match }: CommandContext) =>
            readsLikeQuestion(said)
              ? undefined
              : this.settings.setMunicipalities(message.asker, match.groups!.group, match.groups!.list),
          ),
        },
      ],
      cardActions: {
        "meetings.join": {
          ...submit((value, asker) => this.join(value, asker)),
          execute: (data, asker) => this.formExecuted("meetings.join", data, asker),
        },
        "meetings.new": submit((_value, asker) => this.form(asker)),
        "meetings.save": submit((value, asker) => this.save(value, asker)),
        "meetings.edit": onMeeting,
        "meetings.cancel": onMeeting,
        "meetings.cancelConfirm": onMeeting,
        "meetings.cancelAbort": onMeeting,
        "meetings.notHeld": onMeeting,
        "meetings.coordinator": {
          ...submit((value, asker) => this.settings.toggleCoordinator(value, asker)),
          execute: (data, asker) => this.formExecuted("meetings.coordinator", data, asker),
        },
        "meetings.approveJoin": submit((value, asker) => this.decide(value, asker, true)),
        "meetings.denyJoin": submit((value, asker) => this.decide(value, asker, false)),
        "meetings.rsvp": rsvp,
        "meetings.refresh": rsvp,
      },
      jobs,
      files: {
        // Meeting plans are whatever is not a knowledge-base export (that feature is asked first).
        claims: () => true,
        import: (file, content, message) => this.importUpload(file, content, message.asker),
      },
    };
  }

  // --- membership -------------------------------------------------------------------------------

  private async join(value: unknown, asker: Asker): Promise<Reply[]> {
    const parsed = JoinSubmit.safeParse(value);
    if (!parsed.success) return text(t.join.missing);
    if (!asker.aadObjectId || !asker.serviceUrl) return text(t.join.noAad);
    const group = (await this.deps.vus.group(parsed.data.groupId))?.doc;
    if (!group) return text(t.join.unknownGroup);
    const organisation = parsed.data.organisation;
    const now = this.deps.clock.now().toISOString();
    const existing = await this.deps.vus.member(group.id, asker.aadObjectId);
    // A VuS group has appointed representatives: someone new asks, and a coordinator or an admin decides.
    // An admin may add themself; a member may update their own details.
    if (!existing && !(await this.deps.permissions.isAdmin(asker.aadObjectId)))
      return this.request(asker, group.id, group.name, organisation, parsed.data.function, now);
    const member: Member = {
      id: memberDocId(asker.aadObjectId),
      type: "member",
      groupId: group.id,
      tenantId: asker.tenantId,
      aadObjectId: asker.aadObjectId,
      userId: asker.userId,
      serviceUrl: asker.serviceUrl,
      name: asker.name ?? "",
      organisation,
      function: parsed.data.function,
      role: existing?.doc.role ?? "member",
      joinedAt: existing?.doc.joinedAt ?? now,
      updatedAt: now,
    };
    // Create-if-absent or an etag replace: a coordinator role given meanwhile is not overwritten.
    if (existing) await this.deps.vus.replaceMember(member, existing.etag);
    else await this.deps.vus.createMember(member);
    this.deps.logger.info({ groupId: group.id, rejoin: Boolean(existing) }, "member joined");
    return text(existing ? t.join.updated(group.name) : t.join.joined(group.name));
  }

  private async request(
    asker: Asker,
    groupId: string,
    groupName: string,
    organisation: string,
    fn: Member["function"],
    now: string,
  ): Promise<Reply[]> {
    const request: Omit<JoinRequest, "id" | "type"> = {
      groupId,
      tenantId: asker.tenantId,
      aadObjectId: asker.aadObjectId!,
      userId: asker.userId,
      serviceUrl: asker.serviceUrl!,
      name: asker.name ?? "",
      organisation,
      function: fn,
      requestedAt: now,
    };
    await this.deps.vus.saveRequest(request);
    this.deps.logger.info({ groupId }, "join requested");
    // The group's coordinators decide members; an admin decides who becomes coordinator, and decides for
    // a group without one. Each gets the request on a card to approve or deny it where it arrives.
    const coordinators = (await this.deps.vus.membersOf(groupId)).filter((m) => m.role === "coordinator");
    const pending = [{ groupName, request: { ...request, id: "", type: "joinRequest" as const } }];
    const message = t.requests.toApprover(plain(request.name || organisation), groupName);
    if (fn !== "samordnare")
      for (const c of coordinators) await this.notify(memberTarget(c), message, joinRequestsCard(pending, false));
    if (fn === "samordnare" || !coordinators.length) {
      const admins = (await this.deps.adminRecipients?.()) ?? [];
      for (const a of admins) await this.notify(a.target, message, joinRequestsCard(pending, true));
    }
    return text(fn === "samordnare" ? t.requests.sentCoordinator(groupName) : t.requests.sent(groupName));
  }

  private async notify(target: SendTarget, message: string, card?: CardAttachment): Promise<void> {
    try {
      await this.deps.messenger?.send(target, { text: message, ...(card ? { card } : {}) });
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, "could not send a membership notice");
    }
  }

  private async pendingRequests(asker: Asker): Promise<Reply[]> {
    const managed = await this.deps.permissions.managedGroups(asker.aadObjectId);
    if (managed !== "*" && managed.size === 0) return text(t.requests.notAllowed);
    const groups = (await this.deps.vus.listGroups()).filter((g) => managed === "*" || managed.has(g.id));
    const pending = (
      await Promise.all(
        groups.map(async (g) =>
          (await this.deps.vus.requestsOf(g.id)).map((request) => ({ groupName: g.name, request })),
        ),
      )
    ).flat();
    if (!pending.length) return text(t.requests.none);
    return [{ text: `${t.requests.title}: ${pending.length}`, card: joinRequestsCard(pending, managed === "*") }];
  }

  private async decide(value: unknown, asker: Asker, approve: boolean): Promise<Reply[]> {
    const parsed = DecisionSubmit.safeParse(value);
    if (!parsed.success) return text(t.requests.gone);
    const { groupId, aadObjectId, asCoordinator } = parsed.data;
    if (!(await this.deps.permissions.canManage(asker.aadObjectId, groupId))) return text(t.requests.notAllowed);
    if (asCoordinator && !(await this.deps.permissions.isAdmin(asker.aadObjectId)))
      return text(t.requests.coordinatorAdminOnly);
    const r = await this.deps.vus.request(groupId, aadObjectId);
    const group = (await this.deps.vus.group(groupId))?.doc;
    if (!r || !group) return text(t.requests.gone);
    const who = plain(r.name || r.organisation);
    const target: SendTarget = {
      kind: "member",
      tenantId: r.tenantId,
      aadObjectId: r.aadObjectId,
      userId: r.userId,
      serviceUrl: r.serviceUrl,
    };
    if (!approve) {
      await this.deps.vus.removeRequest(groupId, aadObjectId);
      await this.notify(target, t.requests.toRequesterDenied(group.name));
      return text(t.requests.denied(who, group.name));
    }
    const now = this.deps.clock.now().toISOString();
    const existing = await this.deps.vus.member(groupId, aadObjectId);
    const member: Member = {
      id: memberDocId(aadObjectId),
      type: "member",
      groupId,
      tenantId: r.tenantId,
      aadObjectId,
      userId: r.userId,
      serviceUrl: r.serviceUrl,
      name: r.name,
      organisation: r.organisation,
      function: r.function,
      role: asCoordinator ? "coordinator" : (existing?.doc.role ?? "member"),
      joinedAt: existing?.doc.joinedAt ?? now,
      updatedAt: now,
    };
    if (existing) await this.deps.vus.replaceMember(member, existing.etag);
    else await this.deps.vus.createMember(member);
    await this.deps.vus.removeRequest(groupId, aadObjectId);
    this.deps.logger.info({ groupId, coordinator: Boolean(asCoordinator) }, "join approved");
    await this.notify(target, t.requests.toRequesterApproved(group.name));
    return text(asCoordinator ? t.requests.approvedCoordinator(who, group.name) : t.requests.approved(who, group.name));
  }

  private async leave(asker: Asker, groupRef?: string): Promise<Reply[]> {
    if (!asker.aadObjectId) return text(t.leave.notMember);
    const memberships = await this.deps.vus.membershipsOf(asker.aadObjectId);
    if (!memberships.length) return text(t.leave.notMember);
    const groups = await this.deps.vus.listGroups();
    let target = memberships[0];
    if (groupRef) {
      const g = findGroup(groups, groupRef);
      const found = memberships.find((m) => m.groupId === g?.id);
      if (!found) return text(t.leave.notMember);
      target = found;
    } else if (memberships.length > 1) {
      return text(
        t.leave.which(memberships.map((m) => groups.find((g) => g.id === m.groupId)?.name ?? m.groupId).join(", ")),
      );
    }
    await this.deps.vus.removeMember(target);
    // What only membership justified goes with it: the RSVPs to the group's meetings.
    let rsvps = 0;
    for (const r of await this.deps.vus.rsvpsOfPerson(target.groupId, asker.aadObjectId))
      if (await this.deps.vus.removeRsvp(r)) rsvps++;
    this.deps.logger.info({ groupId: target.groupId, rsvps }, "member left");
    return text(t.leave.left(groups.find((g) => g.id === target.groupId)?.name ?? target.groupId, rsvps));
  }

  // --- meetings ---------------------------------------------------------------------------------

  private async list(asker: Asker): Promise<Reply[]> {
    const groups = await this.deps.vus.listGroups();
    const managed = await this.deps.permissions.managedGroups(asker.aadObjectId);
    const mine = asker.aadObjectId ? (await this.deps.vus.membershipsOf(asker.aadObjectId)).map((m) => m.groupId) : [];
    const shown = groups.filter((g) => mine.includes(g.id) || managed === "*" || managed.has(g.id));
    if (!shown.length) return text(t.list.notMember);
    const now = this.deps.clock.now();
    const year = inZone(now.toISOString()).year;
    const sections: Record<MeetingPhase, (ListedMeeting & { start: string; groupName: string })[]> = {
      upcoming: [],
      inProgress: [],
      ended: [],
    };
    const held: string[] = [];
    for (const g of shown) {
      const meetings = await this.deps.vus.meetingsOf(g.id);
      const canManage = managed === "*" || managed.has(g.id);
      if (canManage) held.push(t.list.held(g.name, year, heldMeetings(meetings, year, now).length));
      for (const m of meetings) {
        if (m.status !== "planned") continue;
        const phase = meetingPhase(m, now);
        // Coordinators also see this year's ended meetings, to mark one as not held.
        if (phase === "ended" && !(canManage && inZone(m.start).year === year)) continue;
        sections[phase].push({
          id: m.id,
          groupId: g.id,
          start: m.start,
          groupName: g.name,
          heading: t.groupName(g.name),
          facts: meetingFacts(m),
          canEdit: canManage && phase === "upcoming",
          canMarkNotHeld: canManage && phase === "ended",
        });
      }
    }
    for (const list of Object.values(sections)) list.sort(byStart);
    // The most recent ended meeting first: that is the one a coordinator looks for.
    sections.ended.reverse();
    const canPlan = managed === "*" || managed.size > 0;
    const upcoming = sections.upcoming.length;
    // Nothing listed and nothing to do on the card: the sentence alone. Otherwise the text is a count,
    // so the card's "no meetings" sentence is not said twice.
    if (!upcoming && !sections.inProgress.length && !sections.ended.length && !held.length && !canPlan)
      return text(t.list.none);
    return [
      {
        text: `${t.list.title}: ${upcoming}`,
        card: meetingListCard(
          { upcoming: sections.upcoming, inProgress: sections.inProgress, ended: sections.ended },
          held,
          canPlan,
        ),
      },
    ];
  }

  private async form(asker: Asker, meeting?: Meeting): Promise<Reply[]> {
    const managed = await this.deps.permissions.managedGroups(asker.aadObjectId);
    if (managed !== "*" && managed.size === 0) return text(t.form.notAllowed);
    const groups = (await this.deps.vus.listGroups()).filter((g) => managed === "*" || managed.has(g.id));
    const card = meetingFormCard(groups, {
      meetingId: meeting?.id ?? "",
      groupId: meeting?.groupId ?? (await this.plannersGroup(asker, groups)),
      date: meeting ? localDateInput(meeting.start) : "",
      start: meeting ? swedishTime(meeting.start) : "09:00",
      length: meeting?.durationMinutes ?? DEFAULT_LENGTH_MINUTES,
      place: meeting?.place ?? "",
      link: meeting?.onlineUrl ?? "",
      theme: meeting?.theme ?? "",
      agenda: meeting?.agenda.join("\n") ?? "",
    });
    return [{ text: meeting ? t.form.editTitle : t.form.newTitle, card }];
  }

  /** The group a new meeting is most likely for: the channel's linked group, else the planner's own group. */
  private async plannersGroup(asker: Asker, groups: Group[]): Promise<string> {
    const channel = asker.channelId ? groups.find((g) => g.channel?.conversationId === asker.channelId) : undefined;
    if (channel) return channel.id;
    const memberships = asker.aadObjectId ? await this.deps.vus.membershipsOf(asker.aadObjectId) : [];
    const own =
      memberships.find((m) => m.role === "coordinator" && groups.some((g) => g.id === m.groupId)) ??
      memberships.find((m) => groups.some((g) => g.id === m.groupId));
    return own?.groupId ?? groups[0]?.id ?? "";
  }

  private async save(value: unknown, asker: Asker): Promise<Reply[]> {
    const parsed = SaveSubmit.safeParse(value);
    if (!parsed.success) return text(t.form.invalid(inputProblems(parsed.error.issues).join("; ")));
    const { meetingId, groupId, ...fields } = parsed.data;
    if (!(await this.deps.permissions.canManage(asker.aadObjectId, groupId))) return text(t.form.notAllowed);
    const groups = await this.deps.vus.listGroups();
    const checked = validateMeetingInput({ ...fields, group: groupId }, groups, this.deps.clock.now());
    if (!checked.ok) return text(t.form.invalid(checked.problems.join("; ")));
    const group = groups.find((g) => g.id === checked.draft.groupId)!;
    const actor = asker.aadObjectId ?? asker.userId;
    const clash = await this.deps.planner.plannedAt(group.id, checked.draft.start);
    if (clash && clash.id !== meetingId) return text(t.form.invalid(t.problems.exists));
    if (meetingId) {
      try {
        const updated = await this.deps.planner.update(meetingId, group.id, checked.draft, actor);
        if (!updated) return text(t.form.notFound);
        return text(t.form.moved(group.name, swedishSpan(updated.meeting.start, updated.meeting.durationMinutes)));
      } catch (err) {
        if (err instanceof ConflictError) return text(t.form.conflict);
        throw err;
      }
    }
    const meeting = await this.deps.planner.create(checked.draft, actor);
    return text(t.form.saved(group.name, swedishSpan(meeting.start, meeting.durationMinutes)));
  }

  private async onMeeting(value: unknown, asker: Asker): Promise<Reply[]> {
    const parsed = MeetingRef.safeParse(value);
    if (!parsed.success) return text(t.form.notFound);
    const { action, groupId, meetingId } = parsed.data;
    if (!(await this.deps.permissions.canManage(asker.aadObjectId, groupId))) return text(t.form.notAllowed);
    const group = (await this.deps.vus.group(groupId))?.doc;
    const stored = await this.deps.vus.meeting(groupId, meetingId);
    if (!group || !stored) return text(t.form.notFound);
    const actor = asker.aadObjectId ?? asker.userId;
    const when = swedishSpan(stored.doc.start, stored.doc.durationMinutes);
    try {
      if (action === "meetings.edit")
        return stored.doc.status === "planned" ? this.form(asker, stored.doc) : text(t.form.alreadyCancelled);
      if (stored.doc.status !== "planned" && action.startsWith("meetings.cancel")) return text(t.form.alreadyCancelled);
      if (action === "meetings.cancel")
        return [{ text: t.cancelConfirm.title(group.name), card: cancelConfirmCard(stored.doc, group.name) }];
      if (action === "meetings.cancelAbort") return text(t.cancelConfirm.kept);
      if (action === "meetings.cancelConfirm")
        return text(
          (await this.deps.planner.cancel(meetingId, groupId, actor))
            ? t.form.cancelled(group.name, when)
            : t.form.alreadyCancelled,
        );
      const marked = await this.deps.planner.markNotHeld(meetingId, groupId, actor);
      if (marked === "notStarted") return text(t.form.notStartedYet);
      return text(marked ? t.form.notHeld(group.name, when) : t.form.notFound);
    } catch (err) {
      if (err instanceof ConflictError) return text(t.form.conflict);
      throw err;
    }
  }

  // --- RSVP (Action.Execute) --------------------------------------------------------------------

  private async formExecuted(verb: string, data: unknown, asker: Asker): Promise<CardAttachment> {
    try {
      return await this.replaceForm(verb, data, asker);
    } catch (err) {
      if (err instanceof ConflictError || err instanceof DuplicateError)
        return confirmationCard(t.confirmation.notSaved, t.conflict);
      throw err;
    }
  }

  /** The join and coordinator forms as Action.Execute: the card becomes the outcome, or the form again with what is missing. */
  private async replaceForm(verb: string, data: unknown, asker: Asker): Promise<CardAttachment> {
    const value = { ...(data as object), action: verb };
    if (verb === "meetings.join") {
      const parsed = JoinSubmit.safeParse(value);
      if (!parsed.success) {
        const given = (data ?? {}) as Record<string, unknown>;
        const pick = (k: string) => (typeof given[k] === "string" ? (given[k] as string).slice(0, 100) : undefined);
        return joinCard(await this.deps.vus.listGroups(), {
          problem: t.join.missing,
          values: { groupId: pick("groupId"), organisation: pick("organisation"), function: pick("function") },
        });
      }
      const [reply] = await this.join(value, asker);
      return confirmationCard(
        reply.text.startsWith(t.join.donePrefix) ? t.confirmation.joined : t.join.title,
        reply.text,
      );
    }
    const [reply] = await this.settings.toggleCoordinator(value, asker);
    return confirmationCard(t.admin.coordinatorTitle, reply.text);
  }

  /** meetings.rsvp (an answer) and meetings.refresh (the card's refresh): the card that replaces the one clicked. */
  private async rsvp(data: unknown, asker: Asker): Promise<CardAttachment | undefined> {
    const parsed = RsvpData.safeParse(data);
    if (!parsed.success) return undefined;
    const { groupId, meetingId, answer, action: verb } = parsed.data;
    const [group, stored] = await Promise.all([
      this.deps.vus.group(groupId),
      this.deps.vus.meeting(groupId, meetingId),
    ]);
    if (!group || !stored) return undefined;
    const meeting = stored.doc;
    const open = meeting.status === "planned" && meeting.start > this.deps.clock.now().toISOString();
    const member = asker.aadObjectId ? (await this.deps.vus.member(groupId, asker.aadObjectId))?.doc : undefined;
    let status: string;
    if (!member) status = t.reminder.rsvpNotMember;
    else if (verb === "meetings.rsvp" && answer && open) {
      await this.deps.vus.saveRsvp({
        groupId,
        meetingId,
        aadObjectId: member.aadObjectId,
        name: member.name,
        answer,
        answeredAt: this.deps.clock.now().toISOString(),
      });
      status = t.reminder.rsvpThanks(t.answerLabels[answer]);
    } else if (verb === "meetings.rsvp" && !open) status = t.reminder.rsvpClosed;
    else {
      const mine = await this.deps.vus.rsvp(groupId, meetingId, member.aadObjectId);
      status = mine ? t.reminder.answered(t.answerLabels[mine.answer]) : t.reminder.rsvpPrompt;
    }
    const title =
      meeting.status === "cancelled" ? t.reminder.cancelledTitle(group.doc.name) : t.reminder.title(group.doc.name);
    // The card replaces the reminder: keep its intro line, told from now rather than from when it was sent.
    const until = open ? offsetUntil(meeting.start, this.deps.clock.now()) : undefined;
    const intro = meeting.status === "cancelled" ? t.reminder.cancelledIntro : until ? t.reminder.inDays(until) : "";
    const members = asker.conversationType === "personal" ? [] : await this.deps.vus.membersOf(groupId);
    return meetingCard(meeting, {
      title,
      intro,
      status,
      rsvpOpen: open,
      personalRefresh: asker.conversationType === "personal" && open,
      refreshUserIds: asker.conversationType !== "personal" && open ? members.map((m) => m.userId) : undefined,
      cases: open ? ((await this.deps.agenda?.(groupId)) ?? []) : [],
    });
  }

  // --- import -----------------------------------------------------------------------------------

  /** A meeting plan sent in personal chat (the file router downloaded it; it is not a knowledge-base file). */
  async importUpload(file: IncomingFile, content: string, asker: Asker): Promise<Reply[]> {
    const allowed = await this.deps.permissions.managedGroups(asker.aadObjectId);
    if (allowed !== "*" && allowed.size === 0) return text(t.importText.notAllowed);
    if (Buffer.byteLength(content, "utf8") > MAX_IMPORT_BYTES) return text(t.importText.tooBig);
    return text((await this.importText(file.name, content, allowed, asker.aadObjectId ?? asker.userId)).message);
  }

  /** Validates a whole file and imports all of it or nothing; returns the Swedish outcome. Also used by `npm run meetings:import`. */
  async importText(
    name: string,
    content: string,
    allowed: Set<string> | "*",
    actor: string,
  ): Promise<{ ok: boolean; message: string }> {
    const read = readMeetingFile(name, content);
    if (!read.ok) return { ok: false, message: read.message };
    const groups = await this.deps.vus.listGroups();
    const existing = (await Promise.all(groups.map((g) => this.deps.vus.meetingsOf(g.id)))).flat();
    const checked = validateImport(read.rows, { groups, existing, allowed, now: this.deps.clock.now() });
    if (!checked.ok) return { ok: false, message: rejectionText(checked.errors) };
    const created = await this.deps.planner.createAll(checked.drafts, actor);
    const names = [...new Set(created.map((m) => groups.find((g) => g.id === m.groupId)?.name ?? m.groupId))].join(
      ", ",
    );
    this.deps.logger.info({ meetings: created.length }, "meetings imported");
    return { ok: true, message: t.importText.done(created.length, names) };
  }
}
