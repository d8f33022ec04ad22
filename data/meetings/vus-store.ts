import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Container } from "@azure/cosmos";
import type { z } from "zod";
import { REPO_ROOT } from "../../core/repo-root";
import { Repository, type Stored } from "../repository";
import { DuplicateError } from "../errors";
import { Group, GroupsFile, JoinRequest, Meeting, Member, Rsvp } from "./schema";

/** Reads the shipped default county parts (data/meetings/groups.json). */
function defaultGroups(): GroupsFile {
  return GroupsFile.parse(JSON.parse(readFileSync(join(REPO_ROOT, "data", "meetings", "groups.json"), "utf8")));
}
type GroupsFile = z.infer<typeof GroupsFile>;

/** Groups, members, meetings and RSVPs in the "vus" container (partition /groupId). */
export class VusStore {
  private readonly groups: Repository<typeof Group>;
  private readonly members: Repository<typeof Member>;
  private readonly meetings: Repository<typeof Meeting>;
  private readonly rsvps: Repository<typeof Rsvp>;
  private readonly requests: Repository<typeof JoinRequest>;

  constructor(
    container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.groups = new Repository(container, Group, (d) => d.groupId, "group");
    this.members = new Repository(container, Member, (d) => d.groupId, "member");
    this.meetings = new Repository(container, Meeting, (d) => d.groupId, "meeting");
    this.rsvps = new Repository(container, Rsvp, (d) => d.groupId, "rsvp");
    this.requests = new Repository(container, JoinRequest, (d) => d.groupId, "joinRequest");
  }

  /** Open requests to join a group, oldest first. */
  async requestsOf(groupId: string): Promise<JoinRequest[]> {
    const found = await this.requests.query(
      "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'joinRequest'",
      [{ name: "@g", value: groupId }],
      groupId,
    );
    return found.map((s) => s.doc).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }

  /** A person's open requests, in every group (a cross-partition query over four partitions). */
  async requestsOfPerson(aadObjectIds: string[]): Promise<JoinRequest[]> {
    const found = await this.requests.query(
      "SELECT * FROM c WHERE c.type = 'joinRequest' AND ARRAY_CONTAINS(@u, c.aadObjectId)",
      [{ name: "@u", value: aadObjectIds }],
    );
    return found.map((s) => s.doc);
  }

  /** Every open request (for finding a person by name). */
  async allRequests(): Promise<JoinRequest[]> {
    return (await this.requests.query("SELECT * FROM c WHERE c.type = 'joinRequest'")).map((s) => s.doc);
  }

  async request(groupId: string, aadObjectId: string): Promise<JoinRequest | undefined> {
    return (await this.requests.read(requestDocId(aadObjectId), groupId))?.doc;
  }

  /** One open request per person and group: asking again replaces the details. */
  async saveRequest(request: Omit<JoinRequest, "id" | "type">): Promise<void> {
    await this.requests.upsert({ ...request, id: requestDocId(request.aadObjectId), type: "joinRequest" });
  }

  async removeRequest(groupId: string, aadObjectId: string): Promise<boolean> {
    return this.requests.delete(requestDocId(aadObjectId), groupId);
  }

  /** Creates the default groups that do not exist yet; never overwrites an admin's change. */
  async seedGroups(file: GroupsFile = defaultGroups()): Promise<number> {
    let created = 0;
    for (const g of file.groups) {
      try {
        await this.groups.create({
          id: g.id,
          type: "group",
          groupId: g.id,
          name: g.name,
          municipalities: g.municipalities,
          updatedAt: this.now().toISOString(),
        });
        created++;
      } catch (err) {
        if (!(err instanceof DuplicateError)) throw err;
      }
    }
    return created;
  }

  async listGroups(): Promise<Group[]> {
    const found = await this.groups.query("SELECT * FROM c WHERE c.type = 'group'");
    return found.map((s) => s.doc).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  }

  async group(groupId: string): Promise<Stored<Group> | undefined> {
    return this.groups.read(groupId, groupId);
  }

  async createGroup(group: Group): Promise<Stored<Group>> {
    return this.groups.create(group);
  }

  /** Etag replace: ConflictError when someone changed the group meanwhile. */
  async replaceGroup(group: Group, etag: string): Promise<Stored<Group>> {
    return this.groups.replace(group, etag);
  }

  /** One person's membership of one group. */
  async member(groupId: string, aadObjectId: string): Promise<Stored<Member> | undefined> {
    return this.members.read(memberDocId(aadObjectId), groupId);
  }

  /** DuplicateError when the person joined meanwhile. */
  async createMember(member: Member): Promise<Stored<Member>> {
    return this.members.create(member);
  }

  async replaceMember(member: Member, etag: string): Promise<Stored<Member>> {
    return this.members.replace(member, etag);
  }

  async removeMember(member: Pick<Member, "id" | "groupId">): Promise<boolean> {
    return this.members.delete(member.id, member.groupId);
  }

  async membersOf(groupId: string): Promise<Member[]> {
    const found = await this.members.query(
      "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'member'",
      [{ name: "@g", value: groupId }],
      groupId,
    );
    return found.map((s) => s.doc);
  }

  /** Every membership of a person (across groups: a cross-partition query over four partitions). */
  async membershipsOf(aadObjectId: string): Promise<Member[]> {
    const found = await this.members.query("SELECT * FROM c WHERE c.type = 'member' AND c.aadObjectId = @u", [
      { name: "@u", value: aadObjectId },
    ]);
    return found.map((s) => s.doc);
  }

  async meetingsOf(groupId: string): Promise<Meeting[]> {
    const found = await this.meetings.query(
      "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'meeting'",
      [{ name: "@g", value: groupId }],
      groupId,
    );
    return found.map((s) => s.doc).sort((a, b) => a.start.localeCompare(b.start));
  }

  async meeting(groupId: string, meetingId: string): Promise<Stored<Meeting> | undefined> {
    return this.meetings.read(meetingId, groupId);
  }

  async createMeeting(meeting: Meeting): Promise<Stored<Meeting>> {
    return this.meetings.create(meeting);
  }

  async replaceMeeting(meeting: Meeting, etag: string): Promise<Stored<Meeting>> {
    return this.meetings.replace(meeting, etag);
  }

  async deleteMeeting(meeting: Pick<Meeting, "id" | "groupId">): Promise<boolean> {
    return this.meetings.delete(meeting.id, meeting.groupId);
  }

  /** One member's answer to one meeting's invitation. */
  async rsvp(groupId: string, meetingId: string, aadObjectId: string): Promise<Rsvp | undefined> {
    return (await this.rsvps.read(rsvpDocId(meetingId, aadObjectId), groupId))?.doc;
  }

  /** The latest answer wins. */
  async saveRsvp(rsvp: Omit<Rsvp, "id" | "type">): Promise<void> {
    await this.rsvps.upsert({ ...rsvp, id: rsvpDocId(rsvp.meetingId, rsvp.aadObjectId), type: "rsvp" });
  }

  /** A person's RSVPs in one group (for `lämna` and erasure). */
  async rsvpsOfPerson(groupId: string, aadObjectId: string): Promise<Rsvp[]> {
    const found = await this.rsvps.query(
      "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'rsvp' AND c.aadObjectId = @u",
      [
        { name: "@g", value: groupId },
        { name: "@u", value: aadObjectId },
      ],
      groupId,
    );
    return found.map((s) => s.doc);
  }

  async removeRsvp(rsvp: Pick<Rsvp, "id" | "groupId">): Promise<boolean> {
    return this.rsvps.delete(rsvp.id, rsvp.groupId);
  }

  // --- retention: each purge reads one group's partition at a time ------------------------------

  private async eachGroup(purge: (groupId: string) => Promise<number>): Promise<number> {
    let deleted = 0;
    for (const g of await this.listGroups()) deleted += await purge(g.id);
    return deleted;
  }

  /** Join requests nobody decided before `before`. */
  async purgeRequestsBefore(before: Date): Promise<number> {
    return this.eachGroup((g) =>
      this.requests.deleteWhere(
        "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'joinRequest' AND c.requestedAt < @before",
        [
          { name: "@g", value: g },
          { name: "@before", value: before.toISOString() },
        ],
        g,
      ),
    );
  }

  /** RSVPs to meetings that started before `before` (and those of meetings gone, answered before it). */
  async purgeRsvpsBefore(before: Date): Promise<number> {
    const b = before.toISOString();
    return this.eachGroup(async (g) => {
      const meetings = await this.meetingsOf(g);
      return this.rsvps.deleteWhere(
        "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'rsvp' AND (ARRAY_CONTAINS(@old, c.meetingId) OR (NOT ARRAY_CONTAINS(@all, c.meetingId) AND c.answeredAt < @before))",
        [
          { name: "@g", value: g },
          { name: "@old", value: meetings.filter((m) => m.start < b).map((m) => m.id) },
          { name: "@all", value: meetings.map((m) => m.id) },
          { name: "@before", value: b },
        ],
        g,
      );
    });
  }

  /** Meetings that started before `before`. */
  async purgeMeetingsBefore(before: Date): Promise<number> {
    return this.eachGroup((g) =>
      this.meetings.deleteWhere(
        "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'meeting' AND c.start < @before",
        [
          { name: "@g", value: g },
          { name: "@before", value: before.toISOString() },
        ],
        g,
      ),
    );
  }

  async rsvpsOf(groupId: string, meetingId: string): Promise<Rsvp[]> {
    const found = await this.rsvps.query(
      "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'rsvp' AND c.meetingId = @m",
      [
        { name: "@g", value: groupId },
        { name: "@m", value: meetingId },
      ],
      groupId,
    );
    return found.map((s) => s.doc);
  }
}

export const memberDocId = (aadObjectId: string) => `member.${aadObjectId}`;
const requestDocId = (aadObjectId: string) => `request.${aadObjectId}`;
const rsvpDocId = (meetingId: string, aadObjectId: string) => `rsvp.${meetingId}.${aadObjectId}`;
