import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { Repository, type Stored } from "../repository";
import { caseRef, EscalationCase, ExpertChannel, type CaseStatus } from "./schema";

export type NewCase = Pick<EscalationCase, "asker" | "question" | "botAnswer">;

/**
 * Questions to Välfärd in the `escalations` container. Every change is an etag replace, so two experts
 * pressing buttons at once cannot both win: the loser gets ConflictError and the current case.
 */
export class EscalationStore {
  readonly cases: Repository<typeof EscalationCase>;
  private readonly settings: Repository<typeof ExpertChannel>;

  constructor(
    container: Container,
    private readonly now: () => Date,
  ) {
    this.cases = new Repository(container, EscalationCase, (d) => d.kind);
    this.settings = new Repository(container, ExpertChannel, (d) => d.kind);
  }

  async create(input: NewCase): Promise<Stored<EscalationCase>> {
    const id = randomUUID();
    const at = this.now().toISOString();
    return this.cases.create({
      ...input,
      id,
      kind: "case",
      ref: caseRef(id),
      status: "open",
      createdAt: at,
      updatedAt: at,
      reviewed: false,
    });
  }

  get(id: string): Promise<Stored<EscalationCase> | undefined> {
    return this.cases.read(id, "case");
  }

  /** Applies `change` to the case as read with `etag`; ConflictError when someone changed it first. */
  update(stored: Stored<EscalationCase>, change: Partial<EscalationCase>): Promise<Stored<EscalationCase>> {
    return this.cases.replace(
      { ...stored.doc, ...change, updatedAt: this.now().toISOString() } as EscalationCase,
      stored.etag,
    );
  }

  /** Cases in the given states, oldest first. */
  async withStatus(statuses: CaseStatus[], limit = 200): Promise<EscalationCase[]> {
    const anyOf = statuses.map((_, i) => `c.status = @s${i}`).join(" OR ");
    const rows = await this.cases.query(
      `SELECT TOP @limit * FROM c WHERE c.kind = 'case' AND (${anyOf}) ORDER BY c.createdAt ASC`,
      [{ name: "@limit", value: limit }, ...statuses.map((value, i) => ({ name: `@s${i}`, value }))],
      "case",
    );
    return rows.map((r) => r.doc);
  }

  /** What the admins' review queue shows: open cases, and answered ones not yet dealt with. */
  async forReview(limit = 50): Promise<EscalationCase[]> {
    const rows = await this.cases.query(
      "SELECT TOP @limit * FROM c WHERE c.kind = 'case' AND c.reviewed = false AND c.status <> 'closed' ORDER BY c.createdAt DESC",
      [{ name: "@limit", value: limit }],
      "case",
    );
    return rows.map((r) => r.doc);
  }

  /**
   * Gallring: deletes cases answered or closed before `before`, and cases nobody answered that were
   * asked before it (a question a whole period old is not coming back); returns how many.
   */
  async purgeBefore(before: Date): Promise<number> {
    const rows = await this.cases.query(
      `SELECT * FROM c WHERE c.kind = 'case' AND (
         (c.status = 'answered' AND c.answeredAt < @before) OR (c.status = 'closed' AND c.closedAt < @before)
         OR ((c.status = 'open' OR c.status = 'taken') AND c.createdAt < @before))`,
      [{ name: "@before", value: before.toISOString() }],
      "case",
    );
    let deleted = 0;
    for (const r of rows) if (await this.cases.delete(r.doc.id, "case")) deleted++;
    return deleted;
  }

  /** Cases asked by a person (the store keeps Entra object ids in lower case). */
  async ofAsker(aadObjectId: string): Promise<EscalationCase[]> {
    const rows = await this.cases.query(
      "SELECT * FROM c WHERE c.kind = 'case' AND c.asker.aadObjectId = @id",
      [{ name: "@id", value: aadObjectId.toLowerCase() }],
      "case",
    );
    return rows.map((r) => r.doc);
  }

  /** Everyone a case names as its asker, to find a person by name. */
  async askers(): Promise<{ aadObjectId: string; name: string }[]> {
    const rows = await this.cases.query("SELECT * FROM c WHERE c.kind = 'case' AND IS_DEFINED(c.asker)", [], "case");
    return rows.flatMap((r) => (r.doc.asker ? [{ aadObjectId: r.doc.asker.aadObjectId, name: r.doc.asker.name }] : []));
  }

  delete(id: string): Promise<boolean> {
    return this.cases.delete(id, "case");
  }

  expertChannel(): Promise<ExpertChannel | undefined> {
    return this.settings.read("expert-channel", "settings").then((s) => s?.doc);
  }

  /** Last writer wins: linking the channel again simply moves it. */
  async linkExpertChannel(channel: Omit<ExpertChannel, "id" | "kind" | "linkedAt">): Promise<void> {
    await this.settings.upsert({
      ...channel,
      id: "expert-channel",
      kind: "settings",
      linkedAt: this.now().toISOString(),
    });
  }
}
