// Swedish strings for question answering (dialogs/qa).

/**
 * Why the bot does not answer, as the user reads it. "Outside the agreement" is said only when the
 * scope rules show it (another subject, another region, a request about a person); when the search
 * just found nothing good enough, the bot says so and offers to pass the question on to Välfärd.
 */
export const decline = {
  "no-match":
    "Jag hittade inget säkert svar på det i överenskommelsen. Prova gärna att fråga med andra ord, eller skicka frågan vidare till Välfärd, Region Västmanland, som äger överenskommelsen.",
  "out-of-scope":
    "Det ligger utanför det jag kan svara på. Jag svarar bara på frågor om överenskommelsen om samverkan kring vuxnas psykiska ohälsa i Västmanlands län: vem som ansvarar för vad, rutiner, forum och mål.",
  individual:
    "Jag kan inte söka upp eller lämna ut uppgifter om enskilda personer, och det tas inte upp i överenskommelsen. Frågor om en enskild persons ärende hanteras i verksamhetens egna system.",
} as const;

/** A question about another region's agreement. */
export const otherRegion =
  "Jag kan inte svara på frågor om en annan regions överenskommelser. Jag svarar bara om Västmanlands länsgemensamma överenskommelse om samverkan kring vuxnas psykiska ohälsa; vänd dig till den andra regionen för deras.";

/** Heading above the nearest sections under a "no sure answer" decline. */
export const nearestSections = "Närmaste avsnitt i överenskommelsen";

/** No entry was good enough, but a passage of the agreement is about the question: it is quoted as it stands. */
export const quote = {
  intro:
    "Jag hittade inget säkert svar i kunskapsbanken, men det här står i överenskommelsen och verkar handla om din fråga (citat):",
  /** The passage between Swedish quotation marks. */
  mark: (text: string) => `”${text}”`,
  after:
    "Texten ovan är ett utdrag ur källan, inte ett tolkat svar. Läs hela avsnittet, eller skicka frågan vidare till Välfärd, Region Västmanland, om du behöver ett säkert svar.",
} as const;

/** Heading of the other entries a story touches, on the situation card. */
export const alsoApplies = "Det här gäller också";
/** Button under each of them, before its title. */
export const readMore = "Läs mer:";
/** The same button when the section's title (shown above it) does not fit on it. */
export const readMoreButton = "Läs mer";

/** The agreement does not give a detail that was asked (see dialogs/qa/forum-facets.ts). */
export const silentOn = {
  frequency: (name: string) => `Överenskommelsen anger inte hur ofta ${name} träffas. Här är vad den säger om ${name}.`,
} as const;

/** Heading of the "Vem gör vad" rows under an answer. */
export const whoDoesWhat = "Vem gör vad";
/** Marks a row that is a cost responsibility. */
export const costMark = "(kostnadsansvar)";
export const sourceLabel = "Källa";
/** Introduces the other sections an answer draws on, after the source line. */
export const alsoIn = "Även i";

/** Labels of the structured facts under an answer (forums, routines, decisions). */
export const facts = {
  convenor: "Sammankallande",
  frequency: "Hur ofta",
  mandate: "Mandat",
  members: "Medlemmar",
  tasks: "Uppgifter",
  appliesWhen: "Gäller",
  decidedBy: "Beslutat av",
  date: "Datum",
} as const;
/** Introduces the "Menade du…?" buttons. */
export const didYouMean = "Menade du…?";

/** How each source document is named in "Källa: …". */
export const documentName = {
  overenskommelse: "Överenskommelsen, avsnitt",
  "srb-2024-01-26": "Protokollsutdrag Strategisk regional beredning 2024-01-26,",
  lagesrapport: "Lägesrapport Länsgemensamma överenskommelser,",
  "uppfoljning-missbruk": "Uppföljning av överenskommelsen om samverkan kring missbruk och beroendesjukdom,",
} as const;

/** Shown under the title when the answer is a best guess (grey zone). */
export const unsure = "Jag är inte helt säker på att det här är det du söker. Se också förslagen nedan.";
/** Heading of the buttons to related questions under an answer. */
export const relatedTitle = "Relaterade frågor";
/** Heading of the buttons under a decline when some entries came close. */
export const nearbyTitle = "Närliggande ämnen i överenskommelsen";

/** The toggle that opens and closes the details under a short answer. */
export const showMore = "Visa mer";
export const showLess = "Visa mindre";

export const feedback = {
  prompt: "Var svaret till hjälp?",
  up: "👍 Ja",
  down: "👎 Nej",
  /** Replaces the buttons once the vote is stored, so it cannot be given twice. */
  recorded: {
    up: "👍 Tack! Din röst är registrerad.",
    down: "👎 Tack! Din röst är registrerad, och Välfärd går igenom svar som inte hjälpte.",
  },
  thanksUp: "Tack för din återkoppling! Det hjälper oss att hålla svaren bra.",
  thanksDown: "Tack för din återkoppling! Välfärd går igenom svar som inte hjälpte och förbättrar kunskapsbanken.",
} as const;

/** Sent after the second decline in a row in a conversation. */
export const declineHint =
  "Jag har inte kunnat svara på dina två senaste frågor. Prova att fråga med andra ord, gärna med ord som står i överenskommelsen, till exempel SIP, HVB eller VuS-grupp. Skriv hjälp för att se exempel på frågor. Frågor om överenskommelsen som jag inte kan svara på kan du skicka vidare till Välfärd, Region Västmanland.";

/** A card button whose data does not add up (tampered with, or from an old card). */
export const badSubmission = "Jag kunde inte läsa knappen du tryckte på. Ställ gärna frågan igen med egna ord.";
