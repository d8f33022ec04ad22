import { adminText as t, botText } from "../../core/strings";
import type { Actor } from "../../data/admins";
import { textReply, type IncomingMessage, type Reply } from "../../core/types";
import { parseAdminCommand, type AdminCommand } from "./admin-commands";
import type { AdminDialogDeps } from "./admin-deps";
import { AdminRoster } from "./admin-roster";
import { AdminSearch } from "./admin-search";
import { BulkTransfer } from "./bulk-transfer";
import { EntryChanges } from "./entry-changes";
import { EntryEditing } from "./entry-editing";
import { EntryHistory } from "./entry-history";
import { FeedbackReview } from "./feedback-review";
import { ADMIN_ACTIONS, AdminSubmission } from "./submissions";
import { looksLikeKnowledgeBaseExport } from "./import-file";
import type { CardAction, Command, Feature } from "../feature";
import type { HelpLine } from "../../core/strings/bot";

export type { AdminDialogDeps } from "./admin-deps";

const help = botText.commandHelp;

/**
 * The admins' editing of the knowledge base from Teams: search, open, edit with preview and
 * publish, create, retire and restore, history and revert, bulk export and import, the review
 * queue, and the admin roster. Every entry point checks the asker against the admin directory;
 * anyone else gets a polite refusal, the attempt is logged, and nothing changes. The work itself
 * is done by one part per job; this class only guards and dispatches.
 */
export class AdminDialog {
  private readonly searching: AdminSearch;
  private readonly editing: EntryEditing;
  private readonly history: EntryHistory;
  private readonly review: FeedbackReview;
  private readonly transfer: BulkTransfer;
  private readonly roster: AdminRoster;

  constructor(private readonly deps: AdminDialogDeps) {
    const changes = new EntryChanges(deps);
    this.searching = new AdminSearch(deps);
    this.review = new FeedbackReview(deps);
    this.editing = new EntryEditing(deps, changes, this.review);
    this.history = new EntryHistory(deps, changes);
    this.transfer = new BulkTransfer(deps, changes);
    this.roster = new AdminRoster(deps);
  }

  /** The admin feature's registration: its commands, every admin.* button, and knowledge-base files sent back. */
  feature(): Feature {
    const command = (match: RegExp, text: HelpLine): Command => ({
      match,
      help: { text, role: "admin" },
      run: async ({ message, said }) => {
        const parsed = parseAdminCommand(said);
        return parsed && this.guarded(message, parsed.name, (actor) => this.command(parsed, actor));
      },
    });
    const button: CardAction = {
      submit: (value, message) =>
        this.guarded(message, String((value as { action: unknown }).action), (actor) => this.submission(value, actor)),
    };
    return {
      name: "admin",
      commands: [
        command(/^admin$/i, help.admin),
        command(/^(granska|granskning|granskningskö|granskningsko)$/i, help.review),
        command(/^(exportera|export)$/i, help.export),
        command(/^historik( \S+)?$/i, help.history),
        command(/^(admins|administratörer|administratorer|admin (l[äa]gg till|ta bort) .+)$/i, help.admins),
      ],
      // "admin.*": an unknown admin button still gets the admin check and the admin's Swedish refusal.
      cardActions: Object.fromEntries([...ADMIN_ACTIONS, "admin.*"].map((verb) => [verb, button])),
      files: {
        claims: (_file, content) => looksLikeKnowledgeBaseExport(content),
        import: (file, content, message) =>
          this.guarded(message, "import", (actor) => this.transfer.importFile(file, content, actor)),
      },
    };
  }

  /** The user accepted the export's file consent: the file content, built now from the stored base. */
  async exportAccepted(
    message: IncomingMessage,
  ): Promise<{ ok: true; content: Buffer; entries: number } | { ok: false; text: string }> {
    if (!(await this.deps.admins.isAdmin(message.asker.aadObjectId))) {
      this.refused(message, "export");
      return { ok: false, text: t.refusal };
    }
    const { content, entries } = await this.transfer.exportNow();
    this.deps.logger?.info(
      { admin: message.asker.aadObjectId, entries, bytes: content.length },
      "knowledge base exported",
    );
    return { ok: true, content, entries };
  }

  private async guarded(
    message: IncomingMessage,
    action: string,
    run: (actor: Actor) => Promise<Reply[]>,
  ): Promise<Reply[]> {
    const { asker } = message;
    if (!(await this.deps.admins.isAdmin(asker.aadObjectId))) {
      this.refused(message, action);
      return textReply(t.refusal);
    }
    if (asker.conversationType !== "personal") return textReply(t.personalOnly);
    return run({ id: asker.aadObjectId!.toLowerCase(), name: asker.name?.trim() || asker.aadObjectId! });
  }

  private refused(message: IncomingMessage, action: string): void {
    // Who tried what, never the message text.
    this.deps.logger?.warn(
      {
        action,
        tenantId: message.asker.tenantId,
        aadObjectId: message.asker.aadObjectId ?? null,
        conversationType: message.asker.conversationType,
      },
      "admin action refused: not an admin",
    );
  }

  private async command(command: AdminCommand, actor: Actor): Promise<Reply[]> {
    switch (command.name) {
      case "home":
        return this.searching.home();
      case "history":
        if (!command.query) return textReply(t.history.usage);
        return this.history.find(command.query);
      case "export":
        return this.transfer.offerExport();
      case "review":
        return this.review.show();
      case "admins":
        return this.roster.show();
      case "addAdmin":
        return this.roster.add(command.id, command.adminName, actor);
      case "removeAdmin":
        return this.roster.remove(command.id, actor);
    }
  }

  private async submission(value: unknown, actor: Actor): Promise<Reply[]> {
    const parsed = AdminSubmission.safeParse(value);
    if (!parsed.success) {
      this.deps.logger?.warn(
        { action: (value as { action?: unknown }).action, issues: parsed.error.issues.map((i) => i.path.join(".")) },
        "admin submission rejected",
      );
      return textReply(t.badSubmission);
    }
    const d = parsed.data;
    switch (d.action) {
      case "admin.home":
        return this.searching.home();
      case "admin.search":
        return this.searching.search(d.query ?? "");
      case "admin.open":
        return this.searching.open(d.entryId);
      case "admin.edit":
        return this.editing.editForm(d.entryId, d.reviewItems);
      case "admin.new":
        return this.editing.newForm(d.newKind ?? "topic", d.question, d.reviewItems);
      case "admin.preview":
        // The form's field inputs are not in the schema (they depend on the kind); entryFromForm validates them.
        return this.editing.preview(d, value as Record<string, unknown>);
      case "admin.publish":
        return this.editing.publish(d.mode, d.draft, d.etag, d.reviewItems, actor);
      case "admin.reedit":
        return this.editing.reedit(d);
      case "admin.cancel":
        return textReply(t.form.cancelled);
      case "admin.retire":
      case "admin.restore":
        return this.editing.setStatus(d.entryId, d.etag, d.action === "admin.retire" ? "retired" : "active", actor);
      case "admin.history":
        return this.history.show(d.entryId);
      case "admin.revert":
        return this.history.revert(d.entryId, d.version, d.etag, actor);
      case "admin.review":
        return this.review.show();
      case "admin.dismiss":
        return this.review.dismiss(d.reviewItems);
      case "admin.importConfirm":
        return this.transfer.confirmImport(d.importId, actor);
      case "admin.importCancel":
        return this.transfer.cancelImport(d.importId);
      case "admin.admins":
        return this.roster.show();
      case "admin.addAdmin":
        return d.newAdminPerson
          ? this.roster.addKnown(d.newAdminPerson, actor)
          : this.roster.add(d.newAdminId ?? "", d.newAdminName ?? "", actor);
      case "admin.removeAdmin":
        return this.roster.remove(d.aadObjectId, actor);
    }
  }
}
