import { filesText } from "../core/strings";
import { looksLikeKnowledgeBaseExport } from "./admin/import-file";
import type { FeatureHandler } from "./router";
import type { Asker, FileDownload, IncomingFile, IncomingMessage, Reply } from "./types";

export interface FileImportsDeps {
  download: FileDownload;
  /** Whether the sender may import anything at all (a coordinator or an admin); checked before any download. */
  mayImport: (asker: Asker) => Promise<boolean>;
  /** Largest file fetched at all, in MB (each import may accept less). */
  maxMb: number;
  /** The admin dialog: knowledge-base exports sent back (refuses and logs anyone but an admin). */
  knowledgeBase: { importUpload(file: IncomingFile, content: string, message: IncomingMessage): Promise<Reply[]> };
  /** The meetings feature: year plans as CSV or JSON rows. */
  meetings: { importUpload(file: IncomingFile, content: string, asker: Asker): Promise<Reply[]> };
}

/**
 * Routes a file sent in chat by what it contains, not by who sent it or its extension: an admin
 * may send a meeting plan, and a coordinator's JSON plan is not a knowledge-base import.
 */
export class FileImports implements FeatureHandler {
  constructor(private readonly deps: FileImportsDeps) {}

  async handle(message: IncomingMessage): Promise<Reply[] | undefined> {
    const file = message.files?.[0];
    if (!file || (message.value !== undefined && message.value !== null)) return undefined;
    if (message.asker.conversationType !== "personal") return [{ text: filesText.personalOnly }];
    // The URL comes from the client: nothing is fetched for someone who could not import it anyway.
    if (!(await this.deps.mayImport(message.asker))) return [{ text: filesText.notAllowed }];
    const got = await this.deps.download(file);
    if (!got.ok)
      return [{ text: got.reason === "tooLarge" ? filesText.tooLarge(this.deps.maxMb) : filesText.downloadFailed }];
    if (looksLikeKnowledgeBaseExport(got.text)) return this.deps.knowledgeBase.importUpload(file, got.text, message);
    return this.deps.meetings.importUpload(file, got.text, message.asker);
  }
}
