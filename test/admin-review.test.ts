import type { ReviewDoc } from "../data/feedback";
import { groupReviews } from "../dialogs/admin/review-queue";
import { parseAdminCommand } from "../dialogs/admin/admin-commands";

let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
const unanswered = (question: string | null, at: string, asker = "a".repeat(32)): ReviewDoc => ({
  id: id(),
  kind: "unanswered",
  createdAt: at,
  asker,
  status: "new",
  kbVersion: 1,
  question,
  outcome: "decline",
  reason: "no-match",
  confidence: 0.1,
  offered: [],
});
const down = (question: string, at: string, entryId = "term-hvb", asker = "b".repeat(32)): ReviewDoc => ({
  id: id(),
  kind: "feedback",
  createdAt: at,
  asker,
  status: "new",
  kbVersion: 1,
  entryId,
  vote: "down",
  question,
});

describe("the review queue", () => {
  it("groups similar questions (case, å/ä/ö, inflection), newest group first, and counts people", () => {
    const groups = groupReviews([
      unanswered("Vem betalar HVB-placeringen?", "2025-03-01T10:00:00Z"),
      down("vem betalar hvb placering", "2025-03-03T10:00:00Z"),
      unanswered("Hur söker man parkeringstillstånd?", "2025-03-02T10:00:00Z", "c".repeat(32)),
      unanswered("parkeringstillstand sok", "2025-03-02T11:00:00Z", "c".repeat(32)),
      unanswered(null, "2025-03-04T10:00:00Z"),
    ]);
    expect(groups.map((g) => [g.question, g.count, g.people])).toEqual([
      [null, 1, 1],
      ["vem betalar hvb placering", 2, 2],
      ["parkeringstillstand sok", 2, 1],
    ]);
    expect(groups[1]).toMatchObject({ unanswered: 1, thumbsDown: 1, entryIds: ["term-hvb"] });
  });

  it("leaves out 👍, reviewed items and keeps unrelated questions apart", () => {
    const up: ReviewDoc = { ...(down("Vem kallar till SIP?", "2025-03-01T10:00:00Z") as any), vote: "up" };
    const reviewed: ReviewDoc = { ...unanswered("Vad är LARO?", "2025-03-01T10:00:00Z"), status: "reviewed" };
    const groups = groupReviews([
      up,
      reviewed,
      unanswered("Vad är LVM?", "2025-03-01T10:00:00Z"),
      unanswered("Vem betalar tolk?", "2025-03-01T11:00:00Z"),
    ]);
    expect(groups.map((g) => g.question)).toEqual(["Vem betalar tolk?", "Vad är LVM?"]);
  });
});

describe("admin commands", () => {
  it.each([
    ["admin", { name: "home" }],
    ["Admin.", { name: "home" }],
    ["historik term-SIP", { name: "history", query: "term-SIP" }],
    ["historik samordnad individuell plan", { name: "history", query: "samordnad individuell plan" }],
    ["exportera", { name: "export" }],
    ["granska", { name: "review" }],
    [
      "admin lägg till 0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b Anna Admin",
      { name: "addAdmin", id: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", adminName: "Anna Admin" },
    ],
    [
      "admin ta bort 0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
      { name: "removeAdmin", id: "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b" },
    ],
  ])("%s", (text, command) => expect(parseAdminCommand(text)).toEqual(command));

  it("leaves questions alone", () => {
    for (const q of ["Vem är admin för VuS?", "Vad säger historiken om BIV?", "exportera data till SoS"])
      expect(parseAdminCommand(q)).toBeUndefined();
  });
});
