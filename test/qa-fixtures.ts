import { KbEntry } from "../data/kb/schema";

/** A small hand-made knowledge base, so the engine's behaviour is tested apart from the real seed. */
export function entry(input: Record<string, unknown>): KbEntry {
  return KbEntry.parse({ kind: "topic", source: { document: "overenskommelse", section: "Testavsnitt" }, ...input });
}

export const fixtureEntries: KbEntry[] = [
  entry({
    id: "term-sip",
    kind: "term",
    term: "SIP",
    expansion: "Samordnad individuell plan",
    synonyms: ["samordnad individuell plan"],
    title: "SIP – samordnad individuell plan",
    answer: "En SIP upprättas när den enskilde behöver insatser från både socialtjänsten och hälso- och sjukvården.",
    phrasings: ["Vad är en SIP?", "Vad betyder SIP?"],
  }),
  entry({
    id: "term-hvb",
    kind: "term",
    term: "HVB",
    expansion: "Hem för vård eller boende",
    synonyms: [],
    title: "HVB – hem för vård eller boende",
    answer: "HVB står för hem för vård eller boende, en form av placering som socialtjänsten beslutar om.",
    phrasings: ["Vad betyder HVB?", "HVB förkortning"],
  }),
  entry({
    id: "resp-hvb-kostnadsansvar",
    kind: "responsibility",
    topic: "Kostnadsansvar vid HVB-placering",
    title: "Vem har kostnadsansvaret vid placering på HVB?",
    answer:
      "Socialtjänsten har kostnadsansvaret för placering på HVB. Hälso- och sjukvården bekostar den hälso- och sjukvård som ges under placeringen.",
    phrasings: ["Vem betalar HVB-placeringen?", "kostnadsansvar HVB"],
    responsibilities: [
      { actor: "Socialtjänsten", duty: "Bekostar placeringen på HVB.", cost: true },
      { actor: "Hälso- och sjukvården", duty: "Bekostar hälso- och sjukvård under placeringen.", cost: true },
    ],
  }),
  entry({
    id: "topic-anhoriga",
    title: "Stöd till anhöriga",
    answer:
      "Socialtjänsten ska erbjuda stöd till anhöriga som vårdar en närstående. Hälso- och sjukvården uppmärksammar anhörigas behov.",
    phrasings: ["Vem stödjer anhöriga?", "anhörigstöd"],
  }),
  entry({
    id: "topic-halsoundersokning",
    title: "Hälsoundersökningar vid psykisk funktionsnedsättning",
    answer: "Primärvården erbjuder regelbundna hälsoundersökningar till personer med psykisk funktionsnedsättning.",
    phrasings: ["somatisk hälsa vid psykisk sjukdom", "hälsokontroll"],
  }),
  entry({
    id: "topic-samverkansrutiner",
    title: "Länsgemensamma rutiner",
    answer: "Till överenskommelsen hör gemensamma rutiner för samverkan, bland annat om SIP och om vård enligt LVM.",
    phrasings: ["vilka rutiner finns", "rutiner samverkan"],
  }),
  entry({
    id: "topic-vus-motesfrekvens",
    title: "Hur ofta träffas VuS-grupperna?",
    answer: "VuS-grupperna träffas minst fyra gånger per år.",
    phrasings: ["mötesfrekvens VuS", "hur ofta möts VuS"],
  }),
  entry({
    id: "topic-gammal-rutin",
    title: "Den gamla rutinen för kostnadsansvar",
    answer: "Denna rutin för kostnadsansvar har ersatts och ska inte visas.",
    phrasings: ["gammal rutin kostnadsansvar", "äldre rutin"],
    retired: true,
  }),
];
