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
