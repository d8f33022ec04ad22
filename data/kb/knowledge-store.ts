import type { Container } from "@azure/cosmos";
import type { Logger } from "../../core/logger";
import { ConflictError, DuplicateError } from "../errors";
import { Repository } from "../repository";
import {
  KnowledgeEntryDoc,
  KnowledgeMarkerDoc,
  MARKER_ID,
  SEED_AUTHOR,
  type KnowledgeMarkerDoc as Marker,
} from "./knowledge-docs";
import type { KbEntry } from "./schema";
import type { Seed } from "./seed";

/** What a seed load changed. */
export interface SeedReport {
  /** False when the stored base already came from this seed (a restart). */
  loaded: boolean;
  created: number;
  updated: number;
  retired: number;
  /** Entries an admin has edited, left as they are although the seed differs. */
  keptAdminEdits: string[];
  /** Stored entry documents that failed validation (replaced by the seed's version where it has one). */
  invalid: string[];
}

/** All entry documents that passed validation, plus the ids/reasons of those that did not. */
export interface EntryRead {
  docs: KnowledgeEntryDoc[];
  problems: string[];
}

// Cosmos handles a few parallel writes per client well; more only queue up behind rate limits.
const WRITE_CONCURRENCY = 8;

/**
 * The knowledge base in the `knowledge` container: loads the repository seed on first start (or
 * when the seed changed), reads every entry back validated, and keeps the base version marker.
 * Answering never comes here; the knowledge service reads once and serves from memory.
 */
export class KnowledgeStore {
  private readonly entries: Repository<typeof KnowledgeEntryDoc>;
  private readonly markers: Repository<typeof KnowledgeMarkerDoc>;

  constructor(
    private readonly container: Container,
    private readonly logger?: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.entries = new Repository(container, KnowledgeEntryDoc, (d) => d.id);
    this.markers = new Repository(container, KnowledgeMarkerDoc, (d) => d.id);
  }

  async readMarker(): Promise<Marker | undefined> {
    return (await this.markers.read(MARKER_ID, MARKER_ID))?.doc;
  }

  /**
   * Every entry document, each validated on its own: one broken document is reported and skipped
   * instead of taking the whole base down.
   */
  async readEntries(): Promise<EntryRead> {
    const { resources } = await this.container.items
      .query<Record<string, unknown>>({
        query: "SELECT * FROM c WHERE c.type = @type",
        parameters: [{ name: "@type", value: "entry" }],
      })
      .fetchAll();
    const docs: KnowledgeEntryDoc[] = [];
    const problems: string[] = [];
    for (const raw of resources) {
      const { _rid, _self, _etag, _attachments, _ts, ...clean } = raw;
      const parsed = KnowledgeEntryDoc.safeParse(clean);
      if (parsed.success) docs.push(parsed.data);
      else
        problems.push(
          `${String(raw.id)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
    }
    docs.sort((a, b) => a.id.localeCompare(b.id));
    return { docs, problems };
  }

  /**
   * Brings the stored base up to the seed when the seed is new to this database. Idempotent: a
   * restart with the same seed writes nothing. An entry an admin has edited is never overwritten
   * by the seed; seed entries that left the seed are retired, not deleted.
   */
  async ensureSeeded(seed: Seed): Promise<SeedReport> {
    const report: SeedReport = { loaded: false, created: 0, updated: 0, retired: 0, keptAdminEdits: [], invalid: [] };
    const marker = await this.markers.read(MARKER_ID, MARKER_ID);
    if (marker?.doc.seedVersion === seed.version) return report;
    report.loaded = true;

    const { docs, problems } = await this.readEntries();
    report.invalid = problems.map((p) => p.split(":")[0]);
    const stored = new Map(docs.map((d) => [d.id, d]));
    const at = this.now().toISOString();
    const writes: KnowledgeEntryDoc[] = [];
    const seedIds = new Set<string>();

    for (const entry of seed.entries) {
      seedIds.add(entry.id);
      const status = entry.retired ? "retired" : "active";
      const current = stored.get(entry.id);
      if (!current) {
        writes.push({ id: entry.id, type: "entry", entry, version: 1, status, updatedAt: at, updatedBy: SEED_AUTHOR });
        report.created++;
      } else if (current.updatedBy !== SEED_AUTHOR) {
        if (!sameEntry(current.entry, entry)) report.keptAdminEdits.push(entry.id);
      } else if (!sameEntry(current.entry, entry) || current.status !== status) {
        writes.push({ ...current, entry, status, version: current.version + 1, updatedAt: at });
        report.updated++;
      }
    }
    for (const current of docs) {
      if (seedIds.has(current.id) || current.updatedBy !== SEED_AUTHOR || current.status === "retired") continue;
      writes.push({ ...current, status: "retired", version: current.version + 1, updatedAt: at });
      report.retired++;
    }

    await inBatches(writes, WRITE_CONCURRENCY, (doc) => this.entries.upsert(doc));
    await this.bumpMarker(SEED_AUTHOR, seed.version);
    this.logger?.info(
      {
        seedVersion: seed.version,
        ...report,
        keptAdminEdits: report.keptAdminEdits.length,
        invalid: report.invalid.length,
      },
      "knowledge seed loaded",
    );
    if (report.keptAdminEdits.length > 0)
      this.logger?.warn(
        { ids: report.keptAdminEdits },
        "seed differs from entries edited by admins; the admins' versions are kept",
      );
    return report;
  }

  /**
   * Raises the base version so every instance reloads within its poll interval. The admin feature
   * calls this after each change; two instances bumping at once both succeed (the loser retries).
   */
  async bumpMarker(updatedBy: string, seedVersion?: string): Promise<Marker> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.markers.read(MARKER_ID, MARKER_ID);
      const next: Marker = {
        id: MARKER_ID,
        type: "marker",
        version: (current?.doc.version ?? 0) + 1,
        seedVersion: seedVersion ?? current?.doc.seedVersion ?? "none",
        updatedAt: this.now().toISOString(),
        updatedBy,
      };
      try {
        return current ? (await this.markers.replace(next, current.etag)).doc : (await this.markers.create(next)).doc;
      } catch (err) {
        if (attempt < 5 && (err instanceof ConflictError || err instanceof DuplicateError)) continue;
        throw err;
      }
    }
  }
}

function sameEntry(a: KbEntry, b: KbEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
