import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { DuplicateError } from "./errors";
import { Repository } from "./repository";

// Documents of the `admin` container (partition key /kind, see data/containers.ts):
//   admin  id = Entra object id (lower case). An admin named from Teams; removal keeps the document
//          (active: false) so the roster itself shows who removed whom.
//   audit  id = uuid. One event per roster change, newest first when listed.
// Pending imports share the container (data/kb/pending-imports.ts). Admins are named people acting
// in an official role: their ids and names are audit facts and are stored as they are.

export const ObjectId = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/)
  .transform((s) => s.toLowerCase());

const IsoTime = z.string().datetime({ offset: true });

export const AdminDoc = z.object({
  id: ObjectId,
  kind: z.literal("admin"),
  name: z.string().min(1).max(200),
  active: z.boolean(),
  addedBy: ObjectId,
  addedByName: z.string().max(200),
  addedAt: IsoTime,
  removedBy: ObjectId.optional(),
  removedByName: z.string().max(200).optional(),
  removedAt: IsoTime.optional(),
});
export type AdminDoc = z.infer<typeof AdminDoc>;

export const AuditDoc = z.object({
  id: z.string().uuid(),
  kind: z.literal("audit"),
  at: IsoTime,
  actor: ObjectId,
  actorName: z.string().max(200),
  event: z.enum(["admin-added", "admin-removed"]),
  target: ObjectId,
  targetName: z.string().max(200),
});
export type AuditDoc = z.infer<typeof AuditDoc>;

/** Someone acting as an admin: Entra object id and display name. */
export interface Actor {
  id: string;
  name: string;
}

export type RosterResult =
  { ok: true; doc: AdminDoc } | { ok: false; reason: "already" | "configured" | "unknown" | "self" };

/**
 * Who may edit the knowledge base: the object ids in ADMIN_AAD_OBJECT_IDS plus those named from
 * Teams. Configured admins cannot be removed from Teams, so a mistake in Teams cannot lock everyone out.
 */
export class AdminDirectory {
  private readonly admins: Repository<typeof AdminDoc>;
  private readonly audit: Repository<typeof AuditDoc>;
  private readonly configured: ReadonlySet<string>;

  constructor(
    container: Container,
    configured: readonly string[],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.admins = new Repository(container, AdminDoc, (d) => d.kind);
    this.audit = new Repository(container, AuditDoc, (d) => d.kind);
    this.configured = new Set(configured.map((s) => s.toLowerCase()));
  }

  get configuredIds(): string[] {
    return [...this.configured];
  }

  isConfigured(aadObjectId: string): boolean {
    return this.configured.has(aadObjectId.toLowerCase());
  }

  /** One point read at most: configured admins never touch Cosmos. */
  async isAdmin(aadObjectId: string | undefined): Promise<boolean> {
    if (!aadObjectId) return false;
    const id = aadObjectId.toLowerCase();
    if (this.configured.has(id)) return true;
    if (!ObjectId.safeParse(id).success) return false;
    return (await this.admins.read(id, "admin"))?.doc.active === true;
  }

  /** Admins named in Teams (active and removed), by name. */
  async added(): Promise<AdminDoc[]> {
    const rows = await this.admins.query(
      "SELECT * FROM c WHERE c.kind = @kind",
      [{ name: "@kind", value: "admin" }],
      "admin",
    );
    return rows.map((r) => r.doc).sort((a, b) => a.name.localeCompare(b.name, "sv"));
  }

  async add(target: string, name: string, by: Actor): Promise<RosterResult> {
    const id = ObjectId.parse(target);
    if (this.configured.has(id)) return { ok: false, reason: "configured" };
    const at = this.now().toISOString();
    const doc: AdminDoc = {
      id,
      kind: "admin",
      name,
      active: true,
      addedBy: by.id.toLowerCase(),
      addedByName: by.name,
      addedAt: at,
    };
    const current = await this.admins.read(id, "admin");
    if (current?.doc.active) return { ok: false, reason: "already" };
    try {
      const saved = current ? await this.admins.replace(doc, current.etag) : await this.admins.create(doc);
      await this.record("admin-added", by, id, name);
      return { ok: true, doc: saved.doc };
    } catch (err) {
      if (err instanceof DuplicateError) return { ok: false, reason: "already" };
      throw err;
    }
  }

  async remove(target: string, by: Actor): Promise<RosterResult> {
    const id = ObjectId.parse(target);
    if (this.configured.has(id)) return { ok: false, reason: "configured" };
    if (id === by.id.toLowerCase()) return { ok: false, reason: "self" };
    const current = await this.admins.read(id, "admin");
    if (!current?.doc.active) return { ok: false, reason: "unknown" };
    const doc: AdminDoc = {
      ...current.doc,
      active: false,
      removedBy: by.id.toLowerCase(),
      removedByName: by.name,
      removedAt: this.now().toISOString(),
    };
    const saved = await this.admins.replace(doc, current.etag);
    await this.record("admin-removed", by, id, current.doc.name);
    return { ok: true, doc: saved.doc };
  }

  /** Retention: roster events, and the records of admins removed, from before `before`. */
  async purgeAuditBefore(before: Date): Promise<number> {
    const at = [{ name: "@before", value: before.toISOString() }];
    return (
      (await this.audit.deleteWhere("SELECT * FROM c WHERE c.kind = 'audit' AND c.at < @before", at, "audit")) +
      (await this.admins.deleteWhere(
        "SELECT * FROM c WHERE c.kind = 'admin' AND c.active = false AND c.removedAt < @before",
        at,
        "admin",
      ))
    );
  }

  /** The roster's audit trail, newest first. */
  async auditTrail(limit = 20): Promise<AuditDoc[]> {
    const rows = await this.audit.query(
      "SELECT TOP @limit * FROM c WHERE c.kind = @kind ORDER BY c.at DESC",
      [
        { name: "@kind", value: "audit" },
        { name: "@limit", value: limit },
      ],
      "audit",
    );
    return rows.map((r) => r.doc);
  }

  private async record(event: AuditDoc["event"], by: Actor, target: string, targetName: string): Promise<void> {
    await this.audit.create({
      id: randomUUID(),
      kind: "audit",
      at: this.now().toISOString(),
      actor: by.id.toLowerCase(),
      actorName: by.name,
      event,
      target,
      targetName,
    });
  }
}
