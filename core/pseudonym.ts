import { createHmac } from "node:crypto";

/**
 * A stable pseudonym for a user: HMAC-SHA256 over tenant and user id with a secret from config.
 * Without the secret the pseudonym cannot be turned back into the id, nor recomputed from a
 * guessed id; the same user always gets the same pseudonym, so answers can still be grouped.
 */
export function pseudonymFor(secret: string, tenantId: string, userId: string): string {
  return createHmac("sha256", secret).update(`${tenantId}\n${userId}`).digest("hex").slice(0, 32);
}
