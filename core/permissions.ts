import type { HelpRole } from "../cards/help-cards";
import type { Asker } from "./types";

export interface HelpRoleDeps {
  /** The knowledge-base admins (configured and added in Teams). */
  isAdmin: (aadObjectId: string | undefined) => Promise<boolean>;
  /** The asker's VuS memberships, with their role in each group. */
  membershipsOf: (aadObjectId: string) => Promise<readonly { role: string }[]>;
}

/** Which commands `hjälp` shows: an admin's, a VuS coordinator's, or everyone's. */
export function helpRoleOf(deps: HelpRoleDeps): (asker: Asker) => Promise<HelpRole> {
  return async (asker) => {
    if (await deps.isAdmin(asker.aadObjectId)) return "admin";
    if (asker.aadObjectId && (await deps.membershipsOf(asker.aadObjectId)).some((m) => m.role === "coordinator"))
      return "coordinator";
    return "everyone";
  };
}
