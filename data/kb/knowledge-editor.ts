import type { Container } from "@azure/cosmos";
import type { Actor } from "../admins";
import { ConflictError, DuplicateError } from "../errors";
import { Repository, type Stored } from "../repository";
import {
  KnowledgeEntryDoc,
  KnowledgeHistoryDoc,
  SEED_AUTHOR,
  historyId,
  type ChangeAction,
  type EntryStatus,
} from "./knowledge-docs";
import type { KnowledgeStore } from "./knowledge-store";
import type { KbEntry } from "./schema";

/** One version of an entry as `historik` lists it. */
export interface Version {
  version: number;
  entry: KbEntry;
  status: EntryStatus;
  updatedAt: string;
  updatedBy: string;
  updatedByName?: string;
  action: ChangeAction;
  changes: string[];
  revertedFrom?: number;
}

/** A change to apply: the new content and status of one entry, from the version the admin saw. */
export interface EntryChange {
  entry: KbEntry;
  /** The status after the change; unchanged when absent. */
  status?: EntryStatus;
  action: ChangeAction;
  revertedFrom?: number;
}

/** Result of a save; `unchanged` means nothing was written (no new version for a no-op). */
export type SaveResult =
  { outcome: "saved"; doc: KnowledgeEntryDoc; etag: string } | { outcome: "unchanged"; doc: KnowledgeEntryDoc };

/**
 * Admins' writes to the knowledge base. Every change is a new version of the entry document,
 * guarded by the etag the admin's card carried (a second save from a stale card is refused with
 * ConflictError and writes nothing), recorded as a history document, and announced to every
 * instance by bumping the base marker.
 */
export class KnowledgeEditor {
  private readonly entries: Repository<typeof KnowledgeEntryDoc>;
  private readonly history: Repository<typeof KnowledgeHistoryDoc>;

  constructor(
    container: Container,
    private readonly store: Pick<KnowledgeStore, "bumpMarker" | "readEntries">,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.entries = new Repository(container, KnowledgeEntryDoc, (d) => d.id);
    this.history = new Repository(container, KnowledgeHistoryDoc, (d) => d.id);
  }

  async get(id: string): Promise<Stored<KnowledgeEntryDoc> | undefined> {
    return this.entries.read(id, id);
  }

  /** Every entry document (active and retired). */
  async all(): Promise<KnowledgeEntryDoc[]> {
    return (await this.store.readEntries()).docs;
  }

  async create(
    entry: KbEntry,
    by: Actor,
    action: ChangeAction = "created",
    bump = true,
  ): Promise<Stored<KnowledgeEntryDoc>> {
    const doc: KnowledgeEntryDoc = {
      id: entry.id,
      type: "entry",
      entry: { ...entry, retired: false },
      version: 1,
      status: entry.retired ? "retired" : "active",
      updatedAt: this.now().toISOString(),
      updatedBy: by.id,
    };
    const saved = await this.entries.create(doc);
    await this.record(
      saved.doc,
      by,
      action,
      Object.keys(entry).filter((k) => k !== "retired"),
    );
    if (bump) await this.store.bumpMarker(by.id);
    return saved;
  }

  /**
   * Writes the next version of an entry if it still has `etag`. The version being replaced is
   * kept in the history first (seeded versions have no history document of their own yet).
   */
  async save(id: string, etag: string, change: EntryChange, by: Actor, bump = true): Promise<SaveResult> {
    const current = await this.entries.read(id, id);
    if (!current || current.etag !== etag) throw new ConflictError(this.entries.name, id);
    const next: KnowledgeEntryDoc = {
      ...current.doc,
      entry: { ...change.entry, id, retired: false },
      status: change.status ?? current.doc.status,
      version: current.doc.version + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: by.id,
    };
    const changes = changedFields(current.doc, next);
    if (changes.length === 0) return { outcome: "unchanged", doc: current.doc };
    await this.keep(current.doc);
    const saved = await this.entries.replace(next, etag);
    await this.record(saved.doc, by, change.action, changes, change.revertedFrom);
    if (bump) await this.store.bumpMarker(by.id);
    return { outcome: "saved", doc: saved.doc, etag: saved.etag };
  }

  /** Every version of an entry, newest first; the current document fills in a missing history record. */
  async versions(id: string): Promise<Version[]> {
    const rows = await this.history.query("SELECT * FROM c WHERE c.type = @type AND c.entryId = @id", [
      { name: "@type", value: "history" },
      { name: "@id", value: id },
    ]);
    const byVersion = new Map<number, Version>();
    for (const { doc } of rows) byVersion.set(doc.version, toVersion(doc));
    const current = await this.entries.read(id, id);
    if (current && !byVersion.has(current.doc.version)) byVersion.set(current.doc.version, fromEntryDoc(current.doc));
    return [...byVersion.values()].sort((a, b) => b.version - a.version);
  }

  /** Bumps the base marker once after a batch of saves made with bump = false. */
  async announce(by: Actor): Promise<void> {
    await this.store.bumpMarker(by.id);
  }

  /** Keeps the version about to be replaced, if no history document holds it yet. */
  private async keep(doc: KnowledgeEntryDoc): Promise<void> {
    const existing = await this.history.read(historyId(doc.id, doc.version), historyId(doc.id, doc.version));
    if (existing) return;
    const v = fromEntryDoc(doc);
    await this.history
      .create({ id: historyId(doc.id, doc.version), type: "history", entryId: doc.id, ...v })
      .catch((err) => {
        if (!(err instanceof DuplicateError)) throw err;
      });
  }

  private async record(
    doc: KnowledgeEntryDoc,
    by: Actor,
    action: ChangeAction,
    changes: string[],
    revertedFrom?: number,
  ): Promise<void> {
    await this.history.upsert({
      id: historyId(doc.id, doc.version),
      type: "history",
      entryId: doc.id,
      version: doc.version,
      entry: doc.entry,
      status: doc.status,
      updatedAt: doc.updatedAt,
      updatedBy: by.id,
      updatedByName: by.name,
      action,
      changes,
      revertedFrom,
    });
  }
}

/** Top-level entry fields, and "status", that differ between two versions. */
export function changedFields(
  before: Pick<KnowledgeEntryDoc, "entry" | "status">,
  after: Pick<KnowledgeEntryDoc, "entry" | "status">,
): string[] {
  const a = before.entry as Record<string, unknown>;
  const b = after.entry as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== "retired");
  const out = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  if (before.status !== after.status) out.push("status");
  return out;
}

function toVersion(d: KnowledgeHistoryDoc): Version {
  const { id: _id, type: _type, entryId: _entryId, ...v } = d;
  return v;
}

/** A version known only from the entry document (seeded, or its history record was never written). */
function fromEntryDoc(doc: KnowledgeEntryDoc): Version {
  const seeded = doc.updatedBy === SEED_AUTHOR;
  return {
    version: doc.version,
    entry: doc.entry,
    status: doc.status,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
    action: seeded ? "seed" : "edited",
    changes: [],
  };
}
