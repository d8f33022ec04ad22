import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// Signed links for the yearly follow-up's chart images and CSV files, on the same scheme as the 2b
// report's download links (dialogs/evaluations/report-link.ts): base64url JSON with year, groups and
// expiry, an HMAC-SHA256 signature after "~", nothing stored, so any instance serves any link. The key
// is derived from the report-link key with its own label, so a follow-up link is never a 2b link.

export const FollowupPayload = z.strictObject({
  y: z.number().int().min(2000).max(2100),
  g: z.array(z.string().min(1).max(40)).min(1).max(20),
  /** Which chart. */
  c: z.enum(["2a", "2b", "3a"]),
  /** The chart's image or the CSV behind it. */
  f: z.enum(["png", "csv"]),
  e: z.number().int(),
  n: z.string().max(32),
});
export type FollowupPayload = z.infer<typeof FollowupPayload>;

const b64 = (b: Buffer) => b.toString("base64url");

export class FollowupLinks {
  private readonly key: Buffer;

  constructor(
    reportLinkKey: Buffer,
    private readonly ttlMs: { png: number; csv: number },
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = createHmac("sha256", reportLinkKey).update("samverkansboten/followup-link").digest();
  }

  private sign(body: string): Buffer {
    return createHmac("sha256", this.key).update(body).digest();
  }

  issue(year: number, groupIds: string[], chart: FollowupPayload["c"], format: FollowupPayload["f"]): string {
    const payload: FollowupPayload = {
      y: year,
      g: groupIds,
      c: chart,
      f: format,
      e: this.now().getTime() + this.ttlMs[format],
      n: randomBytes(6).toString("hex"),
    };
    const body = b64(Buffer.from(JSON.stringify(payload)));
    return `${body}~${b64(this.sign(body))}`;
  }

  verify(token: string): FollowupPayload | undefined {
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
    const parsed = FollowupPayload.safeParse(json);
    if (!parsed.success || parsed.data.e <= this.now().getTime()) return undefined;
    return parsed.data;
  }
}
