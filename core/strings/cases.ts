// Swedish strings for samverkansärenden (difficulties in cooperation lifted to the VuS group and
// Välfärd) and the yearly follow-up for Chefsforum (årsuppföljning: indicators 2a, 2b and 3a).

export const kindLabels = {
  samverkan: "Svårighet i samverkan",
  tolkning: "Tolkningsdifferens",
  avvikelse: "Avvikelse",
  tvist: "Tvist",
  utveckling: "Utvecklingsfråga",
} as const;

export const statusLabels = {
  open: "Väntar på VuS-gruppen",
  solved: "Löst lokalt",
  lifted: "Lyft till Välfärd",
  closed: "Avslutat",
} as const;

export const decisionLabels = {
  solved: "Löst lokalt",
  lifted: "Lyft till Välfärd (länsnivå)",
  closed: "Avslutat utan vidare åtgärd",
} as const;

export const forumLabels = {
  chefsforum: "Chefsforum",
  biv: "Nätverk-Beroende i Västmanland (BIV)",
  funktionshinder: "Nätverk för funktionshinderområdet",
  politiskt: "Politiskt samverkansforum",
  valfard: "Välfärd (hanterat direkt)",
  annat: "Annat forum",
} as const;

export const ref = (id: string) => id.toUpperCase();

export const form = {
  title: "Lyft ett samverkansärende",
  /** The button under answers about difficulties in cooperation. */
  offer: "Lyft ett samverkansärende",
  intro:
    "Enligt överenskommelsen löses svårigheter i samverkan, tolkningsdifferenser, avvikelser och tvister i första hand mellan ansvariga chefer. Frågor av principiell karaktär lyfts till den lokala ledningsgruppen (VuS-gruppen) i länsdelen, och frågor av intresse för hela länet vidare till Välfärd.",
  privacy:
    "Skriv inga personuppgifter: inga namn, personnummer eller annat som pekar ut en patient, brukare eller anställd. Beskriv situationen i allmänna termer.",
  groupLabel: "Länsdel",
  kindLabel: "Typ av ärende",
  descriptionLabel: "Beskrivning (högst 2 000 tecken)",
  descriptionPlaceholder: "Vad är svårigheten, och vad har hänt hittills?",
  partiesLabel: "Vilka parter berörs? (verksamheter, inte personer)",
  partiesPlaceholder: "T.ex. socialtjänsten i Sala, vuxenpsykiatrin",
  managersLabel: "Har ansvariga chefer försökt lösa det?",
  managersYes: "Ja",
  managersNo: "Nej, inte ännu",
  required: "Fyll i fältet.",
  submit: "Skicka till VuS-gruppen",
  submitAnyway: "Skicka ändå",
  managersFirst:
    "Överenskommelsen säger att svårigheter i första hand ska lösas mellan ansvariga chefer. Ta gärna upp det med din chef först. Vill du ändå skicka ärendet till VuS-gruppen nu, tryck på ”Skicka ändå”.",
};

export const problems = {
  group: "Välj en länsdel.",
  kind: "Välj typ av ärende.",
  description: "Skriv en beskrivning (högst 2 000 tecken).",
  parties: "Skriv vilka parter som berörs (högst 300 tecken).",
  managers: "Svara på om ansvariga chefer har försökt lösa det.",
  personalNumber:
    "Texten ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort det – ärenden får inte innehålla personuppgifter. Inget har sparats.",
  decision: "Välj ett beslut.",
  decisionText: "Skriv en kort beskrivning av beslutet (högst 1 000 tecken).",
  forum: "Välj vilket forum som tog upp ärendet.",
  outcome: "Skriv utfallet (högst 1 000 tecken).",
  notSaved: "Inget har sparats.",
};

export const card = {
  title: (id: string, groupName: string) => `Samverkansärende ${ref(id)} – VuS ${groupName}`,
  group: "Länsdel",
  kind: "Typ",
  raised: "Inlämnat",
  reporter: "Inlämnat av",
  parties: "Parter",
  managersTried: "Chefer har försökt",
  yes: "Ja",
  no: "Nej",
  status: "Status",
  descriptionTitle: "Beskrivning",
  decisionTitle: "VuS-gruppens beslut",
  by: "Av",
  decidedBy: (name: string, date: string) => `${name}, ${date}`,
  regionalTitle: "Regional hantering",
  forum: "Forum",
  outcome: "Utfall",
  decisionLabel: "Beslut",
  decisionText: "I korthet",
  decisionPlaceholder: "Välj beslut",
  decisionTextLabel: "Beslutet i korthet (krävs för ”Löst lokalt”)",
  decide: "Spara beslut",
  forumLabel: "Forum som tog upp ärendet",
  forumPlaceholder: "Välj forum",
  outcomeLabel: "Utfall",
  recordOutcome: "Spara utfall",
  open: "Öppna",
  forCoordinator: "Ta upp ärendet på nästa möte i VuS-gruppen och spara gruppens beslut här.",
  forAdmin: "VuS-gruppen har lyft ärendet till länsnivå. Spara vilket forum som tog upp det och utfallet.",
  received: (groupName: string) =>
    `Tack! Ärendet är skickat till samordnaren för VuS ${groupName}. Du får besked här i chatten vid varje steg.`,
};

export const outcomes = {
  decided: (id: string) => `Beslutet för ärende ${ref(id)} är sparat. Den som lämnade in ärendet har fått besked.`,
  recorded: (id: string) => `Utfallet för ärende ${ref(id)} är sparat. Den som lämnade in ärendet har fått besked.`,
  stale: "Ärendet har ändrats sedan kortet visades – här är det aktuella läget. Inget har ändrats.",
  alreadyDecided: "VuS-gruppen har redan fattat beslut i ärendet. Inget har ändrats.",
  notLifted: "Ärendet är inte lyft till Välfärd. Inget har ändrats.",
  alreadyRecorded: "Utfallet är redan sparat. Inget har ändrats.",
  conflict: "Någon annan sparade i ärendet samtidigt – här är det aktuella läget. Inget har ändrats.",
};

export const rejected = {
  notFound: "Jag hittar inte ärendet. Det kan ha tagits bort. Inget har ändrats.",
  notYours: "Det här ärendet kan du inte se: bara den som lämnade in det, samordnaren för gruppen och Välfärd kan det.",
  notCoordinator: "Bara samordnaren för VuS-gruppen (eller Välfärd) kan fatta beslut i ärendet. Inget har ändrats.",
  notAdmin: "Bara Välfärd (administratörer) kan spara utfallet för ett lyft ärende. Inget har ändrats.",
  noIdentity: "Jag kan inte se vem du är (inget Entra-id i meddelandet), så jag kan inte ta emot ärendet.",
  personalOnly: "Samverkansärenden tar jag emot i personlig chatt med mig, så att beskrivningen inte syns för andra.",
  malformed: "Knappen innehöll ogiltiga uppgifter. Inget har ändrats.",
  noGroups: "Det finns inga länsdelar upplagda ännu.",
};

export const notices = {
  toCoordinator: (id: string, groupName: string) =>
    `Nytt samverkansärende ${ref(id)} för VuS ${groupName}: ta upp det på nästa möte.`,
  toAdmin: (id: string, groupName: string) => `VuS ${groupName} har lyft ärende ${ref(id)} till Välfärd.`,
  decided: {
    solved: (id: string, groupName: string) => `Ditt ärende ${ref(id)} är löst lokalt av VuS ${groupName}.`,
    lifted: (id: string, groupName: string) =>
      `VuS ${groupName} har lyft ditt ärende ${ref(id)} till Välfärd, som tar det vidare till rätt forum.`,
    closed: (id: string, groupName: string) => `VuS ${groupName} har avslutat ditt ärende ${ref(id)}.`,
  },
  outcome: (id: string, forum: string) => `Ärende ${ref(id)} har tagits upp i ${forum}. Utfallet finns på kortet.`,
};

export const list = {
  title: "Samverkansärenden",
  none: "Det finns inga ärenden att visa för dig. Skriv ”nytt ärende” för att lyfta en svårighet i samverkan.",
  count: (n: number) => `${n} ${n === 1 ? "ärende" : "ärenden"}`,
  item: (id: string, kind: string, status: string) => `${ref(id)} · ${kind} · ${status}`,
  openTitle: "Pågående",
  doneTitle: "Avslutade",
};

/** The section added to a meeting's reminder (the agenda). */
export const agenda = {
  title: "Ärenden att behandla",
  item: (id: string, kind: string, parties: string) => `${ref(id)}: ${kind} – ${parties}`,
};

export const followup = {
  title: (year: number) => `Årsuppföljning ${year}`,
  scope: (names: string) => `Underlag för Chefsforum. Länsdelar: ${names}.`,
  badYear: "Skriv året med fyra siffror, t.ex. ”årsuppföljning 2026”.",
  forbidden: "Årsuppföljningen är för Välfärd (administratörer) och samordnare för en VuS-grupp.",
  text: (year: number, names: string) => `Årsuppföljning ${year} (${names})`,
  i2aTitle: "2a · Möten i VuS-grupperna",
  i2aText: "Lokala ledningsgrupper i samtliga länsdelar träffas fyra gånger per år.",
  held: (n: number, goal: number) => `${n} av ${goal}${n >= goal ? " ✓" : ""}`,
  i2bTitle: "2b · Deltagarnas upplevelse",
  i2bText:
    "Medelvärde 1–5 (andel 4–5) för påståendena om samverkan och relevans, per kön och organisation. Grupper med färre än fem svar redovisas inte (–).",
  i2bScope: (name: string) => `Redovisas för: ${name}`,
  county: "Hela länet",
  category: "Grupp",
  answers: "Svar",
  all: "Alla",
  i3aTitle: "3a · Samverkansärenden",
  i3aText: "Behov som identifierats lokalt och lyfts för analys och uppföljning på regional nivå.",
  part: "Länsdel",
  raised: "Inlämnade",
  lifted: "Lyfta",
  decided: "Beslutade",
  total: "Totalt",
  shareLifted: "Andel lyfta till regional nivå",
  shareDecided: "Andel med beslut",
  medianDays: "Mediantid till beslut",
  days: (d: number) => `${String(d).replace(".", ",")} dagar`,
  none: "–",
  percent: (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x * 100)} %`),
  byKind: "Per typ",
  chartAlt: {
    "2a": "Diagram: hållna möten per länsdel mot målet fyra",
    "2b": "Diagram: medelvärden per kön och organisation",
    "3a": "Diagram: ärenden per länsdel och typ",
  },
  csv: {
    "2a": "Ladda ner 2a (CSV)",
    "2b": "Ladda ner 2b (CSV)",
    "3a": "Ladda ner 3a (CSV)",
  },
  downloadHint: (minutes: number) =>
    `Nedladdningslänkarna gäller i ${minutes} minuter; skriv kommandot igen för nya. Ärendebeskrivningar ingår aldrig i statistiken.`,
  noDownload:
    "Diagram och nedladdning kräver att botens offentliga adress (PUBLIC_BASE_URL) är inställd. Ärendebeskrivningar ingår aldrig i statistiken.",
  chart: {
    "2aTitle": (year: number) => `Hållna möten ${year} per länsdel (mål: 4)`,
    meetings: "Hållna möten",
    goal: "Mål",
    "2bTitle": (year: number, scope: string) => `Upplevelse ${year} – ${scope} (medel 1–5)`,
    statement: "Påstående",
    mean: "Medelvärde",
    hidden: (labels: string) => `Visas inte (färre än fem svar): ${labels}`,
    noData: "Inga redovisningsbara svar",
    "3aTitle": (year: number) => `Samverkansärenden ${year} per länsdel och typ`,
    cases: "Antal ärenden",
    kind: "Typ",
  },
  csvFile: (kind: string, year: number) => `arsuppfoljning-${kind}-${year}.csv`,
  csvColumns: {
    "2a": { part: "Länsdel", year: "År", held: "Hållna möten", goal: "Mål" },
    "3a": {
      part: "Länsdel",
      year: "År",
      kind: "Typ",
      raised: "Inlämnade",
      lifted: "Lyfta till Välfärd",
      decided: "Beslutade",
      shareLifted: "Andel lyfta (%)",
      shareDecided: "Andel beslutade (%)",
      medianDays: "Mediantid till beslut (dagar)",
    },
  },
  expired: "Länken har gått ut eller är ogiltig. Skriv kommandot igen i Teams för en ny.",
};
