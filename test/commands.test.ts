import { normaliseText, readsLikeQuestion } from "../dialogs/commands";

describe("normaliseText (the one normalisation every feature's commands use)", () => {
  it("folds whitespace and drops a trailing full stop or exclamation mark, not a question mark", () => {
    expect(normaliseText("  gå \n med.  ")).toBe("gå med");
    expect(normaliseText("möten!!")).toBe("möten");
    expect(normaliseText("samordnare?")).toBe("samordnare?");
  });
});

describe("readsLikeQuestion", () => {
  it("sees a final question mark or a leading question word", () => {
    expect(readsLikeQuestion("kommuner Köping: vilka ingår?")).toBe(true);
    expect(readsLikeQuestion("Vilka kommuner är med")).toBe(true);
    expect(readsLikeQuestion("kommuner Köping: Köping, Arboga, Kungsör.")).toBe(false);
  });
});
