import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// Short-lived download links for the report CSV. The link carries what to build (year, groups the
// requester was allowed to see when they asked) and an expiry, signed with a key derived from
// EVALUATION_SECRET; the bot rebuilds the file when the link is opened. Nothing is stored, so any bot
// instance can serve any link, and a link cannot be altered (another year, another group) or guessed
// (256-bit signature). Body and signature are joined with "~", which is URL-safe and, unlike ".",
// not a separator for the router. Whoever holds the link can download until it expires: hence minutes, not days.

export const LinkPayload = z.strictObject({
  /** Year of the report. */
  y: z.number().int().min(2000).max(2100),
  /** Group ids covered. */
  g: z.array(z.string().min(1).max(40)).min(1).max(20),
  /** Expiry, epoch milliseconds. */
  e: z.number().int(),
  /** Makes two links for the same report differ. */
  n: z.string().max(32),
  /** What the link downloads: the report (default) or the comments, which only admins are given. */
  k: z.enum(["report", "comments"]).optional(),
});
export type LinkKind = NonNullable<LinkPayload["k"]>;
export type LinkPayload = z.infer<typeof LinkPayload>;

const b64 = (b: Buffer) => b.toString("base64url");

export class ReportLinks {
  constructor(
    private readonly key: Buffer,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private sign(body: string): Buffer {
    return createHmac("sha256", this.key).update(body).digest();
  }

  issue(year: number, groupIds: string[], kind: LinkKind = "report"): { token: string; expiresAt: Date } {
    const e = this.now().getTime() + this.ttlMs;
    const body = b64(
      Buffer.from(
        JSON.stringify({ y: year, g: groupIds, e, n: randomBytes(6).toString("hex"), k: kind } satisfies LinkPayload),
      ),
    );
    return { token: `${body}~${b64(this.sign(body))}`, expiresAt: new Date(e) };
  }

  /** The payload of a genuine, unexpired token; undefined otherwise (no reason given to the caller). */
  verify(token: string): LinkPayload | undefined {
    const m = /^([A-Za-z0-9_-]{1,2000})~([A-Za-z0-9_-]{43})$/.exec(token);
    if (!m) return undefined;
    const given = Buffer.from(m[2], "base64url");
    const expected = this.sign(m[1]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(m[1], "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    const parsed = LinkPayload.safeParse(json);
    if (!parsed.success || parsed.data.e <= this.now().getTime()) return undefined;
    return parsed.data;
  }
}
