// Refuses text that looks like a Swedish personal identity number (personnummer) or coordination
// number (samordningsnummer, day + 60): YYMMDD or YYYYMMDD, optionally "-", "+" or a space, then four
// digits. A plausible date is enough; the check digit is not required, since a mistyped number is
// still personal data.

const PATTERN = /(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})\s?[-+]?\s?(\d{4})(?!\d)/g;

function plausibleDate(month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const d = day > 60 ? day - 60 : day;
  return d >= 1 && d <= 31;
}

export function containsPersonalNumber(text: string): boolean {
  for (const m of text.matchAll(PATTERN)) if (plausibleDate(Number(m[2]), Number(m[3]))) return true;
  return false;
}
