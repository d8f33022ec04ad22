import type { Container } from "@azure/cosmos";
import { Repository } from "../repository";
import { ConflictError, DuplicateError } from "../errors";
import { countEvaluationStored } from "../../core/telemetry";
import { EvaluationAnswer, EvaluationInvitation } from "./schema";

export type SaveOutcome =
  /** The respondent's first answer to the meeting. */
  | "created"
  /** Replaced the respondent's earlier answer. */
  | "replaced"
  /** A newer submission of the same respondent was already stored; this one was dropped. */
  | "superseded";

/** Attempts before giving up on a document that other writers keep changing (never reached in practice). */
const MAX_ATTEMPTS = 50;

/** Answers and invitations in the "evaluations" container (partition /year). */
export class EvaluationStore {
  readonly answers: Repository<typeof EvaluationAnswer>;
  readonly invitations: Repository<typeof EvaluationInvitation>;

  constructor(container: Container) {
    this.answers = new Repository(container, EvaluationAnswer, (d) => d.year, "answer");
    this.invitations = new Repository(container, EvaluationInvitation, (d) => d.year, "invitation");
  }

  /**
   * Stores an answer under its deterministic id. Concurrent submissions race on create (409) and on the
   * etag (412): whichever way they interleave there is one document per respondent, and it holds the
   * submission with the latest submittedAt (on a tie — submittedAt is a day — the last one written), so
   * a delayed request from an earlier day never overwrites a newer answer.
   */
  async saveAnswer(answer: EvaluationAnswer): Promise<SaveOutcome> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await this.answers.read(answer.id, answer.year);
      if (!existing) {
        try {
          await this.answers.create(answer);
          countEvaluationStored("created");
          return "created";
        } catch (err) {
          if (err instanceof DuplicateError) continue;
          throw err;
        }
      }
      if (existing.doc.submittedAt > answer.submittedAt) return "superseded";
      try {
        await this.answers.replace(answer, existing.etag);
        countEvaluationStored("replaced");
        return "replaced";
      } catch (err) {
        if (err instanceof ConflictError) continue;
        throw err;
      }
    }
    throw new Error(`answer ${answer.id.slice(0, 8)}… kept changing during ${MAX_ATTEMPTS} attempts`);
  }

  /**
   * Retention: deletes answers and invitations of the calendar years before `year` ("2026" deletes 2025
   * and earlier). The year is the partition key, so the filter names it.
   */
  async purgeYearsBefore(year: string): Promise<number> {
    const at = [{ name: "@y", value: year }];
    return (
      (await this.answers.deleteWhere("SELECT * FROM c WHERE c.year < @y AND c.type = 'answer'", at)) +
      (await this.invitations.deleteWhere("SELECT * FROM c WHERE c.year < @y AND c.type = 'invitation'", at))
    );
  }

  async answer(year: string, id: string): Promise<EvaluationAnswer | undefined> {
    return (await this.answers.read(id, year))?.doc;
  }

  /** Records that someone was sent the evaluation; a second call for the same person is a no-op. */
  async recordInvitation(invitation: EvaluationInvitation): Promise<boolean> {
    try {
      await this.invitations.create(invitation);
      return true;
    } catch (err) {
      if (err instanceof DuplicateError) return false;
      throw err;
    }
  }

  async invitation(year: string, id: string): Promise<EvaluationInvitation | undefined> {
    return (await this.invitations.read(id, year))?.doc;
  }

  /** Every answer of a year (one partition; the report filters groups in code). */
  async answersOfYear(year: string): Promise<EvaluationAnswer[]> {
    const found = await this.answers.query(
      "SELECT * FROM c WHERE c.year = @y AND c.type = 'answer'",
      [{ name: "@y", value: year }],
      year,
    );
    return found.map((s) => s.doc);
  }

  async invitationsOfYear(year: string): Promise<EvaluationInvitation[]> {
    const found = await this.invitations.query(
      "SELECT * FROM c WHERE c.year = @y AND c.type = 'invitation'",
      [{ name: "@y", value: year }],
      year,
    );
    return found.map((s) => s.doc);
  }

  /** Ids of the answers to one meeting: enough to tell who has answered when the ids are recomputed. */
  async answerIdsOf(year: string, meetingId: string): Promise<Set<string>> {
    // Whole documents through the repository, so they are validated like every other read: a meeting
    // has at most a few dozen answers, so a projection would save nothing worth the unvalidated path.
    const found = await this.answers.query(
      "SELECT * FROM c WHERE c.year = @y AND c.type = 'answer' AND c.meetingId = @m",
      [
        { name: "@y", value: year },
        { name: "@m", value: meetingId },
      ],
      year,
    );
    return new Set(found.map((s) => s.doc.id));
  }
}
