// Swedish strings for VuS groups, meetings, reminders and imports.

import { count } from "./count";

export const functionLabels = {
  ifo: "Kommun – individ och familj",
  socialpsykiatri: "Kommun – socialpsykiatri",
  "ifo-socialpsykiatri": "Kommun – individ och familj och socialpsykiatri",
  vuxenpsykiatri: "Region – vuxenpsykiatrin",
  habilitering: "Region – habiliteringscentrum",
  vardcentral: "Region – vårdcentralerna (utsedd av vårdvalsrådet)",
  samordnare: "Samordnare för gruppen",
  ovrig: "Inbjuden utifrån tema / övrig",
} as const;

/** A group as users know it: "VuS Sala". */
export const groupName = (group: string) => `VuS ${group}`;

/** Times as written in Swedish: "måndag 29 mars 2027 kl. 09:00–11:00", "24 mars 2027 kl. 15:00". */
export const time = {
  span: (date: string, from: string, to: string) => `${date} kl. ${from}–${to}`,
  at: (date: string, clock: string) => `${date} kl. ${clock}`,
};

export const answerLabels = { attending: "Deltar", declined: "Deltar inte", substitute: "Skickar ersättare" } as const;

export const required = "Fyll i det här fältet.";

/** Someone else changed the same group, membership or meeting between our read and our write. */
export const conflict = "Någon annan ändrade samma uppgifter samtidigt, så inget sparades. Försök igen.";

export const join = {
  title: "Gå med i en VuS-grupp",
  intro:
    "Välj länsdel, vilken organisation du företräder och din funktion i gruppen. Du får påminnelser om gruppens möten här i chatten.",
  groupLabel: "Länsdel",
  organisationLabel: "Organisation",
  functionLabel: "Funktion",
  submit: "Gå med",
  /** How a successful join or update starts (the confirmation card's title depends on it). */
  donePrefix: "Klart!",
  joined: (group: string) =>
    `Klart! Du är med i VuS ${group}. Du får påminnelser om gruppens möten här. Skriv **möten** för att se kommande möten, eller **lämna** för att gå ur gruppen.`,
  updated: (group: string) => `Klart! Dina uppgifter i VuS ${group} är uppdaterade.`,
  missing: "Välj länsdel, organisation och funktion.",
  unknownGroup: "Den länsdelen finns inte. Välj en i listan.",
  noAad: "Jag kan inte se vem du är i Teams. Försök från Teams-klienten.",
};

export const requests = {
  sent: (group: string) =>
    `Din förfrågan om att gå med i VuS ${group} är skickad. Gruppens samordnare eller en administratör godkänner den; du får besked här.`,
  sentCoordinator: (group: string) =>
    `Din förfrågan om att gå med i VuS ${group} som samordnare är skickad. Samordnare utses av en administratör (Välfärd, Region Västmanland); när en administratör godkänner förfrågan blir du samordnare för gruppen.`,
  title: "Förfrågningar om att gå med",
  intro: "Godkänn eller avslå. Bara den som godkänns får gruppens påminnelser och kan utvärdera dess möten.",
  none: "Inga förfrågningar väntar i dina grupper.",
  notAllowed: "Bara gruppens samordnare och administratörer kan godkänna förfrågningar.",
  coordinatorAdminOnly:
    "Bara en administratör kan utse samordnare. Godkänn som medlem, eller be en administratör (Välfärd) att godkänna som samordnare.",
  who: (name: string, group: string) => `${name} – VuS ${group}`,
  details: (organisation: string, fn: string, wantsCoordinator: boolean) =>
    `${organisation}, ${fn}${wantsCoordinator ? " (vill bli samordnare)" : ""}`,
  approve: "Godkänn",
  approveCoordinator: "Godkänn som samordnare",
  approveMember: "Godkänn som medlem",
  deny: "Avslå",
  approved: (name: string, group: string) => `${name} är nu medlem i VuS ${group}.`,
  approvedCoordinator: (name: string, group: string) => `${name} är nu medlem och samordnare i VuS ${group}.`,
  denied: (name: string, group: string) => `Förfrågan från ${name} om VuS ${group} är avslagen.`,
  gone: "Förfrågan finns inte längre (den kan redan vara besvarad).",
  toRequesterApproved: (group: string) =>
    `Välkommen! Du är med i VuS ${group}. Du får påminnelser om gruppens möten här. Skriv **möten** för att se dem.`,
  toRequesterDenied: (group: string) => `Din förfrågan om att gå med i VuS ${group} blev inte godkänd.`,
  toApprover: (name: string, group: string) =>
    `${name} vill gå med i VuS ${group}. Skriv **förfrågningar** för att godkänna eller avslå.`,
};

/** Titles of the cards that replace a sent form. */
export const confirmation = {
  joined: "Du är med i gruppen",
  notSaved: "Inget sparades",
};

export const leave = {
  notMember: "Du är inte med i någon VuS-grupp.",
  left: (group: string, rsvps: number) =>
    `Du har lämnat VuS ${group}. Du får inga fler påminnelser från gruppen.${rsvps ? ` Dina svar om deltagande i gruppens möten (${rsvps}) är borttagna.` : ""}`,
  which: (groups: string) =>
    `Du är med i flera grupper (${groups}). Skriv till exempel **lämna ${groups.split(", ")[0]}**.`,
};

export const list = {
  title: "Kommande VuS-möten",
  none: "Inga kommande möten i dina grupper.",
  inProgressTitle: "Pågår nu",
  endedTitle: "Genomförda i år",
  notMember:
    "Du är inte med i någon VuS-grupp ännu. Vill du gå med? Skriv **gå med**, så får du ett kort där du väljer länsdel.",
  held: (group: string, year: number, n: number) =>
    `VuS ${group}: ${n} av minst 4 möten genomförda ${year} (indikator 2a).`,
  move: "Flytta / ändra",
  cancel: "Ställ in",
  notHeld: "Markera som ej genomfört",
  when: "När",
  where: "Var",
  previousWhen: "Tidigare tid",
  previousWhere: "Tidigare plats",
  online: "Onlinemöte",
  theme: "Tema",
  agenda: "Dagordning",
  noAnswer: "Inte svarat",
  plan: "Planera nytt möte",
};

export const reminder = {
  title: (group: string) => `Påminnelse: VuS ${group}`,
  inDays: (offset: string) => {
    const n = Number(offset.slice(0, -1));
    const unit = offset.slice(-1);
    if (unit === "d") return n === 1 ? "Mötet är i morgon." : `Mötet är om ${n} dagar.`;
    if (unit === "h") return n === 1 ? "Mötet börjar om en timme." : `Mötet börjar om ${n} timmar.`;
    return n === 1 ? "Mötet börjar om en minut." : `Mötet börjar om ${n} minuter.`;
  },
  movedTitle: (group: string) => `Mötet är flyttat: VuS ${group}`,
  movedIntro: "Tid eller plats har ändrats. Så här gäller nu:",
  cancelledTitle: (group: string) => `Mötet är inställt: VuS ${group}`,
  cancelledIntro: "Mötet nedan blir inte av.",
  join: "Anslut till mötet",
  rsvpPrompt: "Kommer du?",
  answered: (label: string) => `Ditt svar: ${label}. Du kan ändra det nedan.`,
  channelTally: (a: number, d: number, s: number) =>
    `Svar hittills: ${a} deltar, ${d} deltar inte, ${s} skickar ersättare.`,
  text: (title: string, when: string) => `${title} – ${when}`,
  rsvpThanks: (label: string) => `Tack! Ditt svar är registrerat: ${label}.`,
  rsvpClosed: "Mötet har redan börjat eller är inställt; svaret kan inte ändras.",
  rsvpNotMember:
    "Du är inte med i den här VuS-gruppen. Vill du gå med? Skriv **gå med** till mig i en personlig chatt.",
};

export const form = {
  newTitle: "Planera VuS-möte",
  editTitle: "Ändra eller flytta möte",
  group: "Länsdel",
  date: "Datum",
  start: "Starttid",
  length: "Längd (minuter)",
  place: "Plats",
  link: "Länk till onlinemöte (https)",
  theme: "Tema",
  agenda: "Dagordning (en punkt per rad)",
  save: "Spara",
  saved: (group: string, when: string) =>
    `Mötet för VuS ${group} är planerat: ${when}. Påminnelser skickas automatiskt.`,
  moved: (group: string, when: string) =>
    `Mötet för VuS ${group} är ändrat: ${when}. Medlemmarna får ett uppdaterat kort.`,
  cancelled: (group: string, when: string) => `Mötet för VuS ${group} ${when} är inställt. Medlemmarna meddelas.`,
  notHeld: (group: string, when: string) =>
    `Mötet för VuS ${group} ${when} är nu markerat som ej genomfört (räknas inte i indikator 2a).`,
  notFound: "Mötet finns inte längre.",
  notAllowed:
    "Bara gruppens samordnare och administratörer kan planera och ändra möten. Samordnare utses av en administratör (Välfärd): skriv **gå med** och välj funktionen Samordnare för gruppen, så skickas frågan till dem.",
  notStartedYet: "Mötet har inte ägt rum ännu; ställ in det i stället.",
  alreadyCancelled: "Mötet är redan inställt.",
  conflict: "Någon annan ändrade mötet samtidigt. Försök igen.",
  invalid: (problems: string) => `Mötet sparades inte: ${problems}`,
};

export const cancelConfirm = {
  title: (group: string) => `Ställa in mötet för VuS ${group}?`,
  question: "Alla medlemmar får genast besked om att mötet är inställt. Det går inte att ångra.",
  confirm: "Bekräfta",
  abort: "Avbryt",
  kept: "Mötet är kvar; ingen har fått något besked.",
};

export const problems = {
  group: "okänd länsdel",
  date: "datum ska skrivas ÅÅÅÅ-MM-DD och starttid TT:MM",
  nonexistent: "tiden finns inte den dagen (klockan ställs fram till sommartid)",
  past: "tiden har redan passerat",
  length: "längden ska vara 15–480 minuter",
  placeOrLink: "ange plats eller länk till onlinemöte",
  link: "länken ska vara en https-adress",
  tooLong: (field: string) => `${field} är för lång`,
  agenda: "högst 20 dagordningspunkter på högst 300 tecken",
  theme: "temat ska vara text på högst 200 tecken",
  unreadableForm: "formuläret kunde inte läsas; öppna det igen med **planera**",
  duplicateInFile: (row: number) => `samma länsdel och tid som rad ${row}`,
  exists: "det finns redan ett möte för länsdelen vid den tiden",
  notCoordinator: (group: string) => `du är inte samordnare för VuS ${group}`,
};

export const importText = {
  rejected: (n: number, list: string) =>
    `Filen importerades inte: ${count(n, "rad", "rader")} är fel. Rätta och skicka filen igen; inget har sparats.\n\n${list}`,
  row: (row: number, why: string) => `- Rad ${row}: ${why}`,
  done: (n: number, groups: string) =>
    `${count(n, "möte importerat", "möten importerade")} (${groups}). Påminnelser skickas automatiskt.`,
  empty: "Filen innehåller inga möten.",
  unreadable:
    "Jag kunde inte läsa filen. Skicka en CSV-fil (kolumner: länsdel;datum;start;längd;plats;länk;tema;dagordning) eller en JSON-fil med samma fält.",
  unknownType: "Skicka en .csv- eller .json-fil med mötesplanen.",
  tooBig: "Filen är för stor (högst 1 MB).",
  notAllowed: "Bara samordnare och administratörer kan importera möten.",
};

export const representation = {
  title: (group: string) => `Representation i morgon: VuS ${group}`,
  counts: (a: number, d: number, s: number, none: number) =>
    `${a} deltar, ${s} skickar ersättare, ${d} deltar inte, ${none} har inte svarat.`,
  noCoordinator: (group: string) =>
    `VuS ${group} har ingen samordnare, så kontrollen kommer till dig som administratör. Skriv **samordnare** för att utse en.`,
  missingTitle: "Funktioner som ingen företräder",
  allCovered: "Alla funktioner som ska delta är företrädda.",
  answersTitle: "Svar",
  municipality: (m: string, what: string) => `${m}: ${what}`,
  ifo: "individ och familj",
  sp: "socialpsykiatri",
  text: (group: string, missing: number) =>
    missing
      ? `VuS ${group} i morgon: ${count(missing, "funktion", "funktioner")} saknas.`
      : `VuS ${group} i morgon: alla funktioner är företrädda.`,
};

export const report = {
  title: "Leveransrapport",
  meetingHeading: (group: string, when: string) => `**VuS ${group}, ${when}**`,
  none: "Inga påminnelser har skickats ännu för dina gruppers möten.",
  line: (what: string, c: { sent: number; failed: number; inactive: number; expired: number }, status: string) =>
    `- ${what}: ${count(c.sent, "skickad", "skickade")}, ${count(c.failed, "misslyckad", "misslyckade")}, ${c.inactive} nås inte (boten borttagen)${c.expired ? `, ${c.expired} hann inte före mötet` : ""} – ${status}`,
  kinds: {
    reminder: (offset: string) => `Påminnelse ${offset} före`,
    meetingUpdate: "Uppdateringskort",
    representationCheck: "Representationskontroll",
    evaluation: "Utvärdering",
    caseNotice: "Besked om samverkansärende",
    escalationReminder: "Påminnelse om fråga till Välfärd",
    retention: "Gallring",
  },
  status: { pending: "väntar", running: "pågår", done: "klar", expired: "för sent", cancelled: "avbruten" },
  problems: {
    noCoordinator: "⚠️ Gruppen har ingen samordnare; kontrollen gick till administratörerna. Utse en samordnare.",
    noRecipient:
      "⚠️ Gruppen har ingen samordnare och ingen administratör kunde nås; kontrollen gick inte fram. Utse en samordnare.",
  },
  notAllowed: "Leveransrapporten är till för samordnare och administratörer.",
};

export const admin = {
  notAdmin: "Bara administratörer kan göra det.",
  municipalitiesUsage: "Skriv till exempel: **kommuner Köping: Köping, Arboga, Kungsör**",
  municipalitiesSaved: (group: string, list: string) => `VuS ${group} omfattar nu: ${list}.`,
  coordinatorUsage: "Skriv **samordnare** för att välja vem som samordnar en grupp.",
  coordinatorTitle: "Utse samordnare",
  coordinatorIntro:
    "Välj en medlem. Samordnare kan planera möten, importera årsplaner och får representationskontrollen dagen före mötet.",
  coordinatorChoice: "Medlem",
  coordinatorChoiceTitle: (who: string, group: string, isCoordinator: boolean) =>
    `${who} – VuS ${group}${isCoordinator ? " (samordnare)" : ""}`,
  coordinatorSubmit: "Gör till samordnare / ta bort",
  coordinatorOn: (name: string, group: string) => `${name} är nu samordnare för VuS ${group}.`,
  coordinatorOff: (name: string, group: string) => `${name} är inte längre samordnare för VuS ${group}.`,
  noMembers: "Ingen har gått med i någon grupp ännu.",
  channelLinked: (group: string) => `Den här kanalen får nu påminnelser om mötena i VuS ${group}.`,
  channelUsage: "Skriv i kanalen: **koppla kanal Västerås** (länsdelens namn).",
  channelOnly: "Det kommandot fungerar bara i en kanal där jag är installerad.",
};
