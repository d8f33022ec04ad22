import { adminText } from "../core/strings";

// Swedish number agreement: "1 post", never "1 poster".
describe("admin strings agree with the number", () => {
  it.each([
    [adminText.home.resultsTitle("sip", 1, 1), '1 träff för "sip"', "1 träffar"],
    [adminText.home.resultsTitle("", 1, 1), "1 post", "1 poster"],
    [
      adminText.importFile.notInFile(1),
      "1 post i kunskapsbanken finns inte i filen; den lämnas som den är",
      "1 poster",
    ],
    [adminText.importFile.partial(1, ["term-sip"]), "avbröts efter 1 post:", "1 poster"],
    [adminText.exportFile.uploaded(1), "Exporten är klar: 1 post.", "1 poster"],
    [adminText.review.dismissed(1), "Den visas inte längre", "De visas"],
  ])("%s", (text, has, hasNot) => {
    expect(text).toContain(has);
    expect(text).not.toContain(hasNot);
  });

  it("keeps the plural for other counts", () => {
    expect(adminText.home.resultsTitle("sip", 2, 2)).toBe('2 träffar för "sip"');
    expect(adminText.home.resultsTitle("", 0, 0)).toBe("0 poster");
    expect(adminText.importFile.notInFile(3)).toContain(
      "3 poster i kunskapsbanken finns inte i filen; de lämnas som de är",
    );
    expect(adminText.exportFile.uploaded(140)).toBe("Exporten är klar: 140 poster.");
  });

  it("says how many matched when the search shows only the first of them", () => {
    expect(adminText.home.resultsTitle("LVM", 15, 23)).toBe('Visar 15 av 23 träffar för "LVM"');
    expect(adminText.home.resultsTitle("", 15, 140)).toBe("Visar 15 av 140 poster");
    expect(adminText.home.resultsTitle("LVM", 15, 15)).toBe('15 träffar för "LVM"');
  });

  it("says in plain Swedish when a published change is answered", () => {
    const done = adminText.publish.done("SIP", 3);
    expect(done).not.toMatch(/instans/i);
    expect(done).toMatch(/inom en minut/i);
  });
});
