import type { AttributeValue, Attributes } from "@opentelemetry/api";

// Spans made by the HTTP and Azure SDK instrumentations carry URLs: the Bot Connector's name
// conversations in the path (/v3/conversations/<id>/activities), Cosmos names documents
// (/dbs/…/colls/vus/docs/<member id>), and download links carry a signed token in the query. Error
// messages quote the same ids. This processor rewrites them before any exporter sees the span.

/** Path segments kept as they are: plain words (api, conversations, dbs, colls, docs, container names) and short codes (v3, 2b). */
const PLAIN_SEGMENT = /^(?:[A-Za-z][A-Za-z0-9]{0,31}|[A-Za-z0-9]{1,3})$/;
const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
/** Teams conversation and user ids ("a:1…", "19:…@thread.tacv2", "29:…"). */
const TEAMS_ID = /\b(?:a|8|19|28|29):[^\s/?#"',]+/g;
/** Hashes, pseudonyms, tokens: long unbroken runs of id characters. */
const LONG_TOKEN = /[A-Za-z0-9_+=-]{24,}/g;

/** Replaces anything that looks like an id in free text (error messages, stack traces). */
export function scrubText(text: string): string {
  return text.replace(GUID, "{id}").replace(TEAMS_ID, "{id}").replace(LONG_TOKEN, "{id}");
}

/** A URL or path with every non-word path segment and the whole query replaced. */
export function scrubUrl(value: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?/i.exec(value);
  if (!match) return "{url}";
  const [, origin = "", path = "", query] = match;
  const cleanPath = path
    .split("/")
    .map((segment) => (segment === "" || PLAIN_SEGMENT.test(segment) ? segment : "{id}"))
    .join("/");
  return `${origin}${cleanPath}${query ? "?{query}" : ""}`;
}

const URL_ATTRIBUTES = ["url.full", "http.url", "http.target", "url.path", "http.route", "url.original"];
const QUERY_ATTRIBUTES = ["url.query"];
const TEXT_ATTRIBUTES = ["exception.message", "exception.stacktrace", "error.message"];

function scrubAttributes(attributes: Attributes): Attributes | undefined {
  let changed: Attributes | undefined;
  const set = (key: string, value: AttributeValue) => ((changed ??= {})[key] = value);
  for (const key of URL_ATTRIBUTES) {
    const v = attributes[key];
    if (typeof v === "string" && scrubUrl(v) !== v) set(key, scrubUrl(v));
  }
  for (const key of QUERY_ATTRIBUTES) if (typeof attributes[key] === "string" && attributes[key]) set(key, "{query}");
  for (const key of TEXT_ATTRIBUTES) {
    const v = attributes[key];
    if (typeof v === "string" && scrubText(v) !== v) set(key, scrubText(v));
  }
  return changed;
}

/** The parts of a live SDK span this processor touches (structural, so no SDK package is imported here). */
interface MutableSpan {
  readonly attributes: Attributes;
  readonly events: { name: string; attributes?: Attributes; time: unknown; droppedAttributesCount?: number }[];
  readonly status?: { code: number; message?: string };
  setAttributes(attributes: Attributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
}

/** An OpenTelemetry span processor that removes ids from URLs and error texts while the span can still change. */
export class PrivacySpanProcessor {
  onStart(span: MutableSpan): void {
    const changed = scrubAttributes(span.attributes);
    if (changed) span.setAttributes(changed);
  }

  onEnding(span: MutableSpan): void {
    this.onStart(span);
    if (span.status?.message && scrubText(span.status.message) !== span.status.message)
      span.setStatus({ code: span.status.code, message: scrubText(span.status.message) });
    span.events.forEach((event, i) => {
      const changed = event.attributes && scrubAttributes(event.attributes);
      if (changed) span.events[i] = { ...event, attributes: { ...event.attributes, ...changed } };
    });
  }

  onEnd(): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
