import type { Container } from "@azure/cosmos";
import { Repository, type Stored } from "../repository";
import { Case, finishedAt } from "./schema";

/** Cases in the "cases" container (partition /groupId). */
export class CaseStore {
  readonly cases: Repository<typeof Case>;

  constructor(container: Container) {
    this.cases = new Repository(container, Case, (d) => d.groupId);
  }

  async create(c: Case): Promise<Stored<Case>> {
    return this.cases.create(c);
  }

  async read(groupId: string, caseId: string): Promise<Stored<Case> | undefined> {
    return this.cases.read(caseId, groupId);
  }

  /** Replaces the case only if it is unchanged since it was read (ConflictError otherwise). */
  async replace(c: Case, etag: string): Promise<Stored<Case>> {
    return this.cases.replace(c, etag);
  }

  async ofGroup(groupId: string): Promise<Case[]> {
    const found = await this.cases.query(
      "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'case'",
      [{ name: "@g", value: groupId }],
      groupId,
    );
    return found.map((s) => s.doc).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  }

  async openOfGroup(groupId: string): Promise<Case[]> {
    return (await this.ofGroup(groupId)).filter((c) => c.status === "open");
  }

  /** A person's own cases, across the groups (four partitions). */
  async ofReporter(aadObjectId: string): Promise<Case[]> {
    const found = await this.cases.query("SELECT * FROM c WHERE c.type = 'case' AND c.reporter.aadObjectId = @u", [
      { name: "@u", value: aadObjectId },
    ]);
    return found.map((s) => s.doc).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  }

  async all(): Promise<Case[]> {
    const found = await this.cases.query("SELECT * FROM c WHERE c.type = 'case'");
    return found.map((s) => s.doc).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  }

  /** Cases raised in a calendar year (Stockholm), for the yearly follow-up. */
  async ofYear(year: string): Promise<Case[]> {
    const found = await this.cases.query("SELECT * FROM c WHERE c.type = 'case' AND c.year = @y", [
      { name: "@y", value: year },
    ]);
    return found.map((s) => s.doc);
  }

  /**
   * Retention: deletes cases finished before `beforeIso` (solved or closed, or lifted with an outcome).
   * Open and lifted-but-pending cases are kept whatever their age. Returns how many were deleted.
   */
  async purgeFinishedBefore(beforeIso: string): Promise<number> {
    let deleted = 0;
    for (const c of await this.all()) {
      const done = finishedAt(c);
      if (done && done < beforeIso && (await this.cases.delete(c.id, c.groupId))) deleted++;
    }
    return deleted;
  }
}
