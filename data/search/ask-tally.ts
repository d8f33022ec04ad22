import type { Container } from "@azure/cosmos";
import { z } from "zod";
import { Repository } from "../repository";

// How often each knowledge-base entry was answered, for the message extension's "most asked" list
// (an empty search). Counts only: no question, no person, no time finer than the month.
// Each instance counts in memory and writes its own document per month (`<month>.<instance>`), so
// instances never write the same document and answering a question never waits for Cosmos.

export const AskCountDoc = z.object({
  id: z.string().regex(/^\d{4}-\d{2}\.[A-Za-z0-9_.-]{1,80}$/),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  counts: z.record(z.string(), z.number().int().min(0)),
  updatedAt: z.string().datetime({ offset: true }),
});
export type AskCountDoc = z.infer<typeof AskCountDoc>;

/** Months of counts that make "most asked" (ASK_COUNTS_RETENTION_DAYS keeps at least these). */
const WINDOW_MONTHS = 3;

const monthOf = (d: Date) => d.toISOString().slice(0, 7);
function monthsBack(d: Date, n: number): string {
  return monthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)));
}

export class AskTally {
  private readonly repo: Repository<typeof AskCountDoc>;
  private pending = new Map<string, number>();
  /** This instance's counts for the current month, as last written. */
  private own: { month: string; counts: Record<string, number> } | undefined;
  private cache: { at: number; ids: string[] } | undefined;

  constructor(
    container: Container,
    private readonly instance: string,
    private readonly now: () => Date,
    /** How long a computed "most asked" list is reused. */
    private readonly cacheMs = 5 * 60_000,
  ) {
    this.repo = new Repository(container, AskCountDoc, (d) => d.month);
  }

  count(entryId: string): void {
    this.pending.set(entryId, (this.pending.get(entryId) ?? 0) + 1);
  }

  /** Adds the counts gathered since the last flush to this instance's document of the month. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const month = monthOf(this.now());
    const id = `${month}.${this.instance.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 80)}`;
    if (this.own?.month !== month) this.own = { month, counts: (await this.repo.read(id, month))?.doc.counts ?? {} };
    const counts = { ...this.own.counts };
    const batch = this.pending;
    this.pending = new Map();
    for (const [entryId, n] of batch) counts[entryId] = (counts[entryId] ?? 0) + n;
    try {
      await this.repo.upsert({ id, month, counts, updatedAt: this.now().toISOString() });
      this.own = { month, counts };
    } catch (err) {
      for (const [entryId, n] of batch) this.pending.set(entryId, (this.pending.get(entryId) ?? 0) + n);
      throw err;
    }
  }

  /** Entry ids, most answered over the last three months first (this instance's unflushed counts included). */
  async mostAsked(): Promise<string[]> {
    const t = this.now().getTime();
    if (this.cache && t - this.cache.at < this.cacheMs) return this.cache.ids;
    const totals = new Map<string, number>(this.pending);
    for (let i = 0; i < WINDOW_MONTHS; i++) {
      const month = monthsBack(this.now(), i);
      const docs = await this.repo.query("SELECT * FROM c WHERE c.month = @m", [{ name: "@m", value: month }], month);
      for (const { doc } of docs)
        for (const [entryId, n] of Object.entries(doc.counts)) totals.set(entryId, (totals.get(entryId) ?? 0) + n);
    }
    const ids = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
    this.cache = { at: t, ids };
    return ids;
  }

  /** Gallring: deletes the counts of months that ended before `before`; returns how many documents. */
  async purgeBefore(before: Date): Promise<number> {
    const docs = await this.repo.query("SELECT * FROM c WHERE c.month < @m", [{ name: "@m", value: monthOf(before) }]);
    let deleted = 0;
    for (const { doc } of docs) if (await this.repo.delete(doc.id, doc.month)) deleted++;
    return deleted;
  }
}
