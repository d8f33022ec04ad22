import type { Clock } from "../clock";

export interface RateLimits {
  perTenantPerSecond: number;
  perConversationPerSecond: number;
}

/**
 * Spaces proactive sends so that no tenant and no conversation gets more than its rate. Each call
 * reserves the next free slot for both keys (no bursts), so concurrent workers share the budget.
 * A 429 pauses the whole tenant for its Retry-After. Limits are per process: with several instances
 * sending at once, divide the tenant rate by their number (see .env.example).
 */
export class RateLimiter {
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Resolves when a send to this conversation is allowed. */
  async acquire(tenantId: string, conversationKey: string): Promise<void> {
    const now = this.clock.now().getTime();
    const tKey = `t:${tenantId}`;
    const cKey = `c:${conversationKey}`;
    const slot = Math.max(now, this.nextSlot.get(tKey) ?? 0, this.nextSlot.get(cKey) ?? 0);
    this.nextSlot.set(tKey, slot + 1000 / this.limits.perTenantPerSecond);
    this.nextSlot.set(cKey, slot + 1000 / this.limits.perConversationPerSecond);
    if (this.nextSlot.size > 10_000) this.forgetPast(now);
    if (slot > now) await this.clock.sleep(slot - now);
  }

  /** Teams said 429: nobody in this tenant sends before `ms` have passed. */
  pauseTenant(tenantId: string, ms: number): void {
    const key = `t:${tenantId}`;
    const until = this.clock.now().getTime() + ms;
    if ((this.nextSlot.get(key) ?? 0) < until) this.nextSlot.set(key, until);
  }

  private forgetPast(now: number): void {
    for (const [k, v] of this.nextSlot) if (v < now) this.nextSlot.delete(k);
  }
}
