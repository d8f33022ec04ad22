import { z } from "zod";
import { EntryId, KbEntry } from "./schema";

// Documents of the `knowledge` container (partition key /id, see data/containers.ts).
//
//   entry   id = the entry id ("term-sip"). The current content of one entry with its version,
//           status and who changed it last. One document per entry, so serving reads them all once
//           and an edit is one point read plus one etag-guarded replace.
//   marker  id = "_marker" (not a valid entry id, so it cannot collide). The version of the whole
//           base: every change bumps it, and each bot instance polls it to know when to rebuild its
//           search index. Also records which seed was loaded last.
//
//   history id = "<entry id>~v<n>" (written by the admin feature, data/kb/knowledge-editor.ts). Version n
//           of an entry as it was published, with who, when and what changed. Readers select by
//           `type`, so these do not disturb the serving path.

export const MARKER_ID = "_marker";
/** updatedBy of documents written from the repository seed (never an admin). */
export const SEED_AUTHOR = "seed";

export const EntryStatus = z.enum(["active", "retired"]);
export type EntryStatus = z.infer<typeof EntryStatus>;

const IsoTime = z.string().datetime({ offset: true });

export const KnowledgeEntryDoc = z
  .object({
    id: EntryId,
    type: z.literal("entry"),
    entry: KbEntry,
    /** 1 for the first version, +1 on every change (seed update, admin edit, retire, restore). */
    version: z.number().int().min(1),
    /** Authoritative: a retired entry stays stored but is not served. */
    status: EntryStatus,
    updatedAt: IsoTime,
    /** SEED_AUTHOR, or the admin who made the change. Seed updates never overwrite an admin's edit. */
    updatedBy: z.string().min(1).max(200),
  })
  .refine((d) => d.entry.id === d.id, { message: "entry.id must equal the document id", path: ["entry", "id"] });
export type KnowledgeEntryDoc = z.infer<typeof KnowledgeEntryDoc>;

export const KnowledgeMarkerDoc = z.object({
  id: z.literal(MARKER_ID),
  type: z.literal("marker"),
  /** Version of the whole base; bumped by every change so instances know to reload. */
  version: z.number().int().min(1),
  /** Content hash of the seed last loaded (see data/kb/seed.ts). */
  seedVersion: z.string().min(1),
  updatedAt: IsoTime,
  updatedBy: z.string().min(1).max(200),
});
export type KnowledgeMarkerDoc = z.infer<typeof KnowledgeMarkerDoc>;

/** How a version came about. */
export const ChangeAction = z.enum(["seed", "created", "edited", "retired", "restored", "reverted", "imported"]);
export type ChangeAction = z.infer<typeof ChangeAction>;

export const KnowledgeHistoryDoc = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+~v\d+$/),
    type: z.literal("history"),
    entryId: EntryId,
    version: z.number().int().min(1),
    entry: KbEntry,
    status: EntryStatus,
    updatedAt: IsoTime,
    /** Entra object id of the admin (an audit fact, not pseudonymised), or SEED_AUTHOR. */
    updatedBy: z.string().min(1).max(200),
    updatedByName: z.string().max(200).optional(),
    action: ChangeAction,
    /** Top-level entry fields (and "status") that differ from the previous version. */
    changes: z.array(z.string().max(40)).max(40),
    /** For "reverted": the version whose content was brought back. */
    revertedFrom: z.number().int().min(1).optional(),
  })
  .refine((d) => d.id === historyId(d.entryId, d.version), {
    message: "id must be <entryId>~v<version>",
    path: ["id"],
  });
export type KnowledgeHistoryDoc = z.infer<typeof KnowledgeHistoryDoc>;

export function historyId(entryId: string, version: number): string {
  return `${entryId}~v${version}`;
}
