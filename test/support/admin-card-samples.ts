import {
  adminAdminsData,
  adminEntryData,
  adminFormData,
  adminHistoryData,
  adminHomeData,
  adminImportData,
  adminNoticeData,
  adminPublishData,
  adminPickData,
  adminReviewData,
} from "../../cards/admin-cards";
import type { CardDataMap, CardName } from "../../cards/card-data";
import type { KnowledgeEntryDoc } from "../../data/kb/knowledge-docs";
import { loadSeed } from "../../data/kb/seed";
import { formInputs } from "../../dialogs/admin/entry-form";

// Sample data for the admin templates, taken from what the card builders produce for real entries,
// so the template test validates the cards admins actually get.

const entries = loadSeed().entries;
const at = "2025-03-04T13:05:00.000Z";
const doc = (i: number, status: "active" | "retired" = "active"): KnowledgeEntryDoc => ({
  id: entries[i].id,
  type: "entry",
  entry: entries[i],
  version: 2,
  status,
  updatedAt: at,
  updatedBy: "seed",
});
/** Template data for every admin card in its variants, as the card builders produce it for real entries. */
export function renderAdminSamples(): { [N in Extract<CardName, `admin-${string}`>]: CardDataMap[N][] } {
  const forum = entries.find((e) => e.kind === "forum")!;
  return {
    "admin-home": [
      adminHomeData("", undefined),
      adminHomeData("sip", [doc(0), doc(1, "retired")]),
      adminHomeData("zzz", []),
    ],
    "admin-entry": [adminEntryData(doc(0), '"etag-1"'), adminEntryData(doc(1, "retired"), '"etag-2"')],
    "admin-form": [
      adminFormData({
        mode: "edit",
        kind: forum.kind,
        title: forum.title,
        inputs: formInputs(forum.kind, forum, { withId: false }),
        entryId: forum.id,
        etag: '"e"',
      }),
      adminFormData({
        mode: "create",
        kind: "term",
        title: "",
        inputs: formInputs("term", {}, { withId: true }),
        problems: ["Svar: för kort (minst 20 tecken)"],
      }),
    ],
    "admin-publish": [
      adminPublishData(entries[0], "edit", ["answer", "phrasings"], '"e"', undefined),
      adminPublishData(entries[0], "create", [], undefined, "unanswered:7d0c4a52-6a5e-4f0e-9c59-0a5b0a0c6b1e"),
    ],
    "admin-history": [
      adminHistoryData(
        entries[0].title,
        [
          {
            version: 2,
            entry: entries[0],
            status: "retired",
            updatedAt: at,
            updatedBy: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
            updatedByName: "Anna Admin",
            action: "retired",
            changes: ["status"],
          },
          {
            version: 1,
            entry: entries[0],
            status: "active",
            updatedAt: at,
            updatedBy: "seed",
            action: "seed",
            changes: [],
          },
        ],
        '"e"',
      ),
    ],
    "admin-review": [
      adminReviewData([], () => undefined),
      adminReviewData(
        [
          {
            question: "Vem betalar HVB?",
            latestAt: at,
            count: 3,
            people: 2,
            unanswered: 1,
            suggested: 1,
            thumbsDown: 1,
            entryIds: [entries[0].id],
            items: [{ kind: "feedback", id: "7d0c4a52-6a5e-4f0e-9c59-0a5b0a0c6b1e" }],
          },
          {
            question: null,
            latestAt: at,
            count: 1,
            people: 1,
            unanswered: 1,
            suggested: 0,
            thumbsDown: 0,
            entryIds: [],
            items: [{ kind: "unanswered", id: "8d0c4a52-6a5e-4f0e-9c59-0a5b0a0c6b1e" }],
          },
        ],
        (id) => entries.find((e) => e.id === id)?.title,
      ),
    ],
    "admin-import": [
      adminImportData(
        "7d0c4a52-6a5e-4f0e-9c59-0a5b0a0c6b1e",
        "kunskapsbank.json",
        { added: 1, changed: 2, retired: 0, unchanged: 220 },
        3,
      ),
      adminImportData(
        "7d0c4a52-6a5e-4f0e-9c59-0a5b0a0c6b1e",
        "kb.json",
        { added: 0, changed: 1, retired: 0, unchanged: 0 },
        0,
      ),
    ],
    "admin-notice": [adminNoticeData("Importen avvisades", ["Post 1 (term-sip): Svar: för kort (minst 20 tecken)"])],
    "admin-pick": [
      adminPickData("Vilken post menar du?", [
        {
          title: "SIP",
          subtitle: "Begrepp · Publicerad",
          label: "Visa historik",
          data: { action: "admin.history", entryId: "term-sip" },
        },
      ]),
    ],
    "admin-admins": [
      adminAdminsData([{ id: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" }], [], []),
      adminAdminsData(
        [{ id: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", name: "Anna" }],
        [
          {
            id: "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
            kind: "admin",
            name: "Bo",
            active: true,
            addedBy: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
            addedByName: "Anna",
            addedAt: at,
          },
        ],
        [
          {
            id: "7d0c4a52-6a5e-4f0e-9c59-0a5b0a0c6b1e",
            kind: "audit",
            at,
            actor: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
            actorName: "Anna",
            event: "admin-added",
            target: "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
            targetName: "Bo",
          },
        ],
        [{ aadObjectId: "00000000-0000-4000-8000-000000000c02", name: "Mats", detail: "Sala, VuS Sala" }],
      ),
    ],
  };
}
