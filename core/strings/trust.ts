// Swedish strings for refusals at the boundary (unknown buttons and invokes, unreadable text), membership
// requests, retention and erasure.

export const unknownAction = {
  title: "Knappen fungerar inte längre",
  message:
    "Jag känner inte igen knappen eller kortet. Det kan komma från ett äldre meddelande. Skriv hjälp för att se vad jag kan göra.",
};

export const unknownInvoke =
  "Jag känner inte igen den åtgärden. Den kan komma från en äldre version av appen. Skriv hjälp för att se vad jag kan göra.";

/** Text with broken characters (lone UTF-16 surrogates) cannot be stored or searched. */
export const unreadableText =
  "Meddelandet innehöll tecken som inte går att läsa, så jag har inte gjort något. Skriv texten igen och skicka den på nytt.";

/** `radera användare`: an admin removes a named person's personal data. */
export const erasure = {
  usage:
    "Skriv radera användare och personens namn (som det står i gruppens medlemslista) eller Entra-objekt-id, till exempel radera användare Anna Andersson.",
  adminOnly: "Bara administratörer kan radera uppgifter om en person.",
  notFound: (who: string) =>
    `Jag hittar ingen ${who} bland gruppernas medlemmar, förfrågningar och chattar. Kontrollera stavningen eller ange personens Entra-objekt-id.`,
  title: "Radera personuppgifter",
  intro:
    "Det här tas bort och går inte att ångra. Personen får inga fler påminnelser och måste be om att gå med igen för att vara med i en grupp.",
  several: (n: number) => `Jag hittade ${n} personer. Välj den som ska raderas.`,
  facts: {
    memberships: "Medlemskap",
    requests: "Förfrågningar om att gå med",
    rsvps: "Svar om deltagande",
    chats: "Chattar med boten",
    feedback: "Frågor och omdömen (👍/👎)",
    escalations: "Frågor till Välfärd",
    installs: "Installationer i kanaler och gruppchattar",
  },
  none: "inga",
  confirm: (name: string) => `Radera ${name}`,
  cancel: "Avbryt",
  kept: "Behålls: utvärderingssvar (de går inte att koppla till någon utan systemets nyckel och ingår i årets rapport), samverkansärenden (allmänna handlingar som gallras efter sin tid), vem som planerat möten och administratörernas ändringslogg. Besvarade frågor till Välfärd behåller frågan och svaret men inte vem som frågade.",
  cancelled: "Inget raderades.",
  gone: "Det finns inga uppgifter kvar om personen (de kan redan vara raderade).",
  done: (name: string, parts: string) => `Raderat om ${name}: ${parts}.`,
  parts: {
    memberships: (n: number) => `${n} medlemskap`,
    requests: (n: number) => `${n} ${n === 1 ? "förfrågan" : "förfrågningar"}`,
    rsvps: (n: number) => `${n} svar om deltagande`,
    chats: (n: number) => `${n} ${n === 1 ? "chatt" : "chattar"} med boten (med chattens minne)`,
    feedback: (n: number) => `${n} ${n === 1 ? "fråga eller omdöme" : "frågor och omdömen"}`,
    escalations: (n: number) => `${n} ${n === 1 ? "obesvarad fråga" : "obesvarade frågor"} till Välfärd`,
    escalationsAnonymised: (n: number) =>
      `${n} ${n === 1 ? "besvarad fråga" : "besvarade frågor"} till Välfärd utan namn (${n === 1 ? "frågan och svaret finns" : "frågorna och svaren finns"} kvar)`,
    installs: (n: number) =>
      `${n} ${n === 1 ? "installation" : "installationer"} i kanal eller gruppchatt utan namn (boten finns kvar där)`,
  },
  nothing: "inget fanns lagrat",
  unknownName: "okänd person",
};
