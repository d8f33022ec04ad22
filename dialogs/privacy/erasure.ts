import type { Container } from "@azure/cosmos";
import { deleteConversationState } from "../../data/bot-state";
import type { ConversationRecord, ConversationStore } from "../../data/conversations";
import type { FeedbackStore } from "../../data/feedback";
import type { JoinRequest, Member, Rsvp } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";

// Erasure of one person's personal data: what exists because of them and names them (memberships, open
// join requests, RSVPs, their personal chats with the bot and that chat's memory, and the questions and
// 👍/👎 stored under their pseudonym). Evaluation answers, cases, meeting planners and the admin audit are
// kept on purpose (README, "Retention (gallring) and erasure").

export interface ErasureDeps {
  vus: VusStore;
  conversations: ConversationStore;
  feedback: FeedbackStore;
  botState: Container;
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
}

export interface ErasureCounts {
  memberships: number;
  requests: number;
  rsvps: number;
  chats: number;
  feedback: number;
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
    const name =
      [...memberships, ...requests].find((p) => p.name)?.name ??
      rsvps.find((r) => r.name)?.name ??
      chats.map(chatName).find(Boolean);
    return {
      aadObjectId,
      name: name ?? "",
      memberships,
      requests,
      rsvps,
      chats,
      feedback: await feedback.countByAsker(this.pseudonyms(aadObjectId, [...memberships, ...requests, ...chats])),
    };
  }

  /** Deletes everything `survey` finds now (not what it found when the card was shown). */
  async erase(aadObjectId: string): Promise<{ person: PersonData; counts: ErasureCounts }> {
    const { vus, conversations, feedback, botState } = this.deps;
    const person = await this.survey(aadObjectId);
    const counts: ErasureCounts = { memberships: 0, requests: 0, rsvps: 0, chats: 0, feedback: 0 };
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
    return { person, counts };
  }

  holdsAnything(p: PersonData): boolean {
    return p.memberships.length + p.requests.length + p.rsvps.length + p.chats.length + p.feedback > 0;
  }

  /** The person's pseudonym in every tenant they could have asked from. */
  private pseudonyms(aadObjectId: string, records: { tenantId: string }[]): string[] {
    const tenants = new Set([...this.deps.tenants, ...records.map((r) => r.tenantId)]);
    return [...tenants].flatMap((t) => spellings(aadObjectId).map((id) => this.deps.pseudonym(t, id)));
  }
}
