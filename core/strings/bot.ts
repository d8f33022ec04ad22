// Swedish strings for the bot's own messages: welcome, help, errors.

export const exampleQuestions = [
  "Vem kallar till SIP?",
  "Vem betalar en HVB-placering?",
  "Hur ofta träffas VuS-gruppen?",
  "Vad är indikator 2b?",
];

export const welcome = {
  title: "Välkommen till Samverkansboten",
  intro:
    "Jag hjälper dig som arbetar med den länsgemensamma överenskommelsen för samverkan om vuxnas psykiska ohälsa i Västmanland.",
  capabilitiesTitle: "Det här kan jag",
  capabilities: [
    { title: "Frågor", value: "Svarar på frågor om roller, ansvar och rutiner i överenskommelsen, med källa." },
    { title: "Möten", value: "Påminner om VuS-gruppernas möten." },
    { title: "Utvärdering", value: "Samlar in deltagarnas bedömning av mötena (indikator 2b)." },
    { title: "Kunskapsbank", value: "Låter administratörer hålla svaren aktuella." },
  ],
  examplesTitle: "Prova att fråga",
  helpHint: "Skriv **hjälp** när som helst för att se alla kommandon.",
  teamIntro:
    "Hej! Jag är Samverkansboten. Nämn mig (@Samverkansboten) med en fråga om överenskommelsen, eller skriv hjälp.",
};

/** One line of the help: the command as typed, and what it does. */
export interface HelpLine {
  title: string;
  value: string;
}

export const help = {
  title: "Hjälp",
  intro:
    "Ställ en fråga med egna ord, på svenska eller engelska. Jag svarar utifrån överenskommelsen och visar var svaret står.",
  commandsTitle: "Kommandon",
  coordinatorTitle: "För samordnare",
  adminTitle: "För administratörer",
  examplesTitle: "Exempel på frågor",
  privacy: "Skriv aldrig personuppgifter om patienter eller klienter i chatten.",
};

/** The help line of each command; a feature registers its commands with one of these (dialogs/feature.ts). */
export const commandHelp = {
  help: { title: "hjälp", value: "Visar den här hjälpen." },
  meetings: { title: "möten", value: "Visar kommande möten i dina VuS-grupper." },
  join: { title: "gå med", value: "Gå med i en VuS-grupp och få påminnelser om mötena." },
  leave: { title: "lämna", value: "Gå ur en VuS-grupp, till exempel lämna Sala." },
  plan: { title: "planera", value: "Planera ett nytt möte för din VuS-grupp." },
  requests: { title: "förfrågningar", value: "Godkänn eller avslå förfrågningar om att gå med i dina VuS-grupper." },
  deliveries: { title: "leveranser", value: "Se hur påminnelser och utskick till gruppen har gått ut." },
  report2b: { title: "rapport 2b", value: "Rapport för indikator 2b, till exempel rapport 2b 2026 Sala." },
  linkChannel: {
    title: "koppla kanal <länsdel>",
    value: "Skriv det i en kanal för att koppla kanalen till VuS-gruppen.",
  },
  admin: { title: "admin", value: "Sök, ändra och publicera svar i kunskapsbanken." },
  review: { title: "granska", value: "Obesvarade frågor och svar som fått 👎." },
  export: {
    title: "exportera",
    value: "Hela kunskapsbanken som JSON-fil. Skicka tillbaka filen för att importera.",
  },
  history: { title: "historik <id>", value: "Tidigare versioner av en post, till exempel historik term-sip." },
  admins: { title: "administratörer", value: "Lägg till eller ta bort administratörer." },
  coordinator: { title: "samordnare", value: "Välj vem som samordnar en VuS-grupp." },
  raiseCase: {
    title: "nytt ärende",
    value: "Lyft en svårighet i samverkan (ett samverkansärende) till din VuS-grupp.",
  },
  cases: { title: "ärenden", value: "Visar samverkansärenden i dina VuS-grupper." },
  followup: { title: "årsuppföljning", value: "Årets uppföljning med diagram, till exempel årsuppföljning 2026." },
  askExperts: {
    title: "fråga välfärd",
    value:
      "Skicka en fråga som jag inte kan svara på till Välfärds experter, till exempel fråga välfärd Vem betalar tolk?",
  },
  expertChannel: {
    title: "koppla expertkanal",
    value: "Skriv det i Välfärds kanal för att få frågorna till Välfärd där.",
  },
  expertQuestions: { title: "expertfrågor", value: "Öppna frågor till Välfärd och hur länge de har väntat." },
  municipalities: {
    title: "kommuner <länsdel>: <kommuner>",
    value: "Ange vilka kommuner som hör till en länsdel.",
  },
  erase: {
    title: "radera användare <namn>",
    value: "Ta bort det boten lagrat om en person: medlemskap, svar om deltagande, chattar, frågor.",
  },
} satisfies Record<string, HelpLine>;

export const errors = {
  unknownButton:
    "Jag känner inte igen knappen du tryckte på. Den kan komma från ett äldre kort. Skriv hjälp för att se vad jag kan göra.",
  apology:
    "Förlåt, något gick fel hos mig. Försök igen om en stund. Om felet kvarstår, kontakta Välfärd, Region Västmanland.",
  /** Heading of the card that replaces a clicked card when the click failed. */
  apologyTitle: "Något gick fel",
};

/** Plain-text fallback of a card, for clients that do not render adaptive cards. */
export const fallback = {
  welcome: `${welcome.title}. ${welcome.intro} Skriv hjälp för att se vad jag kan göra.`,
  help: (commands: readonly { title: string }[]) =>
    `${help.title}: ${commands.map((c) => c.title).join(", ")}. Eller ställ en fråga om överenskommelsen.`,
};
