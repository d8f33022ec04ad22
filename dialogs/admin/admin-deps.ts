import type { Logger } from "../../core/logger";
import type { AdminDirectory } from "../../data/admins";
import type { FeedbackStore } from "../../data/feedback";
import type { KnowledgeEditor } from "../../data/kb/knowledge-editor";
import type { PendingImports } from "../../data/kb/pending-imports";
import type { QaEngine } from "../qa/qa-engine";
import type { Reply } from "../../core/types";

/** What the admin dialog and its parts need; each part takes only the slice it uses. */
export interface AdminDialogDeps {
  admins: AdminDirectory;
  editor: KnowledgeEditor;
  /** The served base: the engine resolves related entries for previews; reload() after each change. */
  knowledge: { readonly engine: QaEngine; readonly version: number; reload(): Promise<unknown> };
  feedback: Pick<FeedbackStore, "openForReview" | "markReviewed">;
  imports: PendingImports;
  logger?: Logger;
  now?: () => Date;
  /** People the bot knows by name (VuS members), so an admin is picked by name rather than by object id. */
  people?: () => Promise<KnownPerson[]>;
  /** More of the review queue from other features (questions sent to Välfärd), shown after the grouped items. */
  moreReview?: () => Promise<Reply | undefined>;
}

export interface KnownPerson {
  aadObjectId: string;
  name: string;
  /** What tells two people of the same name apart: organisation and group. */
  detail: string;
}
