import { containsPersonalNumber } from "../dialogs/cases/personal-number";

describe("personal identity numbers in case text", () => {
  it.each([
    "Gäller 19850312-1234 som skrevs ut",
    "pnr 850312-1234",
    "850312+1234 (över hundra år)",
    "samordningsnummer 850372-1234",
    "198503121234",
    "8112189876", // valid check digit, no separator
    "personen 811218 9876",
  ])("refuses %s", (text) => expect(containsPersonalNumber(text)).toBe(true));

  it.each([
    "Ring 0701234567",
    "Mötet 2026-03-10 kl 09",
    "Diarienummer 2026-1234",
    "Socialtjänsten Sala, vuxenpsykiatrin",
    "851332-1234", // no 32nd day
  ])("accepts %s", (text) => expect(containsPersonalNumber(text)).toBe(false));
});
