// Teams cuts a button's title off instead of wrapping it, so every label is made to fit a phone.

/**
 * Longest button label. A full-width button on a 360 px phone (a 328 px card) holds 32 characters of bold
 * text in the widest common UI font (DejaVu Sans, measured by the e2e phone steps), so it fits in
 * Segoe UI too.
 */
export const MAX_BUTTON_LABEL = 32;

export const fitsButton = (s: string) => [...s].length <= MAX_BUTTON_LABEL;

/** The text cut at a word with "…" when it does not fit (cut mid-word only when no word boundary is near). */
export function cutLabel(text: string): string {
  if (fitsButton(text)) return text;
  const cut = text.slice(0, MAX_BUTTON_LABEL - 1);
  const atWord = cut.slice(0, cut.lastIndexOf(" ")).replace(/[\s,;:–"-]+$/, "");
  return `${atWord.length >= MAX_BUTTON_LABEL / 2 ? atWord : cut}…`;
}
