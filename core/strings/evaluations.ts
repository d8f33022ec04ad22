// Swedish strings for meeting evaluations (indicator 2b) and the 2b/2a report.

import { count } from "./count";

export const statements = {
  q1: "Samverkan på lokal nivå är välfungerande.",
  q2: "Mötets innehåll var relevant för min verksamhet.",
};
/** Short names of the statements for tables. */
export const statementShort = { q1: "Samverkan", q2: "Relevans" };

export const scaleLabels: Record<"1" | "2" | "3" | "4" | "5", string> = {
  "1": "Instämmer inte alls",
  "2": "Instämmer i liten grad",
  "3": "Instämmer delvis",
  "4": "Instämmer i stor grad",
  "5": "Instämmer helt",
};

export const orgTypeLabels = { kommun: "Kommun", region: "Region", annan: "Annan organisation" } as const;
export const genderLabels = {
  kvinna: "Kvinna",
  man: "Man",
  annan: "Annan könsidentitet",
  "vill-inte-uppge": "Vill inte uppge",
} as const;
/** Report categories: "vill inte uppge" and no answer are reported together. */
export const genderCategoryLabels = {
  kvinna: "Kvinna",
  man: "Man",
  annan: "Annan könsidentitet",
  "ej-angivet": "Ej angivet",
} as const;

export const card = {
  title: (groupName: string) => `Utvärdering av mötet – VuS ${groupName}`,
  intro: (when: string, closes: string) => `Hur upplevde du mötet ${when}? Svara senast ${closes}. Det tar en minut.`,
  // Pseudonymous, not anonymous: the bot can recompute an answer's id from the person (to show "Ditt svar"),
  // and a free-text comment may identify its writer.
  privacy: "Svaren sparas utan namn eller användar-id och redovisas bara sammanställt för grupper med minst fem svar.",
  /** Shown once above both statements; each statement is its own rating's label. */
  scaleHint: "Hur väl stämmer påståendena? 1 = instämmer inte alls, 5 = instämmer helt.",
  required: "Välj ett alternativ.",
  commentLabel: "Kommentar (frivilligt, högst 1 000 tecken)",
  commentPlaceholder: "Vad fungerade bra, vad kan bli bättre?",
  commentNote:
    "Kommentarer läses av Välfärd, Region Västmanland, i sammanställd form utan uppgift om möte, datum, kön eller organisation. Skriv inte namn eller annat som pekar ut någon.",
  orgTypeLabel: "Jag arbetar i",
  orgTypePlaceholder: "Välj organisation",
  genderLabel: "Kön (frivilligt – all statistik redovisas könsuppdelad)",
  genderPlaceholder: "Välj (frivilligt)",
  submit: "Skicka svar",
  update: "Spara ändrat svar",
};

/** Heading of the card that replaces an evaluation card whose answer could not be taken. */
export const noticeTitle = "Utvärdering av mötet";

export const thanks = {
  title: "Tack för ditt svar!",
  changedTitle: "Ditt svar är ändrat",
  intro: (groupName: string, when: string) => `Utvärdering av mötet i VuS ${groupName} ${when}.`,
  comment: "Kommentar",
  orgType: "Organisation",
  gender: "Kön",
  genderNotGiven: "Ej angivet",
  canChange: (closes: string) => `Du kan ändra ditt svar till och med ${closes}.`,
  closed: "Utvärderingen är stängd.",
  change: "Ändra svar",
  text: "Tack för ditt svar på utvärderingen.",
};

export const invite = {
  text: (groupName: string) => `Utvärdera mötet i VuS ${groupName} – två frågor, en minut.`,
  reminderText: (groupName: string, closes: string) =>
    `Påminnelse: utvärdera mötet i VuS ${groupName} senast ${closes}.`,
  reminderIntro: "Påminnelse – du har inte svarat än.",
};

/** Why a submission was refused; nothing is stored in any of these cases. */
export const rejected = {
  scores: "Välj ett värde från 1 till 5 för båda påståendena.",
  comment: "Kommentaren får vara högst 1 000 tecken. Korta den och skicka igen.",
  orgType: "Välj om du arbetar i kommun, region eller annan organisation.",
  gender: "Välj kön bland alternativen, eller lämna fältet tomt.",
  malformed: "Svaret gick inte att läsa. Öppna utvärderingskortet igen och skicka på nytt.",
  unknownMeeting: "Jag hittar inte mötet som utvärderingen gäller. Den kan ha tagits bort.",
  notHeld: "Mötet ställdes in eller hölls inte, så det finns inget att utvärdera.",
  notOpen: (opens: string) => `Utvärderingen öppnar ${opens}.`,
  closed: (closed: string) => `Utvärderingen stängde ${closed}. Ditt svar har inte sparats.`,
  notMember: "Bara medlemmar i mötets VuS-grupp kan utvärdera mötet. Ditt svar har inte sparats.",
  noIdentity: "Jag kan inte se vem du är (Entra-id saknas), så svaret kan inte sparas. Svara från Teams.",
  stored: "Ditt svar har inte sparats.",
};

export const report = {
  title: (year: number) => `Indikator 2b och 2a – ${year}`,
  indicator2b:
    "2b: Deltagare i lokala ledningsgrupper upplever att samverkan på lokal nivå är välfungerande och att samverkansmötenas innehåll är relevant för den egna verksamheten.",
  indicator2a: "2a: VuS-gruppen träffas minst fyra gånger per år.",
  meetingsHeld: "Genomförda möten (2a)",
  held: (n: number, goal: number) => `${n} av ${goal}${n >= goal ? " ✓" : ""}`,
  invited: "Inbjudna",
  answered: "Svar",
  responseRate: "Svarsfrekvens",
  category: "Kategori",
  all: "Alla",
  meetingsTitle: "Per möte",
  meeting: "Möte",
  legend:
    "Medelvärde på skalan 1–5 och, inom parentes, andel som svarat 4 eller 5. – betyder dolt: färre än fem svar, eller dolt för att ett annat dolt värde annars skulle kunna räknas fram.",
  county: "Västmanland, alla länsdelar",
  download: "Ladda ner CSV",
  downloadHint: (minutes: number) => `Länken till CSV-filen gäller i ${count(minutes, "minut", "minuter")}.`,
  noDownload: "CSV-export är inte konfigurerad (PUBLIC_BASE_URL saknas).",
  noGroups: "Det finns inga VuS-grupper än.",
  text: (year: number, groups: string) => `Rapport för indikator 2b och 2a, ${year}: ${groups}.`,
  forbidden:
    "Rapporten för indikator 2b är till för samordnare och administratörer. Samordnare ser sin egen VuS-grupp.",
  notYourGroup: (name: string) =>
    `Du är inte samordnare för VuS ${name}, så du kan bara se rapporten för din egen grupp.`,
  unknownGroup: (ref: string, names: string) => `Jag känner inte till länsdelen "${ref}". Välj en av: ${names}.`,
  badYear: "Ange året med fyra siffror, till exempel: rapport 2b 2026 Västerås",
  /** Admins only (Välfärd compiles the indicator); coordinators never get the comments link. */
  downloadComments: "Ladda ner kommentarer",
  commentsHint: (minutes: number) =>
    `Kommentarerna (bara för administratörer) ligger i en egen fil: per länsdel och år, i bokstavsordning och utan möte, datum, kön eller organisation. Länsdelar med färre än fem svar under året tas inte med. Länken gäller i ${count(minutes, "minut", "minuter")}.`,
};

/** CSV column headings (the file opens in Swedish Excel: semicolon-separated, decimal comma). */
export const csv = {
  columns: {
    county: "Länsdel",
    year: "År",
    level: "Nivå",
    meetingDate: "Mötesdatum",
    dimension: "Indelning",
    category: "Kategori",
    invited: "Inbjudna",
    answered: "Svarande",
    responseRate: "Svarsfrekvens (%)",
    n: "Antal svar",
    q1Mean: "Samverkan välfungerande, medelvärde (1–5)",
    q1Share: "Samverkan välfungerande, andel 4–5 (%)",
    q2Mean: "Mötets innehåll relevant, medelvärde (1–5)",
    q2Share: "Mötets innehåll relevant, andel 4–5 (%)",
    meetingsHeld: "Genomförda möten (2a)",
    meetingsGoal: "Mål, antal möten (2a)",
  },
  levelYear: "År",
  levelMeeting: "Möte",
  dimensionAll: "Alla",
  dimensionGender: "Kön",
  dimensionOrg: "Organisation",
  suppressed: "dolt",
  fileName: (year: number, part: string) => `indikator-2b-${year}-${part}.csv`,
  allParts: "alla-lansdelar",
  expired: "Länken har gått ut eller är ogiltig. Skriv rapport 2b i chatten med Samverkansboten för att få en ny.",
};

/** The comments file: free text only, never beside anything that could single out its writer. */
export const commentsCsv = {
  columns: { county: "Länsdel", year: "År", comment: "Kommentar", note: "Anmärkning" },
  tooFewAnswers: "Kommentarerna visas inte: färre än fem svar under året.",
  none: "Inga kommentarer under året.",
  noAnswers: "Inga svar under året.",
  fileName: (year: number, part: string) => `kommentarer-2b-${year}-${part}.csv`,
};
