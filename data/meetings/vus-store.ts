import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Container } from "@azure/cosmos";
import { Repository } from "../repository";
import { DuplicateError } from "../errors";
import { Group, GroupsFile, Meeting, Member, Rsvp } from "./schema";

/** Reads the shipped default county parts (data/meetings/groups.json). */
function defaultGroups(): GroupsFile {
  const dir = __dirname.includes("dist") ? join(__dirname, "..", "..", "..", "data", "meetings") : __dirname;
  return GroupsFile.parse(JSON.parse(readFileSync(join(dir, "groups.json"), "utf8")));
}
type GroupsFile = import("zod").infer<typeof GroupsFile>;

/** Groups, members, meetings and RSVPs in the "vus" container (partition /groupId). */
export class VusStore {
  readonly groups: Repository<typeof Group>;
  readonly members: Repository<typeof Member>;
  readonly meetings: Repository<typeof Meeting>;
  readonly rsvps: Repository<typeof Rsvp>;

  constructor(
    container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.groups = new Repository(container, Group, (d) => d.groupId, "group");
    this.members = new Repository(container, Member, (d) => d.groupId, "member");
    this.meetings = new Repository(container, Meeting, (d) => d.groupId, "meeting");
    this.rsvps = new Repository(container, Rsvp, (d) => d.groupId, "rsvp");
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

  async group(groupId: string) {
    return this.groups.read(groupId, groupId);
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

  async meeting(groupId: string, meetingId: string) {
    return this.meetings.read(meetingId, groupId);
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
export const rsvpDocId = (meetingId: string, aadObjectId: string) => `rsvp.${meetingId}.${aadObjectId}`;
