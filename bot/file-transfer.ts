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
  /** Plain http only without authentication (local runs and tests); Teams always sends https. */
  allowHttp: boolean;
  timeoutMs?: number;
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

/** Fetches a file's text, refusing anything over maxBytes (checked on the header and while reading). */
export async function downloadText(file: IncomingFile, opts: DownloadOptions): ReturnType<FileDownload> {
  let url: URL;
  try {
    url = new URL(file.downloadUrl);
  } catch {
    return { ok: false, reason: "failed" };
  }
  if (url.protocol !== "https:" && !(opts.allowHttp && url.protocol === "http:"))
    return { ok: false, reason: "failed" };
  try {
    const res = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000) });
    if (!res.ok || !res.body) return { ok: false, reason: "failed" };
    if (Number(res.headers.get("content-length") ?? 0) > opts.maxBytes) return { ok: false, reason: "tooLarge" };
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > opts.maxBytes) return { ok: false, reason: "tooLarge" };
      chunks.push(Buffer.from(chunk));
    }
    return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
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
