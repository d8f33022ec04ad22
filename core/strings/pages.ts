// Swedish text of the web pages the bot serves itself: the privacy notice and the terms of use that the
// Teams app package links to (manifest developer.privacyUrl and termsOfUseUrl).

import type { RetentionSetting } from "../config";

/** One section of a page: a heading, paragraphs, and optionally a two-column table. */
export interface PageSection {
  heading: string;
  paragraphs: string[];
  table?: { head: [string, string]; rows: [string, string][] };
}

export interface Page {
  title: string;
  intro: string;
  sections: PageSection[];
}

/** How long one kind of stored data is kept, as the privacy page shows it. */
export interface RetentionRow {
  what: string;
  kept: string;
}

const span = (n: number) => (n % 365 === 0 ? `${n / 365} år` : `${n} dagar`);

/** The retention table of the privacy page, from this deployment's settings (core/config.ts). */
export function retentionRows(d: Record<RetentionSetting, number>): RetentionRow[] {
  return [
    { what: "Frågor som inte kunde besvaras säkert, och 👍/👎", kept: `${span(d.FEEDBACK_RETENTION_DAYS)}` },
    { what: "Medlemskap i en VuS-grupp", kept: "så länge du är medlem (tas bort när du lämnar gruppen)" },
    {
      what: "Förfrågan om att gå med i en VuS-grupp",
      kept: `tills den besvarats, högst ${span(d.JOIN_REQUESTS_RETENTION_DAYS)}`,
    },
    { what: "Svar på mötesinbjudningar", kept: `${span(d.RSVPS_RETENTION_DAYS)} efter mötet` },
    {
      what: "Frågor till Välfärd (med namn och Teams-id)",
      kept: `${span(d.ESCALATIONS_RETENTION_DAYS)} efter att frågan besvarats eller avslutats; obesvarad ${span(d.ESCALATIONS_RETENTION_DAYS)} efter att den ställdes`,
    },
    { what: "Möten (tid, plats, tema, dagordning)", kept: `${span(d.MEETINGS_RETENTION_DAYS)} efter mötet` },
    {
      what: "Utvärderingssvar (utan namn)",
      kept: `${span(d.EVALUATIONS_RETENTION_DAYS)} efter utgången av mötets år`,
    },
    {
      what: "Samverkansärenden",
      kept: `så länge ärendet är öppet, därefter ${span(d.CASES_RETENTION_DAYS)}`,
    },
    {
      what: "Installationer (referens till chatten)",
      kept: `så länge boten är installerad, därefter ${span(d.CONVERSATIONS_RETENTION_DAYS)}`,
    },
    { what: "Schemalagda utskick och deras leveransposter", kept: `${span(d.JOBS_RETENTION_DAYS)}` },
    { what: "Bottens minne av en chatt (om förra frågan gick obesvarad)", kept: `${span(d.BOT_STATE_RETENTION_DAYS)}` },
    { what: "Ändringar av kunskapsbanken (med administratörens namn)", kept: "så länge kunskapsbanken finns" },
  ];
}

export function privacyPage(retention: RetentionRow[]): Page {
  return {
    title: "Integritet – Samverkansboten",
    intro:
      "Samverkansboten är en Teams-bot för den länsgemensamma överenskommelsen om vuxnas psykiska ohälsa i Västmanland. Den förvaltas av enheten Välfärd, Region Västmanland. Här står vilka uppgifter boten sparar, varför och hur länge.",
    sections: [
      {
        heading: "Vad boten sparar",
        paragraphs: [
          "Frågor: frågor som boten inte kunde besvara säkert, och svar du gett 👍 eller 👎, sparas med frågetexten så att Välfärd kan förbättra svaren. I stället för ditt användar-id sparas en pseudonym (en nyckelad kontrollsumma), så att frågorna inte kan knytas till dig utan bottens hemliga nyckel. Skriv inga uppgifter om patienter eller brukare i frågor.",
          "VuS-grupper: för medlemmar i en VuS-grupp sparas namn, Teams-id, organisation, funktion och roll, och vad du svarat på mötesinbjudningar (deltar, deltar inte, skickar ersättare). Det behövs för påminnelser, planering och indikator 2a.",
          "Utvärderingar av möten (indikator 2b): svaren sparas utan namn eller användar-id, under nycklade id:n. Rapporter visar aldrig en grupp med färre än 5 svar. I en mycket liten grupp kan ett svar ändå peka ut en person genom organisationstyp eller kön; därför visas sådana grupper inte.",
          "Samverkansärenden: ärendets beskrivning (utan personuppgifter – text som ser ut som ett personnummer tas inte emot), berörda parter, beslut och vem som lyfte ärendet, så att du kan få besked.",
          "Frågor till Välfärd: när du skickar en fråga till Välfärds experter sparas frågan med ditt namn, ditt Teams-id och ditt Entra-id, så att experten kan svara dig i en personlig chatt. Expertens svar, vem som svarade och ditt 👍/👎 sparas med frågan.",
          "Installationer: en referens till chatten eller kanalen där boten är installerad, så att den kan skicka påminnelser och utvärderingar.",
          "Kunskapsbanken: varje ändring sparas med administratörens namn, så att det går att se vem som ändrat vägledningen och när.",
          "Boten loggar inte texten i dina meddelanden i sin vanliga drift.",
        ],
      },
      {
        heading: "Hur länge uppgifterna sparas",
        paragraphs: ["Uppgifterna tas bort automatiskt när tiden har gått:"],
        table: { head: ["Uppgifter", "Sparas"], rows: retention.map((r) => [r.what, r.kept]) },
      },
      {
        heading: "Dina val",
        paragraphs: [
          "Skriv **lämna** för att gå ur en VuS-grupp; då slutar du få gruppens påminnelser och ditt medlemskap tas bort.",
          "Vill du veta vilka uppgifter som finns om dig, eller få dem borttagna, kontakta Välfärd, Region Västmanland. Utvärderingssvar kan inte knytas till dig och kan därför inte tas fram eller tas bort per person. En fråga till Välfärd som ingen har besvarat tas då bort helt; en besvarad fråga finns kvar med svaret men utan ditt namn och dina id:n.",
        ],
      },
    ],
  };
}

export const termsPage: Page = {
  title: "Användarvillkor – Samverkansboten",
  intro:
    "Samverkansboten är ett stöd för dig som arbetar med den länsgemensamma överenskommelsen om vuxnas psykiska ohälsa i Västmanland, inom kommunernas socialtjänst, Region Västmanlands hälso- och sjukvård, VuS-grupperna och Välfärd.",
  sections: [
    {
      heading: "Svaren är vägledning",
      paragraphs: [
        "Boten svarar utifrån en kunskapsbank som bygger på överenskommelsen och de beslut som hör till den, och anger avsnittet svaret kommer från. Det är överenskommelsens text som gäller. Om boten inte vet säger den det; kontrollera viktiga beslut mot källan.",
        "Boten ger inga råd i enskilda patient- eller brukarärenden och är inte till för akuta situationer. Vid akut fara, ring 112. För sjukvårdsrådgivning, ring 1177.",
      ],
    },
    {
      heading: "Så använder du boten",
      paragraphs: [
        "Skriv inga personuppgifter om patienter, brukare eller kollegor i frågor, utvärderingar eller samverkansärenden.",
        "VuS-grupper, möten, utvärderingar och samverkansärenden hanteras enligt överenskommelsens rutiner. Samordnare och administratörer (Välfärd) har de behörigheter som rollen kräver.",
      ],
    },
    {
      heading: "Drift",
      paragraphs: [
        "Välfärd, Region Västmanland, förvaltar boten och kunskapsbanken. Boten kan vara otillgänglig vid underhåll eller fel; påminnelser som inte kunnat skickas visas för samordnare under **leveranser**.",
      ],
    },
  ],
};
