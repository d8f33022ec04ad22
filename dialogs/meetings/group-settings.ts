import { z } from "zod";
import { meetingsText } from "../../core/strings";
import { coordinatorCard } from "../../cards/meeting-cards";
import { textReply as text, type Asker, type Reply } from "../../core/types";
import type { MeetingsFeatureDeps } from "./feature";
import { findGroup } from "./meeting-input";

const t = meetingsText;

const CoordinatorSubmit = z.object({
  action: z.literal("meetings.coordinator"),
  member: z.string().regex(/^[a-z][a-z0-9-]{1,39}\|[A-Za-z0-9-]{1,64}$/),
});

/** A group's settings: its municipalities and coordinators (admins), and the team channel that gets its reminders. */
export class GroupSettings {
  constructor(private readonly deps: Pick<MeetingsFeatureDeps, "vus" | "permissions" | "clock">) {}

  async setMunicipalities(asker: Asker, groupRef: string, list: string): Promise<Reply[]> {
    if (!(await this.deps.permissions.isAdmin(asker.aadObjectId))) return text(t.admin.notAdmin);
    const group = findGroup(await this.deps.vus.listGroups(), groupRef);
    const municipalities = [
      ...new Set(
        list
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    if (!group || !municipalities.length || municipalities.length > 12 || municipalities.some((m) => m.length > 60))
      return text(t.admin.municipalitiesUsage);
    const stored = (await this.deps.vus.group(group.id))!;
    await this.deps.vus.replaceGroup(
      { ...stored.doc, municipalities, updatedAt: this.deps.clock.now().toISOString() },
      stored.etag,
    );
    return text(t.admin.municipalitiesSaved(group.name, municipalities.join(", ")));
  }

  async coordinatorForm(asker: Asker): Promise<Reply[]> {
    if (!(await this.deps.permissions.isAdmin(asker.aadObjectId))) return text(t.admin.notAdmin);
    const groups = await this.deps.vus.listGroups();
    const members = (await Promise.all(groups.map((g) => this.deps.vus.membersOf(g.id)))).flat();
    if (!members.length) return text(t.admin.noMembers);
    const choices = members.map((m) => ({
      title: t.admin.coordinatorChoiceTitle(
        m.name || m.organisation,
        groups.find((g) => g.id === m.groupId)?.name ?? m.groupId,
        m.role === "coordinator",
      ),
      value: `${m.groupId}|${m.aadObjectId}`,
    }));
    return [{ text: t.admin.coordinatorTitle, card: coordinatorCard(choices) }];
  }

  async toggleCoordinator(value: unknown, asker: Asker): Promise<Reply[]> {
    if (!(await this.deps.permissions.isAdmin(asker.aadObjectId))) return text(t.admin.notAdmin);
    const parsed = CoordinatorSubmit.safeParse(value);
    if (!parsed.success) return text(t.admin.coordinatorUsage);
    const [groupId, aad] = parsed.data.member.split("|");
    const stored = await this.deps.vus.member(groupId, aad);
    const group = (await this.deps.vus.group(groupId))?.doc;
    if (!stored || !group) return text(t.admin.coordinatorUsage);
    const role = stored.doc.role === "coordinator" ? "member" : "coordinator";
    await this.deps.vus.replaceMember(
      { ...stored.doc, role, updatedAt: this.deps.clock.now().toISOString() },
      stored.etag,
    );
    const who = stored.doc.name || stored.doc.organisation;
    return text(
      role === "coordinator" ? t.admin.coordinatorOn(who, group.name) : t.admin.coordinatorOff(who, group.name),
    );
  }

  async linkChannel(asker: Asker, groupRef: string): Promise<Reply[]> {
    if (asker.conversationType !== "channel" || !asker.channelId) return text(t.admin.channelOnly);
    const group = findGroup(await this.deps.vus.listGroups(), groupRef);
    if (!group) return text(t.admin.channelUsage);
    if (!(await this.deps.permissions.canManage(asker.aadObjectId, group.id))) return text(t.form.notAllowed);
    const stored = (await this.deps.vus.group(group.id))!;
    await this.deps.vus.replaceGroup(
      {
        ...stored.doc,
        channel: {
          tenantId: asker.tenantId,
          conversationId: asker.channelId,
          ...(asker.teamId ? { teamId: asker.teamId } : {}),
        },
        updatedAt: this.deps.clock.now().toISOString(),
      },
      stored.etag,
    );
    return text(t.admin.channelLinked(group.name));
  }
}
