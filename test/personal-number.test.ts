import { containsPersonalNumber } from "../core/personal-number";

describe("personal identity numbers in free text", () => {
  it.each([
    "Gäller 19850312-1234 som skrevs ut",
    "pnr 850312-1234",
    "850312+1234 (över hundra år)",
    "samordningsnummer 850372-1234",
    "198503121234",
    "8112189876", // valid check digit, no separator
    "personen 811218 9876",
    "Gäller det 19900101-0017?",
    "20101010-1234 (fel kontrollsiffra men ett personnummer ändå)",
    "samordningsnummer 900161-0018",
    "19900161 0018",
    "Personen 900101 - 0017 behöver hjälp",
  ])("refuses %s", (text) => expect(containsPersonalNumber(text)).toBe(true));

  it.each([
    "Ring 0701234567",
    "Mötet 2026-03-10 kl 09",
    "Diarienummer 2026-1234",
    "Diarienummer RV 2023-1234",
    "Socialtjänsten Sala, vuxenpsykiatrin",
    "Överenskommelsen från 2024-01-26 gäller",
    "Beslut 20240126 i SRB",
    "Kostnaden är 1 500 000 kr",
    "851332-1234", // no 32nd day
    "850231-1234", // no 31st of February
    "",
  ])("accepts %s", (text) => expect(containsPersonalNumber(text)).toBe(false));
});
