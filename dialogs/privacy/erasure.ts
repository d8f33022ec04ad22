import type { Container } from "@azure/cosmos";
import { deleteConversationState } from "../../data/bot-state";
import type { ConversationRecord, ConversationStore } from "../../data/conversations";
import type { FeedbackStore } from "../../data/feedback";
import type { JoinRequest, Member, Rsvp } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import type { EscalationCase } from "../../data/escalation/schema";

/** What erasure needs of "Fråga Välfärd": the cases a person asked, and taking the asker off one. */
export interface AskedCases {
  ofAsker(aadObjectId: string): Promise<EscalationCase[]>;
  askers(): Promise<{ aadObjectId: string; name: string }[]>;
  /** Deletes an unanswered case, or removes the asker from an answered or closed one. */
  eraseAsker(caseId: string, aadObjectId: string): Promise<"deleted" | "anonymised" | undefined>;
}

// Erasure of one person's personal data: what exists because of them and names them (memberships, open
// join requests, RSVPs, their personal chats with the bot and that chat's memory, the questions and
// 👍/👎 stored under their pseudonym, and their questions to Välfärd: deleted when nobody answered them,
// kept without the asker when an expert did). Evaluation answers, cases, meeting planners, the experts
// named on questions to Välfärd and the admin audit are kept on purpose (README, "Retention (gallring)
// and erasure").

export interface ErasureDeps {
  vus: VusStore;
  conversations: ConversationStore;
  feedback: FeedbackStore;
  botState: Container;
  escalations: AskedCases;
  /** The pseudonym the Q&A feature stores for a person in a tenant (core/pseudonym.ts). */
  pseudonym: (tenantId: string, aadObjectId: string) => string;
  /** Tenants the bot serves (ALLOWED_TENANT_IDS; empty = any), besides those the person's records name. */
  tenants: readonly string[];
}

/** Someone an admin named: who, and what is stored about them. */
export interface PersonData {
  aadObjectId: string;
  name: string;
  memberships: Member[];
  requests: JoinRequest[];
  rsvps: Rsvp[];
  chats: ConversationRecord[];
  /** Questions and 👍/👎 stored under their pseudonyms. */
  feedback: number;
  /** Questions they sent to Välfärd. */
  escalations: EscalationCase[];
  /** Channels and group chats whose stored install reference names them as the installer. */
  installs: ConversationRecord[];
}

export interface ErasureCounts {
  memberships: number;
  requests: number;
  rsvps: number;
  chats: number;
  feedback: number;
  /** Questions to Välfärd nobody had answered, deleted. */
  escalations: number;
  /** Questions to Välfärd an expert answered or closed, kept without the asker. */
  escalationsAnonymised: number;
  /** Channel and group-chat installs that no longer name them. */
  installs: number;
}

/** Entra object ids are GUIDs; Teams sends them in either case, so both spellings are looked for. */
const spellings = (aadObjectId: string) => [...new Set([aadObjectId, aadObjectId.toLowerCase()])];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

/** The display name Teams put in a chat's conversation reference, if any. */
function chatName(c: ConversationRecord): string | undefined {
  const name = (c.reference.user as { name?: unknown } | undefined)?.name;
  return typeof name === "string" && name.trim() ? name : undefined;
}

export class Erasure {
  constructor(private readonly deps: ErasureDeps) {}

  /** The people an admin's words name: an Entra object id, or a name as members and requests carry it. */
  async find(words: string): Promise<PersonData[]> {
    const wanted = words.trim();
    if (GUID.test(wanted)) {
      const person = await this.survey(wanted);
      return this.holdsAnything(person) ? [person] : [];
    }
    const name = fold(wanted);
    if (!name) return [];
    const groups = await this.deps.vus.listGroups();
    const chats = (await this.deps.conversations.personalChats()).flatMap((c) =>
      c.aadObjectId ? [{ aadObjectId: c.aadObjectId, name: chatName(c) ?? "" }] : [],
    );
    const named = [
      ...(await Promise.all(groups.map((g) => this.deps.vus.membersOf(g.id)))).flat(),
      ...(await this.deps.vus.allRequests()),
      ...chats,
      ...(await this.deps.escalations.askers()),
    ].filter((p) => p.name && fold(p.name) === name);
    const ids = [...new Set(named.map((p) => p.aadObjectId.toLowerCase()))].slice(0, 5);
    return Promise.all(
      ids.map((id) => this.survey(named.find((p) => p.aadObjectId.toLowerCase() === id)!.aadObjectId)),
    );
  }

  /** Everything stored about one person. */
  async survey(aadObjectId: string): Promise<PersonData> {
    const { vus, conversations, feedback } = this.deps;
    const ids = spellings(aadObjectId);
    const memberships = (await Promise.all(ids.map((id) => vus.membershipsOf(id)))).flat();
    const requests = await vus.requestsOfPerson(ids);
    const groups = await vus.listGroups();
    const rsvps = (await Promise.all(groups.flatMap((g) => ids.map((id) => vus.rsvpsOfPerson(g.id, id))))).flat();
    const chats = (await conversations.personalRecordsOf(aadObjectId)).filter((c) => c.conversationType === "personal");
    const escalations = await this.deps.escalations.ofAsker(aadObjectId);
    const name =
      [...memberships, ...requests].find((p) => p.name)?.name ??
      rsvps.find((r) => r.name)?.name ??
      chats.map(chatName).find(Boolean) ??
      escalations.find((c) => c.asker?.name)?.asker?.name;
    return {
      aadObjectId,
      name: name ?? "",
      memberships,
      requests,
      rsvps,
      chats,
      feedback: await feedback.countByAsker(this.pseudonyms(aadObjectId, [...memberships, ...requests, ...chats])),
      escalations,
      installs: await conversations.installsNaming(aadObjectId),
    };
  }

  /** Deletes everything `survey` finds now (not what it found when the card was shown). */
  async erase(aadObjectId: string): Promise<{ person: PersonData; counts: ErasureCounts }> {
    const { vus, conversations, feedback, botState } = this.deps;
    const person = await this.survey(aadObjectId);
    const counts: ErasureCounts = {
      memberships: 0,
      requests: 0,
      rsvps: 0,
      chats: 0,
      feedback: 0,
      escalations: 0,
      escalationsAnonymised: 0,
      installs: 0,
    };
    for (const m of person.memberships) if (await vus.removeMember(m)) counts.memberships++;
    for (const r of person.requests) if (await vus.removeRequest(r.groupId, r.aadObjectId)) counts.requests++;
    for (const r of person.rsvps) if (await vus.removeRsvp(r)) counts.rsvps++;
    for (const c of person.chats) {
      await deleteConversationState(botState, c.reference.channelId, c.conversationId);
      if (await conversations.remove(c)) counts.chats++;
    }
    counts.feedback = await feedback.deleteByAsker(
      this.pseudonyms(aadObjectId, [...person.memberships, ...person.requests, ...person.chats]),
    );
    for (const c of person.escalations) {
      const done = await this.deps.escalations.eraseAsker(c.id, aadObjectId);
      if (done === "deleted") counts.escalations++;
      if (done === "anonymised") counts.escalationsAnonymised++;
    }
    for (const c of person.installs) if (await conversations.forgetInstaller(c)) counts.installs++;
    return { person, counts };
  }

  holdsAnything(p: PersonData): boolean {
    const { memberships, requests, rsvps, chats, escalations, installs } = p;
    const records = memberships.length + requests.length + rsvps.length + chats.length + installs.length;
    return records + p.feedback + escalations.length > 0;
  }

  /** The person's pseudonym in every tenant they could have asked from. */
  private pseudonyms(aadObjectId: string, records: { tenantId: string }[]): string[] {
    const tenants = new Set([...this.deps.tenants, ...records.map((r) => r.tenantId)]);
    return [...tenants].flatMap((t) => spellings(aadObjectId).map((id) => this.deps.pseudonym(t, id)));
  }
}
