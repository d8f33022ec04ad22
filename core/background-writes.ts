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
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly logger?: Logger,
    private readonly limit = 256,
  ) {}

  /** Starts the write; resolves at once, or when it is done if `limit` writes are already in flight. */
  async run(what: string, write: () => Promise<unknown>): Promise<void> {
    const done: Promise<void> = write().then(
      () => undefined,
      (err: unknown) => this.logger?.error({ err, what }, "background write failed"),
    );
    if (this.inFlight.size >= this.limit) return done;
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Writes in flight now. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Resolves when every write started so far has finished (failed ones included). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
