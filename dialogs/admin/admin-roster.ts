import { adminText as t } from "../../core/strings";
import { adminAdminsCard } from "../../cards/admin-cards";
import { ObjectId, type Actor } from "../../data/admins";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";

/** Who the admins are: those from the configuration, and those added or removed in Teams. */
export class AdminRoster {
  constructor(private readonly deps: Pick<AdminDialogDeps, "admins" | "logger">) {}

  async show(): Promise<Reply[]> {
    const [added, audit] = await Promise.all([this.deps.admins.added(), this.deps.admins.auditTrail(10)]);
    const active = added.filter((a) => a.active);
    return [
      {
        text: `${t.admins.title}: ${this.deps.admins.configuredIds.length + active.length}`,
        card: adminAdminsCard(this.deps.admins.configuredIds, added, audit),
      },
    ];
  }

  async add(rawId: string, rawName: string, actor: Actor): Promise<Reply[]> {
    const id = ObjectId.safeParse(rawId);
    if (!id.success) return textReply(`${t.admins.badId} ${t.admins.usage}`);
    const name = rawName.trim().slice(0, 200) || id.data;
    const result = await this.deps.admins.add(id.data, name, actor);
    if (!result.ok)
      return textReply(
        result.reason === "configured" || result.reason === "already" ? t.admins.alreadyAdmin(name) : t.admins.notAdmin,
      );
    this.deps.logger?.info({ admin: actor.id, added: id.data }, "admin added");
    return textReply(t.admins.added(name));
  }

  async remove(rawId: string, actor: Actor): Promise<Reply[]> {
    const id = ObjectId.safeParse(rawId);
    if (!id.success) return textReply(`${t.admins.badId} ${t.admins.usage}`);
    const result = await this.deps.admins.remove(id.data, actor);
    if (!result.ok)
      return textReply(
        result.reason === "configured"
          ? t.admins.configured
          : result.reason === "self"
            ? t.admins.notSelf
            : t.admins.notAdmin,
      );
    this.deps.logger?.info({ admin: actor.id, removed: id.data }, "admin removed");
    return textReply(t.admins.removed(result.doc.name));
  }
}
