// Refuses text that looks like a Swedish personal identity number (personnummer) or coordination
// number (samordningsnummer, day + 60), wherever free text is stored or passed on to people.
// With the century or a separator ("-", "+", a space), a date-shaped number is refused even with a
// wrong check digit (a mistyped number still points at a person); ten bare digits are also phone
// numbers, so those are refused only when the Luhn check digit fits.

const PATTERN = /(?<![\d-])(19|20)?(\d{2})(\d{2})(\d{2})(\s?[-+]?\s?)(\d{4})(?![\d-])/g;

function plausibleDate(century: string | undefined, yy: string, month: number, day: number): boolean {
  if (month < 1 || month > 12) return false;
  const d = day > 60 ? day - 60 : day;
  // Without the century the year is unknown; 29 February counts as possible.
  const year = century ? Number(`${century}${yy}`) : 2000 + Number(yy);
  return d >= 1 && d <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export function containsPersonalNumber(text: string): boolean {
  for (const m of text.matchAll(PATTERN)) {
    const [, century, yy, mm, dd, separator, last] = m;
    if (!plausibleDate(century, yy, Number(mm), Number(dd))) continue;
    if (century || separator || luhn(`${yy}${mm}${dd}${last}`)) return true;
  }
  return false;
}
