import { adminText } from "../core/strings";
import { loadSeed } from "../data/kb/seed";
import { KbEntry } from "../data/kb/schema";
import { KINDS, entryFromForm, fieldsOf, formInputs, unknownRelated } from "../dialogs/admin/entry-form";

// The admin's edit form is derived from the zod schemas: every field of every kind must be in it,
// and every seed entry must survive a round trip through the form unchanged.

const seed = loadSeed().entries;
const submit = (inputs: { id: string; value: string }[]) => Object.fromEntries(inputs.map((i) => [i.id, i.value]));

describe("the entry form", () => {
  it("covers all eight kinds, and every field has a Swedish label", () => {
    expect(KINDS.sort()).toEqual(["actor", "decision", "forum", "goal", "responsibility", "routine", "term", "topic"]);
    for (const kind of KINDS) {
      for (const input of formInputs(kind, {}, { withId: true }))
        expect(input.label).not.toBe(input.id.replace(/^f_/, "").replace(/_/g, "."));
      const shape = Object.keys((KbEntry.options.find((o) => o.shape.kind.value === kind) as any).shape).filter(
        (k) => k !== "kind" && k !== "retired",
      );
      expect(fieldsOf(kind).map((f) => f.key)).toEqual(shape);
    }
  });

  it.each(KINDS)("round-trips every seed entry of kind %s unchanged", (kind) => {
    const entries = seed.filter((e) => e.kind === kind);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) {
      const result = entryFromForm(kind, e.id, submit(formInputs(kind, e, { withId: false })));
      expect(result).toEqual({ ok: true, entry: e });
    }
  });

  it("reports each bad field in Swedish and returns no entry", () => {
    const sip = seed.find((e) => e.id === "term-sip")!;
    const values = submit(formInputs("term", sip, { withId: true }));
    const result = entryFromForm("term", undefined, {
      ...values,
      f_id: "Term SIP!",
      f_answer: "För kort.",
      f_phrasings: "bara en",
      f_source_document: "dalarna",
      f_responsibilities: "Socialtjänsten | Kallar | kanske",
    });
    expect(result.ok).toBe(false);
    const problems = (result as { problems: string[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        `${adminText.fieldLabels.id}: små bokstäver a–z, siffror och bindestreck`,
        `${adminText.fieldLabels.answer}: ${adminText.issues.tooShortText(20)}`,
        `${adminText.fieldLabels.phrasings}: ${adminText.issues.tooFewRows(2)}`,
        `${adminText.fieldLabels["source.document"]}: ${adminText.issues.oneOf(["overenskommelse", "srb-2024-01-26", "lagesrapport", "uppfoljning-missbruk"])}`,
        `${adminText.fieldLabels.responsibilities}, ${adminText.issues.row(1)}: ${adminText.issues.yesNo}`,
      ]),
    );
    expect(problems.join("\n")).not.toMatch(/Invalid|expected/);
  });

  it("reads cost responsibility rows and optional fields left empty", () => {
    const forum = seed.find((e) => e.kind === "forum")!;
    const values = submit(formInputs("forum", forum, { withId: false }));
    const result = entryFromForm("forum", forum.id, {
      ...values,
      f_convenor: "  ",
      f_responsibilities: "Regionen | Betalar resor | ja\nKommunen | Bjuder på fika",
    });
    expect(result.ok).toBe(true);
    const entry = (result as { entry: any }).entry;
    expect(entry.convenor).toBeUndefined();
    expect(entry.responsibilities).toEqual([
      { actor: "Regionen", duty: "Betalar resor", cost: true },
      { actor: "Kommunen", duty: "Bjuder på fika" },
    ]);
  });

  it("names related ids that do not exist", () => {
    const e = { ...seed[0], related: ["term-sip", "topic-finns-inte"] };
    expect(unknownRelated(e, (id) => id === "term-sip")).toEqual([
      `${adminText.fieldLabels.related}: ${adminText.issues.unknownRelated("topic-finns-inte")}`,
    ]);
  });
});
