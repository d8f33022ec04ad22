import { filesText } from "../core/strings";
import type { FileDownload, IncomingFile } from "../core/types";

// Moving files between the bot and Teams/OneDrive: the import's download URL and the export's
// upload session (file consent in personal chat). Both URLs are short-lived and pre-authorised by
// Teams, so no token goes with them.

const FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";
export const FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info";

export interface DownloadOptions {
  maxBytes: number;
  /**
   * With authentication on: https only, and only Teams' file hosts (SharePoint / OneDrive for
   * Business). Off (local runs and tests): any host, plain http allowed, still never an https → http
   * redirect.
   */
  strictHosts: boolean;
  timeoutMs?: number;
  /** Redirects followed at most (each target checked like the first URL). */
  maxRedirects?: number;
  /** Replaces global fetch (tests). */
  fetch?: typeof globalThis.fetch;
}

/** Where Teams puts files sent in personal chat: the sender's OneDrive for Business, i.e. SharePoint Online. */
const TEAMS_FILE_HOST_SUFFIXES = [".sharepoint.com", ".sharepoint.us", ".sharepoint-mil.us", ".sharepoint.de"];
const MAX_REDIRECTS = 3;

/** Whether a download (or redirect) URL may be fetched; `from` is the URL that redirected here. */
export function allowedDownloadUrl(url: URL, opts: Pick<DownloadOptions, "strictHosts">, from?: URL): boolean {
  if (url.username || url.password) return false;
  if (from?.protocol === "https:" && url.protocol !== "https:") return false;
  if (!opts.strictHosts) return url.protocol === "https:" || url.protocol === "http:";
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === "https:" &&
    (url.port === "" || url.port === "443") &&
    TEAMS_FILE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length)
  );
}

/** The files of a message that Teams offers for download (personal chat attachments). */
export function incomingFiles(
  attachments: { contentType?: string; name?: string; content?: unknown }[] | undefined,
): IncomingFile[] {
  const out: IncomingFile[] = [];
  for (const a of attachments ?? []) {
    if (a.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content = (a.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
    if (typeof content.downloadUrl !== "string") continue;
    out.push({
      name: String(a.name ?? filesText.defaultName),
      downloadUrl: content.downloadUrl,
      fileType: typeof content.fileType === "string" ? content.fileType : undefined,
    });
  }
  return out;
}

/**
 * Fetches a file's text, refusing anything over maxBytes (checked on the header and while reading).
 * Redirects are followed by hand, each target checked, so a download cannot be steered elsewhere.
 */
export async function downloadText(file: IncomingFile, opts: DownloadOptions): ReturnType<FileDownload> {
  const doFetch = opts.fetch ?? globalThis.fetch;
  let url: URL;
  try {
    url = new URL(file.downloadUrl);
  } catch {
    return { ok: false, reason: "failed" };
  }
  if (!allowedDownloadUrl(url, opts)) return { ok: false, reason: "failed" };
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 20_000);
  try {
    for (let hop = 0; ; hop++) {
      const res = await doFetch(url, { redirect: "manual", signal });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const location = res.headers.get("location");
        if (!location || hop >= (opts.maxRedirects ?? MAX_REDIRECTS)) return { ok: false, reason: "failed" };
        const next = new URL(location, url);
        if (!allowedDownloadUrl(next, opts, url)) return { ok: false, reason: "failed" };
        url = next;
        continue;
      }
      if (!res.ok || !res.body) return { ok: false, reason: "failed" };
      if (Number(res.headers.get("content-length") ?? 0) > opts.maxBytes) {
        await res.body.cancel();
        return { ok: false, reason: "tooLarge" };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > opts.maxBytes) return { ok: false, reason: "tooLarge" };
        chunks.push(Buffer.from(chunk));
      }
      return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
    }
  } catch {
    return { ok: false, reason: "failed" };
  }
}

/** Uploads the whole file to a OneDrive upload session URL from an accepted file consent card. */
export async function uploadToSession(uploadUrl: string, content: Buffer): Promise<void> {
  const res = await fetch(uploadUrl, {
    method: "PUT",
    headers: {
      "Content-Length": String(content.length),
      "Content-Range": `bytes 0-${content.length - 1}/${content.length}`,
    },
    body: content,
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`upload failed with HTTP ${res.status}`);
}
