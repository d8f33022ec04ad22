// Swedish strings for asking Välfärd (expert escalation) and for the message extension search.

/** Limits the asker reads about; the same numbers are enforced in dialogs/escalation. */
export const MAX_QUESTION_CHARS = 1000;
export const MAX_ANSWER_CHARS = 4000;

/** The expert channel's card of a question deleted because its asker's personal data was erased. */
export const erased = (ref: string) =>
  `Frågan ${ref} är borttagen: uppgifterna om den som frågade har raderats på begäran. Den behöver inte besvaras.`;

export const askButton = "Fråga Välfärd";

export const form = {
  title: "Fråga Välfärd",
  intro:
    "Din fråga går till Välfärd, Region Västmanland, som äger överenskommelsen. En expert svarar dig här i chatten, oftast inom några arbetsdagar.",
  warning:
    "Skriv inga uppgifter om patienter eller klienter: inga namn, personnummer eller detaljer som kan peka ut någon. Fråga om hur överenskommelsen gäller, inte om en enskild person.",
  questionLabel: "Din fråga",
  questionPlaceholder: "Till exempel: Vem ansvarar för samordningen när …?",
  submit: "Skicka till Välfärd",
  cancel: "Avbryt",
  visibility:
    "Välfärds experter ser ditt namn, din fråga och vad jag svarade, så att de kan svara dig. Frågan sparas i ett år efter att den besvarats eller stängts.",
};

export const asked = {
  sent: (ref: string) =>
    `Tack! Din fråga (${ref}) är skickad till Välfärd. Du får svaret här i chatten när en expert har svarat.`,
  cancelled: "Okej, jag skickar ingenting till Välfärd.",
  empty: "Skriv din fråga i rutan innan du skickar den.",
  tooLong: (max: number) => `Frågan är för lång. Korta den till högst ${max} tecken och skicka igen.`,
  personalNumber:
    "Frågan innehåller något som ser ut som ett personnummer eller samordningsnummer. Jag skickar den inte. Ta bort numret och alla andra uppgifter som kan peka ut en person, och skicka igen.",
  individual:
    "Frågan verkar gälla en enskild person. Välfärd svarar på hur överenskommelsen gäller, inte i enskilda ärenden – de hanteras i verksamhetens egna system. Skriv om frågan utan uppgifter om personen.",
  noChannel:
    "Välfärd har inte kopplat någon expertkanal ännu, så jag kan inte skicka frågan just nu. Kontakta Välfärd, Region Västmanland, direkt.",
  noUser: "Jag kan inte se vem du är, så Välfärd skulle inte kunna svara dig. Skriv till mig i en personlig chatt.",
  postFailed:
    "Frågan är sparad, men jag kunde inte lägga ut den i Välfärds kanal just nu. Välfärd ser den ändå i sin lista över öppna frågor.",
};

/** Labels on the expert channel's case card. */
export const caseCard = {
  heading: (ref: string) => `Fråga till Välfärd ${ref}`,
  askedBy: "Frågat av",
  askedAt: "Ställd",
  status: "Status",
  botAnswered: "Boten svarade",
  question: "Fråga",
  answerLabel: "Ditt svar till frågeställaren",
  answerPlaceholder: "Skriv svaret här. Det skickas till frågeställaren i en personlig chatt.",
  take: "Jag tar den",
  send: "Skicka svar",
  close: "Stäng utan svar",
  toKnowledgeBase: "Lägg in i kunskapsbanken",
  answer: "Svar",
  answeredBy: "Besvarad av",
  rating: "Frågeställarens omdöme",
  statuses: {
    open: "Ny – ingen har tagit den",
    taken: (name: string) => `Tagen av ${name}`,
    answered: (name: string) => `Besvarad av ${name}`,
    closed: (name: string) => `Stängd utan svar av ${name}`,
  },
  ratingUp: "👍 Hjälpte",
  ratingDown: "👎 Hjälpte inte",
  notRated: "Inget omdöme än",
};

/** What the bot answered, as shown to the expert. */
export const botAnswer = {
  decline: (reason: string) => `Kunde inte svara (${reason})`,
  suggest: (title: string) => `Osäker gissning: ${title}`,
  answer: (title: string) => `Svarade med: ${title}`,
  reasons: { "no-match": "finns inte i kunskapsbanken", "out-of-scope": "utanför överenskommelsen" } as Record<
    string,
    string
  >,
};

/** Refusals and confirmations for the experts' buttons. */
export const expert = {
  notExpert:
    "Bara Välfärds experter (administratörer i Samverkansboten) kan ta, besvara och stänga frågor. Ingenting har ändrats.",
  notFound: "Jag hittar inte den frågan. Den kan ha tagits bort. Ingenting har ändrats.",
  alreadyDone: (state: string) => `Frågan är redan ${state}. Ingenting har ändrats.`,
  doneStates: { answered: "besvarad", closed: "stängd" } as Record<string, string>,
  takenByOther: (name: string) => `${name} har redan tagit frågan. Ingenting har ändrats.`,
  emptyAnswer: "Skriv ett svar i rutan innan du skickar det.",
  answerTooLong: (max: number) => `Svaret är för långt. Korta det till högst ${max} tecken.`,
  answerPersonalNumber:
    "Svaret innehåller något som ser ut som ett personnummer eller samordningsnummer. Det skickas inte. Ta bort numret och försök igen.",
  conflict: "Någon annan ändrade frågan samtidigt. Kortet visar nu det senaste läget. Försök igen om det behövs.",
  taken: "Du har tagit frågan.",
  answered: "Svaret är skickat till frågeställaren.",
  answeredNotDelivered:
    "Svaret är sparat, men jag kunde inte nå frågeställaren i en personlig chatt. Försök kontakta personen direkt.",
  closed: "Frågan är stängd.",
  notAnswered: "Frågan har inget svar att lägga in i kunskapsbanken än.",
  kbFormSent: "Jag har skickat ett ifyllt formulär för kunskapsbanken till dig i en personlig chatt.",
  kbFormFailed:
    "Jag kunde inte nå dig i en personlig chatt. Öppna en chatt med mig och skriv expertfrågor för att fortsätta.",
  kbFormTitle: (ref: string) => `Ny post i kunskapsbanken från ${ref}`,
  badButton: "Jag kunde inte läsa knappen du tryckte på. Ingenting har ändrats.",
};

/** The asker's view of an expert's answer. */
export const answerCard = {
  heading: "Svar från Välfärd",
  yourQuestion: "Din fråga",
  answer: "Svar",
  answeredBy: (name: string) => `Besvarad av ${name}, Välfärd`,
  prompt: "Hjälpte svaret?",
  up: "👍 Ja",
  down: "👎 Nej",
  thanksUp: "Tack! Jag har berättat för Välfärd att svaret hjälpte.",
  thanksDown: "Tack! Välfärd ser att svaret inte hjälpte. Ställ gärna en ny fråga med mer detaljer.",
  notYours: "Det här svaret gällde någon annans fråga. Ingenting har ändrats.",
  alreadyRated: "Du har redan lämnat ett omdöme på svaret. Tack!",
  closedNotice: (ref: string) =>
    `Välfärd har stängt din fråga ${ref} utan svar i chatten. Kontakta Välfärd, Region Västmanland, om du fortfarande behöver hjälp.`,
};

export const reminder = {
  text: (ref: string, days: number) =>
    `Påminnelse: frågan ${ref} har väntat på svar i ${days} arbetsdagar. Kan någon ta den?`,
};

/** Linking Välfärd's expert channel. */
export const channel = {
  linked:
    "Den här kanalen är nu Välfärds expertkanal. Nya frågor till Välfärd läggs ut här som kort som experterna kan ta och besvara.",
  channelOnly: "Skriv koppla expertkanal i den kanal där Välfärds experter ska få frågorna.",
};

/** The experts' list of open and recently answered questions. */
export const list = {
  title: "Frågor till Välfärd",
  openTitle: "Öppna frågor",
  none: "Det finns inga öppna frågor till Välfärd.",
  age: (days: number) => (days === 0 ? "i dag" : days === 1 ? "1 arbetsdag" : `${days} arbetsdagar`),
  line: (ref: string, question: string, status: string, age: string) => `${ref} (${age}, ${status}): ${question}`,
  reviewTitle: "Besvarade frågor att lägga in i kunskapsbanken",
  dismiss: "Klar, lägg inte in",
  dismissed: "Frågan är borttagen ur granskningen.",
};

/** Message extension (search from the compose box). */
export const search = {
  commandTitle: "Sök i överenskommelsen",
  commandDescription: "Sök svar i överenskommelsen och dela dem i chatten",
  parameterTitle: "Sökord",
  parameterDescription: "Skriv en fråga eller några ord, till exempel SIP eller kostnadsansvar",
  individual:
    "Jag söker inte upp uppgifter om enskilda personer. Sök på hur överenskommelsen gäller i stället, till exempel SIP eller kostnadsansvar.",
  none: "Inga träffar i överenskommelsen. Prova andra ord.",
  tooLong: "Sökningen är för lång. Skriv några ord.",
};
