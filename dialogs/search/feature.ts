import type { AskTally } from "../../data/search/ask-tally";
import type { Feature } from "../feature";

/**
 * The message extension's part in the feature list: no commands or buttons (its search is a
 * composeExtension invoke that bot/ hands to KnowledgeSearch), only the gallring of its answer counts.
 */
export function searchFeature(tally: Pick<AskTally, "purgeBefore">): Feature {
  return {
    name: "search",
    retention: [
      { kind: "askCounts", setting: "ASK_COUNTS_RETENTION_DAYS", purge: (before) => tally.purgeBefore(before) },
    ],
  };
}
