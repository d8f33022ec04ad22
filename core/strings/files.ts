// Swedish strings for files sent to the bot (imports) and served by it (downloads).

/** Name shown for an attachment Teams sent without one. */
export const defaultName = "fil";
export const tooLarge = (mb: number) => `Filen är för stor (högst ${mb} MB).`;
export const downloadFailed = "Jag kunde inte hämta filen från Teams. Försök skicka den igen.";
/** No feature imports this kind of file. */
export const unknownFile =
  "Jag känner inte igen filen. Jag tar emot mötesplaner (CSV eller JSON) och kunskapsbanken exporterad som JSON.";
/** Someone who may import nothing sent a file: it is not even downloaded. */
export const notAllowed =
  "Bara samordnare och administratörer kan skicka filer till mig (mötesplaner, och för administratörer kunskapsbanken). Filen är inte hämtad.";
export const personalOnly = "Skicka filen till mig i den personliga chatten.";
/** Body of a failed download from the bot's own HTTP endpoints. */
export const internalError = "Internt fel.";
