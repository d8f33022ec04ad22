import type { Asker } from "./types";

/** Who the bot treats someone as: an admin's, a VuS coordinator's or everyone's commands and views. */
export type Role = "everyone" | "coordinator" | "admin";

/** Whether someone is an admin: the one check every feature shares (configured and Teams-added admins, any case). */
export type AdminCheck = (aadObjectId: string | undefined) => boolean | Promise<boolean>;

/** Admins configured by id only, compared case-insensitively (for tools and tests without the admin directory). */
export function configuredAdmins(ids: readonly string[]): AdminCheck {
  const set = new Set(ids.map((id) => id.toLowerCase()));
  return (aadObjectId) => Boolean(aadObjectId && set.has(aadObjectId.toLowerCase()));
}

export interface PermissionsDeps {
  isAdmin: AdminCheck;
  /** A person's VuS memberships, with their role in each group. */
  membershipsOf: (aadObjectId: string) => Promise<readonly { groupId: string; role: string }[]>;
}

/**
 * The visibility rule every feature shares: admins see and manage every VuS group, coordinators the
 * groups they coordinate, everyone else none.
 */
export class Permissions {
  constructor(private readonly deps: PermissionsDeps) {}

  async isAdmin(aadObjectId: string | undefined): Promise<boolean> {
    return Boolean(aadObjectId) && (await this.deps.isAdmin(aadObjectId));
  }

  /** Group ids the person may manage; "*" for admins. */
  async managedGroups(aadObjectId: string | undefined): Promise<Set<string> | "*"> {
    if (await this.isAdmin(aadObjectId)) return "*";
    if (!aadObjectId) return new Set();
    return new Set(
      (await this.deps.membershipsOf(aadObjectId)).filter((m) => m.role === "coordinator").map((m) => m.groupId),
    );
  }

  async canManage(aadObjectId: string | undefined, groupId: string): Promise<boolean> {
    const groups = await this.managedGroups(aadObjectId);
    return groups === "*" || groups.has(groupId);
  }

  /** Whose commands `hjälp` shows the asker. */
  async roleOf(asker: Asker): Promise<Role> {
    const managed = await this.managedGroups(asker.aadObjectId);
    if (managed === "*") return "admin";
    return managed.size > 0 ? "coordinator" : "everyone";
  }
}
