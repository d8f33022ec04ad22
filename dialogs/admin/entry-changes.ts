import { adminText } from "../../core/strings";
import type { Actor } from "../../data/admins";
import { textReply, type Reply } from "../../core/types";
import type { AdminDialogDeps } from "./admin-deps";

/** What every admin write to the knowledge base does afterwards, whichever part of the dialog made it. */
export class EntryChanges {
  constructor(private readonly deps: Pick<AdminDialogDeps, "knowledge" | "logger">) {}

  /** Serve the change here at once; other instances pick it up from the marker within their poll interval. */
  async applied(actor: Actor, what: string, entryId: string, version: number): Promise<void> {
    this.deps.logger?.info({ admin: actor.id, what, entry: entryId, version }, "knowledge entry changed");
    await this.deps.knowledge.reload();
  }

  /** The admin's card carried a stale etag: nothing was written, and they are told to reopen the entry. */
  conflict(title: string, id: string, actor: Actor): Reply[] {
    this.deps.logger?.info({ admin: actor.id, entry: id }, "admin save refused: entry changed since it was opened");
    return textReply(adminText.publish.conflict(title));
  }
}
