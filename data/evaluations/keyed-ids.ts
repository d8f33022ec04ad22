import { createHmac, hkdfSync, randomBytes } from "node:crypto";

// Keyed hashes for the evaluation feature. One configured secret (EVALUATION_SECRET) is stretched with
// HKDF into independent keys, so an answer id, an invitation id and a download-link signature cannot be
// computed from one another even though they share the secret.

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.alloc(0), `samverkansboten/${purpose}`, 32),
  );
}

/** Entra object ids are GUIDs; Teams sends them in either case. */
const normalise = (aadObjectId: string) => aadObjectId.trim().toLowerCase();

export class EvaluationKeys {
  private readonly answerKey: Buffer;
  private readonly invitationKey: Buffer;
  readonly linkKey: Buffer;
  /** Keys the delivery records of every scheduled send (invitations, reminders): see JobStore. */
  readonly deliveryKey: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new RangeError("the evaluation secret must be at least 32 characters");
    this.answerKey = derive(secret, "evaluation-answer");
    this.invitationKey = derive(secret, "evaluation-invitation");
    this.linkKey = derive(secret, "report-link");
    this.deliveryKey = derive(secret, "delivery-recipient");
  }

  /** A secret for one process (embedded store only: its data dies with the process anyway). */
  static ephemeral(): EvaluationKeys {
    return new EvaluationKeys(randomBytes(48).toString("base64"));
  }

  /** The id of a respondent's answer to a meeting: the same person and meeting always give the same id. */
  answerId(meetingId: string, aadObjectId: string): string {
    return createHmac("sha256", this.answerKey)
      .update(`${meetingId}\n${normalise(aadObjectId)}`)
      .digest("hex");
  }

  /** The id of the invitation record; a different key, so it does not reveal the answer id. */
  invitationId(meetingId: string, aadObjectId: string): string {
    return createHmac("sha256", this.invitationKey)
      .update(`${meetingId}\n${normalise(aadObjectId)}`)
      .digest("hex");
  }
}
