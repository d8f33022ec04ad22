import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { ObjectId } from "../admins";
import { Repository } from "../repository";
import { KbEntry } from "./schema";

// Kind "import" in the `admin` container (partition key /kind): a validated import file waiting for
// the admin's confirmation. Too large for card data, so the confirm button carries only its id.
// The embedded server has no TTL: expiry is checked on use, and the document is deleted once
// confirmed or cancelled.

/** How long a summary can be confirmed. */
const IMPORT_TTL_MINUTES = 30;

export const PlannedChange = z.object({
  entry: KbEntry,
  /** What the import does to this entry. */
  effect: z.enum(["added", "changed", "retired"]),
  /** Version of the stored entry the summary was computed against (absent for a new entry). */
  baseVersion: z.number().int().min(1).optional(),
});
export type PlannedChange = z.infer<typeof PlannedChange>;

export const PendingImportDoc = z.object({
  id: z.string().uuid(),
  kind: z.literal("import"),
  createdAt: z.string().datetime({ offset: true }),
  createdBy: ObjectId,
  fileName: z.string().max(300),
  changes: z.array(PlannedChange),
});
export type PendingImportDoc = z.infer<typeof PendingImportDoc>;

export class PendingImports {
  private readonly repo: Repository<typeof PendingImportDoc>;

  constructor(
    container: Container,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new Repository(container, PendingImportDoc, (d) => d.kind);
  }

  async save(createdBy: string, fileName: string, changes: PlannedChange[]): Promise<PendingImportDoc> {
    return (
      await this.repo.create({
        id: randomUUID(),
        kind: "import",
        createdAt: this.now().toISOString(),
        createdBy,
        fileName,
        changes,
      })
    ).doc;
  }

  /** The pending import if it exists, belongs to this admin and has not expired. */
  async take(id: string, by: string): Promise<PendingImportDoc | undefined> {
    const found = await this.repo.read(id, "import");
    if (!found || found.doc.createdBy !== by.toLowerCase()) return undefined;
    const age = this.now().getTime() - Date.parse(found.doc.createdAt);
    if (age > IMPORT_TTL_MINUTES * 60_000) {
      await this.repo.delete(id, "import");
      return undefined;
    }
    return found.doc;
  }

  /** Retention: imports checked before `before` and never applied. */
  async purgeBefore(before: Date): Promise<number> {
    return this.repo.deleteWhere(
      "SELECT * FROM c WHERE c.kind = 'import' AND c.createdAt < @before",
      [{ name: "@before", value: before.toISOString() }],
      "import",
    );
  }

  async discard(id: string): Promise<void> {
    await this.repo.delete(id, "import");
  }
}
