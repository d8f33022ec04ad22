import type { Container, SqlParameter } from "@azure/cosmos";
import type { z } from "zod";
import { countStoreError } from "../core/telemetry";
import { ConflictError, DuplicateError, InvalidDocumentError, statusCodeOf } from "./errors";

/** A document as the store hands it back: validated content plus the etag for optimistic concurrency. */
export interface Stored<T> {
  doc: T;
  etag: string;
}

const SYSTEM_FIELDS = ["_rid", "_self", "_etag", "_attachments", "_ts"] as const;

/**
 * Typed access to one container. Every document read back is validated with the schema,
 * edits are guarded by etags, and Cosmos status codes become typed errors.
 */
export class Repository<S extends z.ZodType<{ id: string }>> {
  constructor(
    private readonly container: Container,
    private readonly schema: S,
    /** Value of the partition key for a document (the container's partition key path). */
    private readonly partitionKeyOf: (doc: z.infer<S>) => string,
    /**
     * The `type` of this repository's documents in a container shared by several kinds: a point read
     * of another kind's document (a group's id given as a meeting id) finds nothing instead of failing.
     */
    private readonly docType?: string,
  ) {}

  get name(): string {
    return this.container.id;
  }

  /** Counts a store failure that is not an expected conflict or miss (telemetry), and hands it back to throw. */
  private failed(err: unknown): unknown {
    if (!(err instanceof InvalidDocumentError)) countStoreError(this.name, err);
    return err;
  }

  private parse(raw: Record<string, unknown>): Stored<z.infer<S>> {
    const etag = String(raw._etag ?? "");
    const clean = { ...raw };
    for (const f of SYSTEM_FIELDS) delete clean[f];
    const parsed = this.schema.safeParse(clean);
    if (!parsed.success)
      throw new InvalidDocumentError(
        this.name,
        String(raw.id),
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      );
    return { doc: parsed.data, etag };
  }

  private validate(doc: z.infer<S>): z.infer<S> {
    const parsed = this.schema.safeParse(doc);
    if (!parsed.success)
      throw new InvalidDocumentError(
        this.name,
        String(doc.id),
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      );
    return parsed.data;
  }

  /**
   * What a write returns: the document as validated before it was sent (the store echoes it back with
   * its system fields, so validating the echo again would only repeat the work) and the new etag.
   */
  private written(doc: z.infer<S>, resource: unknown): Stored<z.infer<S>> {
    return { doc, etag: String((resource as { _etag?: unknown } | undefined)?._etag ?? "") };
  }

  /** Creates the document; DuplicateError when the id is taken (so "create if absent" is a claim). */
  async create(doc: z.infer<S>): Promise<Stored<z.infer<S>>> {
    try {
      const valid = this.validate(doc);
      const { resource } = await this.container.items.create(valid);
      return this.written(valid, resource);
    } catch (err) {
      if (statusCodeOf(err) === 409) throw new DuplicateError(this.name, doc.id);
      throw this.failed(err);
    }
  }

  async read(id: string, partitionKey: string): Promise<Stored<z.infer<S>> | undefined> {
    try {
      const { resource, statusCode } = await this.container.item(id, partitionKey).read();
      if (statusCode === 404 || !resource) return undefined;
      if (this.docType !== undefined && (resource as { type?: unknown }).type !== this.docType) return undefined;
      return this.parse(resource as Record<string, unknown>);
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw this.failed(err);
    }
  }

  /** Replaces the document only if it still has `etag`; ConflictError otherwise. */
  async replace(doc: z.infer<S>, etag: string): Promise<Stored<z.infer<S>>> {
    try {
      const valid = this.validate(doc);
      const { resource } = await this.container
        .item(doc.id, this.partitionKeyOf(doc))
        .replace(valid, { accessCondition: { type: "IfMatch", condition: etag } });
      return this.written(valid, resource);
    } catch (err) {
      const code = statusCodeOf(err);
      if (code === 412 || code === 404) throw new ConflictError(this.name, doc.id);
      throw this.failed(err);
    }
  }

  /** Last writer wins: only for documents nobody edits concurrently. */
  async upsert(doc: z.infer<S>): Promise<Stored<z.infer<S>>> {
    const valid = this.validate(doc);
    try {
      const { resource } = await this.container.items.upsert(valid);
      return this.written(valid, resource);
    } catch (err) {
      throw this.failed(err);
    }
  }

  async delete(id: string, partitionKey: string): Promise<boolean> {
    try {
      await this.container.item(id, partitionKey).delete();
      return true;
    } catch (err) {
      if (statusCodeOf(err) === 404) return false;
      throw this.failed(err);
    }
  }

  /**
   * Retention: deletes every document the query finds (it must select whole documents, `SELECT * FROM c`,
   * and filter on this repository's type). Not validated first, so a malformed old document goes too.
   * Returns how many were deleted.
   */
  async deleteWhere(query: string, parameters: SqlParameter[] = [], partitionKey?: string): Promise<number> {
    const { resources } = await this.container.items
      .query<z.infer<S>>({ query, parameters }, partitionKey === undefined ? {} : { partitionKey })
      .fetchAll();
    let deleted = 0;
    for (const doc of resources) if (await this.delete(doc.id, this.partitionKeyOf(doc))) deleted++;
    return deleted;
  }

  /**
   * Runs a query. The embedded server ignores the partitionKey option, so queries that target one
   * partition must also filter on the partition key in WHERE.
   */
  async query(query: string, parameters: SqlParameter[] = [], partitionKey?: string): Promise<Stored<z.infer<S>>[]> {
    let resources: Record<string, unknown>[];
    try {
      ({ resources } = await this.container.items
        .query<Record<string, unknown>>({ query, parameters }, partitionKey === undefined ? {} : { partitionKey })
        .fetchAll());
    } catch (err) {
      throw this.failed(err);
    }
    return resources.map((r) => this.parse(r));
  }
}
