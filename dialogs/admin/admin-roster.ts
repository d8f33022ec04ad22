import { adminText as t } from "../../core/strings";
import { adminAdminsCard } from "../../cards/admin-cards";
import { ObjectId, type Actor } from "../../data/admins";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps, KnownPerson } from "./admin-deps";

/** Who the admins are: those from the configuration, and those added or removed in Teams. */
export class AdminRoster {
  constructor(private readonly deps: Pick<AdminDialogDeps, "admins" | "logger" | "people">) {}

  private async people(): Promise<KnownPerson[]> {
    const all = (await this.deps.people?.()) ?? [];
    // One row per person, by name.
    const seen = new Set<string>();
    return all
      .filter((p) => !seen.has(p.aadObjectId.toLowerCase()) && seen.add(p.aadObjectId.toLowerCase()))
      .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  }

  async show(): Promise<Reply[]> {
    const [added, audit, people] = await Promise.all([
      this.deps.admins.added(),
      this.deps.admins.auditTrail(10),
      this.people(),
    ]);
    const active = added.filter((a) => a.active);
    const admins = new Set([...this.deps.admins.configuredIds, ...active.map((a) => a.id)]);
    const nameOf = (id: string) => people.find((p) => p.aadObjectId.toLowerCase() === id)?.name;
    return [
      {
        text: `${t.admins.title}: ${this.deps.admins.configuredIds.length + active.length}`,
        card: adminAdminsCard(
          this.deps.admins.configuredIds.map((id) => ({ id, name: nameOf(id) })),
          added,
          audit,
          people.filter((p) => !admins.has(p.aadObjectId.toLowerCase())),
        ),
      },
    ];
  }

  /** An admin picked by name from the people the bot knows. */
  async addKnown(aadObjectId: string, actor: Actor): Promise<Reply[]> {
    const person = (await this.people()).find((p) => p.aadObjectId.toLowerCase() === aadObjectId.toLowerCase());
    if (!person) return textReply(t.admins.unknownPerson);
    return this.add(person.aadObjectId, person.name, actor);
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
