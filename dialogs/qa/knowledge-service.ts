import type { Logger } from "../../core/logger";
import type { KnowledgeEntryDoc, KnowledgeMarkerDoc } from "../../data/kb/knowledge-docs";
import type { EntryRead } from "../../data/kb/knowledge-store";
import type { KbEntry } from "../../data/kb/schema";
import type { SourceText } from "../../data/kb/source-texts";
import { QaEngine } from "./qa-engine";

/** Where the service reads the base from: the KnowledgeStore, or a stub in tests. */
export interface KnowledgeSource {
  readMarker(): Promise<KnowledgeMarkerDoc | undefined>;
  readEntries(): Promise<EntryRead>;
}

export interface LoadReport {
  version: number;
  entries: number;
  /** Documents skipped because they failed validation. */
  problems: string[];
}

/**
 * Holds the QaEngine built from the stored base and swaps in a new one when the base changes.
 * Answering only touches the engine in memory; Cosmos is read by reload() and the version poll.
 */
export class KnowledgeService {
  private current: QaEngine = new QaEngine([]);
  private loadedVersion = 0;
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<LoadReport> | undefined;

  /**
   * @param sourceTexts the source documents for the engine's quoted-passage fallback, given the
   *   entries served (their cited sections name the decision documents' headings); none in tests
   */
  constructor(
    private readonly source: KnowledgeSource,
    private readonly logger?: Logger,
    private readonly sourceTexts: (entries: KbEntry[]) => SourceText[] = () => [],
  ) {}

  get engine(): QaEngine {
    return this.current;
  }

  /** The base version the engine was built from (0 before the first load). */
  get version(): number {
    return this.loadedVersion;
  }

  /**
   * Reads the marker, then every entry, and builds a fresh engine. The marker is read first so a
   * change landing during the read shows up as a newer version at the next poll.
   * Concurrent calls share one reload.
   */
  reload(): Promise<LoadReport> {
    this.reloading ??= (async () => {
      try {
        const marker = await this.source.readMarker();
        const { docs, problems } = await this.source.readEntries();
        const entries = servable(docs);
        const engine = new QaEngine(entries, this.sourceTexts(entries));
        this.current = engine;
        this.loadedVersion = marker?.version ?? 0;
        if (problems.length > 0)
          this.logger?.error({ problems }, "knowledge entries failed validation and are not served");
        this.logger?.info({ version: this.loadedVersion, entries: engine.size }, "knowledge base loaded");
        return { version: this.loadedVersion, entries: engine.size, problems };
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }

  /** Reloads when the stored version differs from the one being served. True when it reloaded. */
  async poll(): Promise<boolean> {
    const marker = await this.source.readMarker();
    if ((marker?.version ?? 0) === this.loadedVersion) return false;
    await this.reload();
    return true;
  }

  /** Polls every intervalMs; a failing poll is logged and the current engine keeps serving. */
  startPolling(intervalMs: number): void {
    this.stopPolling();
    this.timer = setInterval(() => {
      this.poll().catch((err) => this.logger?.error({ err }, "knowledge version poll failed; serving the loaded base"));
    }, intervalMs);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** The entries to serve: active documents, with the document's status deciding over the entry's flag. */
export function servable(docs: KnowledgeEntryDoc[]) {
  return docs.filter((d) => d.status === "active").map((d) => ({ ...d.entry, retired: false }));
}
