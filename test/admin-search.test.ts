import { adminText } from "../core/strings";
import type { KnowledgeEntryDoc } from "../data/kb/knowledge-docs";
import type { KnowledgeEditor } from "../data/kb/knowledge-editor";
import { loadSeed } from "../data/kb/seed";
import { AdminSearch, MAX_RESULTS, searchEntries } from "../dialogs/admin/admin-search";
import { cardText } from "./support/teams-client";
import { cardProblems } from "./support/validate-card";

const docs: KnowledgeEntryDoc[] = loadSeed().entries.map((entry) => ({
  id: entry.id,
  type: "entry",
  entry,
  version: 1,
  status: "active",
  updatedAt: "2025-03-04T13:05:00.000Z",
  updatedBy: "seed",
}));
const editor = { all: async () => docs } as unknown as KnowledgeEditor;

describe("admin search", () => {
  it("lists at most MAX_RESULTS entries and counts every match", () => {
    const all = searchEntries(docs, "", Infinity);
    expect(all.total).toBe(docs.length);
    const { shown, total } = searchEntries(docs, "");
    expect(total).toBe(docs.length);
    expect(shown).toEqual(all.shown.slice(0, MAX_RESULTS));
  });

  it("ranks entries with the words in their id or title first, and every entry has all the words", () => {
    const { shown, total } = searchEntries(docs, "SIP", Infinity);
    expect(total).toBeGreaterThan(1);
    expect(`${shown[0].id} ${shown[0].entry.title}`.toLowerCase()).toContain("sip");
  });

  it("says it shows 15 of the matches when there are more, in the text and on the card", async () => {
    const total = docs.length;
    expect(total).toBeGreaterThan(MAX_RESULTS);
    const [reply] = await new AdminSearch({ editor }).search("");
    const title = `Visar ${MAX_RESULTS} av ${total} poster`;
    expect(reply.text).toBe(title);
    expect(cardText({ attachments: [reply.card] })).toContain(title);
    expect(cardProblems(reply.card!.content)).toEqual([]);
  });

  it("gives the plain count when every match is shown", async () => {
    const { total } = searchEntries(docs, "term-sip", Infinity);
    const [reply] = await new AdminSearch({ editor }).search("term-sip");
    expect(total).toBeLessThanOrEqual(MAX_RESULTS);
    expect(reply.text).toBe(adminText.home.resultsTitle("term-sip", total, total));
    expect(reply.text).not.toContain("Visar");
  });
});
