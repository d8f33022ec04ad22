// Typed storage errors, so callers can tell a lost race from a broken store without knowing Cosmos status codes.

/** The document changed since it was read (Cosmos 412 on an If-Match etag). */
export class ConflictError extends Error {
  constructor(
    readonly container: string,
    readonly id: string,
  ) {
    super(`Conflict: ${container}/${id} was changed by someone else`);
    this.name = "ConflictError";
  }
}

/** A document with this id already exists (Cosmos 409 on create). */
export class DuplicateError extends Error {
  constructor(
    readonly container: string,
    readonly id: string,
  ) {
    super(`Duplicate: ${container}/${id} already exists`);
    this.name = "DuplicateError";
  }
}

/** A document read back from the store does not match its schema. */
export class InvalidDocumentError extends Error {
  constructor(
    readonly container: string,
    readonly id: string,
    detail: string,
  ) {
    super(`Invalid document ${container}/${id}: ${detail}`);
    this.name = "InvalidDocumentError";
  }
}

export function statusCodeOf(err: unknown): number | undefined {
  const code =
    (err as { code?: unknown; statusCode?: unknown } | null)?.code ??
    (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === "number" ? code : undefined;
}
