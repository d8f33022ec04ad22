import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * A stable pseudonym for a user: HMAC-SHA256 over tenant and user id with a secret from config.
 * Without the secret the pseudonym cannot be turned back into the id, nor recomputed from a
 * guessed id; the same user always gets the same pseudonym, so answers can still be grouped.
 */
export function pseudonymFor(secret: string, tenantId: string, userId: string): string {
  return createHmac("sha256", secret).update(`${tenantId}\n${userId}`).digest("hex").slice(0, 32);
}

/**
 * Signs the question an answer card was built for into its 👍/👎 buttons, so the feedback stored is
 * about the question the bot answered with that entry, not text a client put in the button's data.
 */
export class QuestionSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(
      hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), "samverkansboten/feedback-question", 32),
    );
  }

  sign(entryId: string, question: string): string {
    return createHmac("sha256", this.key).update(`${entryId}\n${question}`).digest("base64url").slice(0, 32);
  }

  verify(entryId: string, question: string, signature: unknown): boolean {
    if (typeof signature !== "string" || signature.length !== 32) return false;
    return timingSafeEqual(Buffer.from(this.sign(entryId, question)), Buffer.from(signature));
  }
}
