import type { Logger } from "./logger";

/**
 * Writes a turn does not need to wait for (the review queue's records): each starts at once but the
 * reply does not wait for its round trip. Bounded: with `limit` writes in flight, the next caller
 * waits for its own write, so a slow store slows turns down instead of growing memory. A failed
 * write is logged (the store client has already retried throttling); the user's answer stands.
 * `idle()` waits for every write in flight: readers call it first so they see what was just
 * written, and a graceful shutdown calls it so nothing accepted is lost.
 */
export class BackgroundWrites {
  /** Each write in flight, with the key of what it writes (if the caller named one). */
  private readonly inFlight = new Map<Promise<void>, string | undefined>();

  constructor(
    private readonly logger?: Logger,
    private readonly limit = 256,
  ) {}

  /**
   * Starts the write; resolves at once, or when it is done if `limit` writes are already in flight.
   * `key` names what is written, so a reader of that one thing can wait for it alone (idle(key)).
   */
  async run(what: string, write: () => Promise<unknown>, key?: string): Promise<void> {
    const done: Promise<void> = write().then(
      () => undefined,
      (err: unknown) => this.logger?.error({ err, what }, "background write failed"),
    );
    if (this.inFlight.size >= this.limit) return done;
    this.inFlight.set(done, key);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Writes in flight now. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Resolves when every write started so far (or every one under `key`) has finished, failed ones included. */
  async idle(key?: string): Promise<void> {
    const waiting = () => [...this.inFlight].filter(([, k]) => key === undefined || k === key).map(([p]) => p);
    for (let ps = waiting(); ps.length > 0; ps = waiting()) await Promise.all(ps);
  }
}
