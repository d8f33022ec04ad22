// Swedish strings for the admins' knowledge-base editing (dialogs/admin).

import { count } from "./count";

/** Polite refusal for anyone who is not an admin; nothing changes. */
export const refusal =
  "Det här kommandot är bara för administratörer av kunskapsbanken. Jag har inte ändrat något. Om du behöver ändra ett svar, kontakta Välfärd, Region Västmanland.";
const posts = (n: number) => count(n, "post", "poster");

export const personalOnly =
  "Administrationen görs i en personlig chatt med mig. Öppna chatten med Samverkansboten och skriv admin där.";

/** Human labels for every field of an entry (keys of the zod schemas in data/kb/schema.ts). */
export const fieldLabels: Record<string, string> = {
  id: "Id",
  kind: "Typ",
  title: "Rubrik",
  answer: "Svar",
  phrasings: "Formuleringar och nyckelord (en per rad, svenska och engelska)",
  related: "Relaterade poster (en rubrik per rad)",
  cues: "Gäller i situationer (ord eller korta fraser, en per rad, t.ex. skrivs ut, gravid, barn hemma)",
  source: "Källa",
  "source.document": "Källdokument",
  "source.section": "Avsnitt i källan",
  alsoSources: "Fler källor (en rad per källa: dokument | avsnitt)",
  responsibilities: "Vem gör vad (en rad per ansvar: vem | vad de gör | betalar: ja eller nej)",
  retired: "Tillbakadragen",
  term: "Begrepp eller förkortning",
  expansion: "Utskrivet",
  synonyms: "Andra stavningar (en per rad)",
  organisation: "Huvudman",
  level: "Nivå",
  members: "Ledamöter (en per rad)",
  convenor: "Sammankallande",
  frequency: "Hur ofta",
  mandate: "Mandat",
  tasks: "Uppgifter (en per rad)",
  documentType: "Typ av styrdokument",
  appliesWhen: "Gäller när",
  topic: "Ämne",
  code: "Mål- eller indikatorkod (t.ex. 2b)",
  decidedBy: "Beslutat av",
  date: "Datum (ÅÅÅÅ-MM-DD)",
  status: "Status",
};

/** Short field names for "what changed" lists. */
export const fieldShort: Record<string, string> = {
  ...fieldLabels,
  phrasings: "formuleringar",
  related: "relaterade",
  cues: "situationer",
  alsoSources: "fler källor",
  responsibilities: "vem gör vad",
  synonyms: "andra stavningar",
  members: "ledamöter",
  tasks: "uppgifter",
  source: "källa",
  title: "rubrik",
  answer: "svar",
  status: "status",
};

export const kindLabels: Record<string, string> = {
  term: "Begrepp",
  actor: "Aktör",
  forum: "Forum",
  routine: "Rutin eller riktlinje",
  responsibility: "Ansvar",
  goal: "Mål eller indikator",
  topic: "Ämne",
  decision: "Beslut",
};

export const statusLabels = { active: "Publicerad", retired: "Tillbakadragen" } as const;

export const actionLabels: Record<string, string> = {
  seed: "första versionen",
  created: "skapad",
  edited: "redigerad",
  retired: "tillbakadragen",
  restored: "återpublicerad",
  reverted: "återställd",
  imported: "importerad",
};
/** Who made the versions that came with the bot (the seed files), as an admin reads it. */
export const seedAuthor = "Ursprunglig version (levererad med boten)";

/** Zod issues in Swedish; `n` is the limit. */
export const issues = {
  missing: "saknas",
  tooShortText: (n: number) => `för kort (minst ${n} tecken)`,
  tooLongText: (n: number) => `för långt (högst ${n} tecken)`,
  tooFewRows: (n: number) => `för få rader (minst ${n})`,
  tooManyRows: (n: number) => `för många rader (högst ${n})`,
  oneOf: (values: string[]) => `måste vara ett av: ${values.join(", ")}`,
  format: "har fel format",
  wrongType: "har fel typ",
  unknownField: (k: string) => `okänt fält ${k}`,
  unknownRelated: (id: string) => `pekar på ${id}, som inte finns i kunskapsbanken`,
  unknownTitle: (title: string) => `hittar ingen post med rubriken "${title}"; skriv rubriken som den står i sökningen`,
  duplicateId: "id:t förekommer flera gånger i filen",
  row: (n: number) => `rad ${n}`,
  rowParts: (n: number) => `ska ha ${n} delar åtskilda med |`,
  yesNo: "sista delen (betalar) ska vara ja eller nej",
  /** The entry id pattern, said as the admin can act on it (data/kb/schema.ts attaches it to the regex). */
  entryIdFormat: "id: små bokstäver a–z, siffror och bindestreck",
};

export const home = {
  title: "Administrera kunskapsbanken",
  intro:
    "Sök en post för att öppna, redigera, dra tillbaka eller återställa den. Ändringar syns för alla inom en minut.",
  searchLabel: "Sök på rubrik eller ord i svaret",
  searchButton: "Sök",
  /** `shown` of `total` matches are listed; an empty query lists every entry. */
  resultsTitle: (q: string, shown: number, total: number) => {
    const found = q ? `${count(total, "träff", "träffar")} för "${q}"` : posts(total);
    return shown < total ? `Visar ${shown} av ${found}` : found;
  },
  noResults: "Inga poster matchade sökningen.",
  open: "Öppna",
  newTitle: "Ny post",
  newKindLabel: "Typ av post",
  newButton: "Skapa ny post",
  reviewButton: "Granskningskö",
  adminsButton: "Administratörer",
  commandsHint:
    "Kommandon: **historik** följt av en rubrik (till exempel historik SIP) visar tidigare versioner, **exportera** skickar hela kunskapsbanken som en fil, **granska** visar obesvarade frågor och 👎. Skicka en exporterad fil i chatten för att importera.",
};

export const entry = {
  facts: { id: "Id", kind: "Typ", status: "Status", version: "Version", updated: "Senast ändrad" },
  edit: "Redigera",
  history: "Historik",
  retire: "Dra tillbaka",
  restore: "Publicera igen",
  notFound: (id: string) => `Jag hittar ingen post med id ${id}.`,
};

export const form = {
  editTitle: (title: string) => `Redigera: ${title}`,
  newTitle: (kind: string) => `Ny post: ${kind}`,
  intro: "Fälten kontrolleras innan något sparas. Inget publiceras förrän du har förhandsvisat och tryckt Publicera.",
  idHint: "små bokstäver, siffror och bindestreck, t.ex. topic-spelberoende",
  preview: "Förhandsvisa",
  cancel: "Avbryt",
  invalidTitle: "Posten kunde inte sparas. Rätta följande och försök igen:",
  cancelled: "Avbrutet. Inget har ändrats.",
};

export const publish = {
  previewText: (title: string) => `Förhandsvisning av "${title}" så som användarna ser svaret:`,
  title: "Publicera ändringen?",
  changesTitle: "Ändrat",
  noChanges: "Inga ändringar jämfört med den publicerade versionen.",
  newEntry: "Ny post",
  publish: "Publicera",
  editAgain: "Redigera igen",
  cancel: "Avbryt",
  done: (title: string, version: number) =>
    `Publicerat: "${title}" (version ${version}). Inom en minut får alla som frågar boten det nya svaret.`,
  nothingToPublish: "Inget att publicera: posten är oförändrad.",
  conflict: (title: string) =>
    `Någon annan har ändrat "${title}" sedan du öppnade den. Din ändring är inte sparad, och inget har skrivits över. Öppna posten igen för att se den senaste versionen och gör om ändringen.`,
  duplicate: (id: string) => `Det finns redan en post med id ${id}. Välj ett annat id. Inget har sparats.`,
  retired: (title: string, version: number) =>
    `"${title}" är tillbakadragen (version ${version}). Användarna ser den inte längre; den kan publiceras igen.`,
  restored: (title: string, version: number) => `"${title}" är publicerad igen (version ${version}).`,
  reverted: (title: string, from: number, version: number) =>
    `"${title}" är återställd till version ${from}. Det blev version ${version}.`,
};

export const history = {
  title: (title: string) => `Historik: ${title}`,
  line: (v: number, when: string, who: string, action: string) => `Version ${v} · ${when} · ${who} · ${action}`,
  changed: (fields: string) => `Ändrat: ${fields}`,
  restore: (v: number) => `Återställ version ${v}`,
  usage: "Skriv historik följt av postens rubrik eller ett ord ur den, till exempel: historik SIP",
  noMatch: (q: string) => `Jag hittar ingen post som matchar "${q}". Prova ett annat ord ur rubriken.`,
  pickTitle: (q: string, total: number) =>
    total > 8
      ? `${total} poster matchar "${q}". Här är de första; skriv fler ord för att hitta rätt.`
      : `Vilken post menar du? ${total} poster matchar "${q}".`,
  pickButton: "Visa historik",
  versionMissing: (v: number) => `Version ${v} finns inte i historiken.`,
  revertedFrom: (action: string, v: number) => `${action} från version ${v}`,
};

export const review = {
  title: "Granskningskö",
  intro: "Obesvarade frågor och svar som fick 👎, nyast först, grupperade efter liknande fråga.",
  empty: "Granskningskön är tom. Bra jobbat!",
  group: (n: number, people: number) => `${count(n, "gång", "gånger")} av ${count(people, "person", "personer")}`,
  unanswered: "Obesvarad",
  suggested: "Osäkert svar",
  thumbsDown: "👎 på svaret",
  latest: "Senast",
  answerNew: "Svara med ny post",
  editEntry: (title: string) => `Redigera "${title}"`,
  dismiss: "Avfärda",
  dismissed: (n: number) =>
    `Avfärdat (${count(n, "fråga", "frågor")}). ${n === 1 ? "Den" : "De"} visas inte längre i granskningskön.`,
  hiddenQuestion: "(frågan om en enskild person sparas inte)",
};

export const exportFile = {
  fileName: (day: string) => `kunskapsbank-${day}.json`,
  description: "Hela kunskapsbanken som JSON. Ändra och skicka tillbaka filen här i chatten för att importera.",
  offered: "Här är exporten av kunskapsbanken. Godkänn för att spara filen i din OneDrive.",
  uploaded: (n: number) => `Exporten är klar: ${posts(n)}.`,
  declined: "Exporten avbröts. Ingen fil har sparats.",
  failed: "Jag kunde inte ladda upp filen. Försök igen om en stund.",
};

export const importFile = {
  badJson: (detail: string) => `Filen är inte giltig JSON: ${detail}. Inget har ändrats.`,
  badShape:
    'Filen har inte formatet från exportera: den ska ha "schemaVersion": 1 och en lista "entries". Inget har ändrats.',
  rejectedTitle: (n: number) =>
    `Importen avvisades: ${count(n, "post är ogiltig", "poster är ogiltiga")}. Inget har ändrats.`,
  entryLabel: (id: string | undefined, index: number) => (id ? `Post ${index + 1} (${id})` : `Post ${index + 1}`),
  summaryTitle: "Importera filen?",
  summaryFacts: { file: "Fil", added: "Nya", changed: "Ändrade", retired: "Tillbakadragna", unchanged: "Oförändrade" },
  notInFile: (n: number) =>
    `${posts(n)} i kunskapsbanken finns inte i filen; ${n === 1 ? "den lämnas som den" : "de lämnas som de"} är. Sätt "retired": true i filen för att dra tillbaka en post.`,
  nothing: "Filen innehåller inga ändringar jämfört med kunskapsbanken. Inget att importera.",
  confirm: "Importera",
  cancel: "Avbryt",
  cancelled: "Importen avbröts. Inget har ändrats.",
  expired: "Importen har gått ut eller är redan gjord. Skicka filen igen.",
  conflict: (ids: string[]) =>
    `Importen gjordes inte: ${ids.join(", ")} har ändrats sedan du skickade filen. Inget har ändrats. Exportera igen och gör om ändringarna.`,
  done: (added: number, changed: number, retired: number) =>
    `Importen är klar: ${added} nya, ${changed} ändrade, ${retired} tillbakadragna.`,
  partial: (applied: number, failed: string[]) =>
    `Importen avbröts efter ${posts(applied)}: ${failed.join(", ")} ändrades samtidigt av någon annan och skrevs inte över.`,
};

export const admins = {
  title: "Administratörer",
  fromConfig: "Fasta administratörer (ändras av IT i driftinställningarna)",
  /** A fixed admin the bot has no name for; the id's end lets IT tell which one it is. */
  unnamed: (id: string) => `Namn okänt (id som slutar på …${id.slice(-4)})`,
  addedInTeams: "Tillagda här i Teams",
  none: "Inga tillagda här ännu.",
  addedLine: (name: string, by: string, when: string) => `${name} · tillagd av ${by} ${when}`,
  addTitle: "Lägg till administratör",
  personLabel: "Välj person (medlemmar i VuS-grupperna)",
  idLabel: "Personens objekt-id i Entra (be IT om det)",
  idLabelOr: "Finns personen inte i listan? Klistra in personens objekt-id i Entra (be IT om det)",
  nameLabel: "Namn (när du klistrar in ett id)",
  unknownPerson: "Jag hittar inte den personen längre. Öppna listan igen med admins.",
  add: "Lägg till",
  remove: "Ta bort",
  auditTitle: "Senaste ändringar",
  added: (name: string) => `${name} är nu administratör.`,
  removed: (name: string) => `${name} är inte längre administratör.`,
  alreadyAdmin: (name: string) => `${name} är redan administratör.`,
  notAdmin: "Det finns ingen sådan administratör tillagd i Teams.",
  configured: "Administratörer från konfigurationen kan inte tas bort här; de ändras i ADMIN_AAD_OBJECT_IDS.",
  notSelf: "Du kan inte ta bort dig själv som administratör.",
  badId: "Ange ett Entra-objekt-id (GUID), till exempel 0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b.",
  usage: "Skriv admin lägg till <objekt-id> <namn>, eller admin ta bort <objekt-id>.",
  audit: (when: string, who: string, what: string) => `${when} · ${who} · ${what}`,
  auditAdded: (name: string) => `lade till ${name}`,
  auditRemoved: (name: string) => `tog bort ${name}`,
};

export const badSubmission = "Jag kunde inte läsa knappen eller formuläret. Öppna administrationen igen med admin.";
