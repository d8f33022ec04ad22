import { meetingsText as t } from "../core/strings";

describe("Swedish in the meetings strings", () => {
  it("agrees in number", () => {
    expect(t.importText.done(1, "Sala")).toBe("1 möte importerat (Sala). Påminnelser skickas automatiskt.");
    expect(t.importText.done(3, "Sala")).toBe("3 möten importerade (Sala). Påminnelser skickas automatiskt.");
    expect(t.representation.text("Sala", 1)).toBe("VuS Sala i morgon: 1 funktion saknas.");
    expect(t.representation.text("Sala", 2)).toBe("VuS Sala i morgon: 2 funktioner saknas.");
    expect(t.importText.rejected(1, "x")).toContain("1 rad är fel");
    expect(t.importText.rejected(2, "x")).toContain("2 rader är fel");
    expect(t.report.line("Påminnelse 7d före", { sent: 1, failed: 2, inactive: 0, expired: 0 }, "klar")).toContain(
      "1 skickad, 2 misslyckade",
    );
  });

  it("names the group without a genitive on the place name, and says 'ej genomfört'", () => {
    expect(t.admin.channelLinked("Västerås")).toBe("Den här kanalen får nu påminnelser om mötena i VuS Västerås.");
    expect(t.list.notHeld).toBe("Markera som ej genomfört");
  });

  it("writes times with 'kl.' from the strings module", () => {
    expect(t.time.span("måndag 29 mars 2027", "09:00", "11:00")).toBe("måndag 29 mars 2027 kl. 09:00–11:00");
  });
});
