import { ENGLISH_MARKERS } from "./stopwords";
import { fold, type Token } from "./text";

export type ScopeVerdict =
  | { kind: "individual"; why: string }
  | { kind: "other-region"; region: string }
  | { kind: "not-a-question"; why: string }
  | { kind: "off-topic"; words: string[] }
  | { kind: "in-scope" };

// Swedish regions other than Västmanland (folded). Their agreements are not ours to answer about.
const OTHER_REGIONS = [
  "dalarna",
  "uppsala",
  "stockholm",
  "skane",
  "orebro",
  "sormland",
  "sodermanland",
  "gavleborg",
  "varmland",
  "ostergotland",
  "jonkoping",
  "kronoberg",
  "kalmar",
  "gotland",
  "blekinge",
  "halland",
  "vastra gotaland",
  "jamtland",
  "harjedalen",
  "vasternorrland",
  "vasterbotten",
  "norrbotten",
];

// Mentioning another region is fine when asking about placing someone there or out-of-county costs.
const PLACEMENT_CONTEXT = /(placer|utomlans|utanfor lanet|hvb|lvm|kostnad|betala|riksavtal|flytt|folkbokf)/;

// Topics staff do ask a work bot about but the agreement does not cover. Only a penalty: the
// retrieval score still has to be low for a decline, so "höga doser" in a LARO question survives.
const OFF_TOPIC = [
  /^vad(er|ret)$/,
  /^temperatur/,
  /^regn/,
  /^sno(ar|n)?$/,
  /^uppsagning/,
  /^semester/,
  /^lon(er|en|ekrav|esattning|eforhojning)?$/,
  /^sjuklon/,
  /^arbetsratt/,
  /^kollektivavtal/,
  /^tillsvidareanstalld/,
  /^anstallningsavtal/,
  /^las$/,
  /^maxdos/,
  /^dosering/,
  /^mg$/,
  /^milligram/,
  /^biverkning/,
  /^fotboll/,
  /^parkering/,
  /^lunch/,
  /^matsedel/,
  /^losenord/,
  /^wifi$/,
  /^skrivare/,
  /^recept$/,
  /^aktie/,
  /^bolan/,
  /^flyg/,
  /^hotell/,
  /^weather/,
  /^salary/,
  /^vacation/,
  /^dose$/,
  /^dosage/,
  /^tjanstledig/,
  /^deltid/,
  /^heltid/,
  /^arbetstid/,
  /^vikariat/,
  /^provanstall/,
  /^foraldraledig/,
  /^overtid/,
  /^sjukpenning/,
  /^friskvard/,
  /^lonesamtal/,
  /^forskola/,
  /^allsvensk/,
  /^hockey/,
  /^vaccin/,
  /^kanelbull/,
  /^jobbdator/,
  /^dator(n|er)?$/,
  /^heroma/,
  /^reserakning/,
  /^tolk(en|ar)?$/,
  // Employer questions, appeals and legal time limits are labour law or procedure, not the agreement.
  /^arbetsgivar/,
  /^overklag/,
  /^handlaggningstid/,
  /^tidsfrist/,
  // Bed numbers and other capacity figures of a service are operational data, not the agreement.
  /^vardplats/,
  /^sangplats/,
];

// "spelar bort hela lönen", "dricker upp lönen": the salary is what gambling or drinking costs
// the person, a sign of the problem the agreement covers, not a question about pay.
const SALARY = /^lon(en|er)?$/;
const MONEY_LOST =
  /\b(spela\w*|dricker|drack|super|knarka\w*|forlora\w*|slosa\w*|gor av med)\b[^.?!]{0,25}\blon(en|er)?\b/;

/** Whether a folded word names a topic staff ask about that the agreement does not cover. */
export function isOffTopicWord(folded: string): boolean {
  return OFF_TOPIC.some((re) => re.test(folded));
}

// Places and systems in the county that are capitalised but no one's name.
const PLACES = new Set(
  "vasteras arboga fagersta hallstahammar kungsor koping norberg sala skinnskatteberg surahammar vastmanland vastmanlands region regionen teams cosmic link sverige stockholm goteborg malmo smaland skane norrland".split(
    " ",
  ),
);

// English capitalises the pronoun "I" and the names of languages and nationalities; none is a person.
const ENGLISH_CAPITALISED = new Set(
  "i english swedish finnish arabic somali persian polish turkish spanish german".split(" "),
);

// Requests a reference bot must not take on whatever they mention: opinions, creative writing,
// doses. Mentioning doses is fine ("står på höga doser"); asking for one is not.
const NOT_A_QUESTION: { why: string; re: RegExp }[] = [
  {
    why: "opinion",
    re: /\b(vad tycker du|vad anser du|din (asikt|uppfattning)|tycker du att|what do you think|your opinion)\b/,
  },
  {
    why: "creative",
    re: /\b(skriv|skriva|forfatta|hitta pa|write|compose)\b.*\b(dikt|sang|vers|berattelse|sagan|skamt|limerick|haiku|poem|song|story|joke)\b/,
  },
  // Contact details and opening hours of a service are not in the agreement, whatever it names.
  {
    why: "contact details",
    re: /\bvad heter (\w+ )?\w*(chef|lakare(n|na)?|ansvarig|ansvariga|handlaggare(n|na)?|samordnare(n|na)?)\b|\b(telefonnum\w*|telefonnr|telnr|numret till|nummer till|vilket nummer|mejladress\w*|e ?postadress\w*|besoksadress\w*|adressen till|oppettider\w*|har \w+( \w+)? oppet|oppet pa (lordag|sondag|helg)\w*|phone number|opening hours)\b/,
  },
  // Party politics: what parties want or who governs is no part of the agreement.
  {
    why: "party politics",
    re: /\b(partiet|partier|partierna|vilket parti|socialdemokraterna|moderaterna|sverigedemokraterna|vansterpartiet|liberalerna|centerpartiet|kristdemokraterna|miljopartiet|infor valet|i valet|valrorelsen|rosta pa)\b/,
  },
  // The prospects of a case in court are legal advice on one case.
  {
    why: "court prospects",
    re: /\b(chans|chansen|chanser|chanserna|sannolikhet\w*|odds|utsikter\w*)\b.*\b(vinna|vinner|overklag\w*|domstol\w*|forvaltningsratt\w*|kammarratt\w*|domen|malet|mal|linje)\b/,
  },
  // Diagnostic manuals' criteria are clinical knowledge, not the agreement.
  { why: "diagnostic criteria", re: /\b(dsm|dsm ?5|dsm ?iv|diagnoskriterier\w*)\b/ },
  // Prices of tests and visits.
  {
    why: "prices",
    re: /\b(pris\w*|kostar|taxa\w*|avgift\w*|tar \w+ betalt)\b.*\b(labb\w*|laborator\w*|prov\w*|analys\w*|screening\w*|drogtest\w*|besok\w*)\b|\b(labb\w*|laborator\w*)\b.*\b(pris\w*|kostar|betalt)\b|\bpatientavgift\w*/,
  },
  { why: "salary", re: /\bvad tjanar\b/ },
  {
    why: "dose",
    re: /\b(vilken|vilka|hur hog|hur stor|max|rekommenderad|start)\s?(dos|doser|dosen|dosering)\b|\bdosering\b|\bmaxdos\w*|\b\d+\s?mg\b|\bhur mycket \w+ (far|kan|ska|bor|maste) (man|jag|vi|hen|han|hon) (ge|ta)\b|\bwhat dose\b|\bdosage\b/,
  },
  // Choosing or avoiding a medicine is clinical advice ("vilka läkemedel bör man undvika till äldre").
  {
    why: "medication choice",
    re: /\bvilk(a|et|en) (lakemedel|mediciner|medicin|preparat)\b.*\b(undvika|undviks|ge|ges|valja|forskriva|satta in|rekommender\w*)\b/,
  },
  { why: "drug interaction", re: /\binteraktion\w*|\binteragera\w*|\bta \w+ samtidigt (som|med)\b|\bbiverkning\w*/ },
];

// Words that ask for a person's records rather than for the agreement.
const PERSON_NOUNS = new Set(
  "klient klienten patient patienten brukare brukaren kvinnan mannen pojken flickan personen son sonen dotter dottern mamma mamman pappa pappan granne grannen heter kallad client patient named".split(
    " ",
  ),
);
const LOOKUP =
  /\b(sla upp|kolla upp|soka upp|sok upp|leta upp|ta fram|hamta|visa|oppna|lasa|look up|find|pull up|show me)\b/;
const RECORD = /\b(journal(en|er|erna|anteckning\w*)?|akt(en)?|personakt(en)?|medical record|records?|case file)\b/;
// Personnummer (ÅÅMMDD-NNNN, with or without century and dash) or a birth date/year.
const PERSONNUMMER = /\b(19|20)?\d{6}[-+ ]?\d{4}\b/;
// "är anna svensson aktuell hos psykiatrin": whether someone is known to a service, names typed in lower case.
const KNOWN_TO_SERVICE = /\b(ar|is) (\w+ ){1,2}(aktuell|aktuella|inskriven|inskrivna|kand|kanda) (hos|pa|inom|i|vid)\b/;
const BORN = /\b(fodd|fodde|fodelsear|fodelsedatum|born)\b\W*(\d|pa \d|i \d|-\d|'\d)/;

/**
 * Decides, before any retrieval, whether a question is about an individual, about another region,
 * or touches a topic outside the agreement.
 * @param isKnownWord whether a folded word occurs in the knowledge base (names of places, systems
 *   and organisations there are not personal names)
 */
export function judgeScope(question: string, tokens: Token[], isKnownWord: (folded: string) => boolean): ScopeVerdict {
  const text = ` ${fold(question).replace(/\s+/g, " ")} `;
  if (PERSONNUMMER.test(text)) return { kind: "individual", why: "personnummer" };
  if (BORN.test(text)) return { kind: "individual", why: "birth" };
  if (KNOWN_TO_SERVICE.test(text)) return { kind: "individual", why: "known to a service" };

  const names = personalNames(tokens, isKnownWord);
  const aboutPerson = tokens.some((t) => PERSON_NOUNS.has(t.word));
  if (RECORD.test(text) && (names.length > 0 || /\b(min|mitt|mina|hans|hennes|deras)\b/.test(text) || aboutPerson)) {
    return { kind: "individual", why: "record" };
  }
  // English capitalises titles ("the Strategic Regional Preparatory Committee"), so there a
  // full name alone is not enough.
  const english = tokens.filter((t) => ENGLISH_MARKERS.has(t.word)).length >= 2;
  if (names.length > 0 && (aboutPerson || LOOKUP.test(text) || (!english && names.some((n) => n.full)))) {
    return { kind: "individual", why: "name" };
  }

  const request = NOT_A_QUESTION.find((r) => r.re.test(text));
  if (request) return { kind: "not-a-question", why: request.why };

  const region = OTHER_REGIONS.find((r) => new RegExp(`\\b(region |landstinget )?${r}s?\\b`).test(text));
  if (region && !PLACEMENT_CONTEXT.test(text)) return { kind: "other-region", region };

  const off = tokens
    .map((t) => t.word)
    .filter(isOffTopicWord)
    .filter((w) => !(SALARY.test(w) && MONEY_LOST.test(text)));
  if (off.length > 0) return { kind: "off-topic", words: off };
  return { kind: "in-scope" };
}

/**
 * Capitalised words that are not at the start of a sentence, not acronyms and not known to the
 * knowledge base: "min klient Lisa", "Anna Svensson". Two in a row count as a full name.
 */
function personalNames(tokens: Token[], isKnownWord: (folded: string) => boolean): { word: string; full: boolean }[] {
  const out: { word: string; full: boolean }[] = [];
  const looksLikeName = (t: Token | undefined): t is Token =>
    t !== undefined &&
    t.capitalised &&
    !t.acronym &&
    t.word.length >= 2 &&
    !isKnownWord(t.word) &&
    !PLACES.has(t.word) &&
    !ENGLISH_CAPITALISED.has(t.word);
  for (const t of tokens) {
    if (t.sentenceStart || !looksLikeName(t)) continue;
    // "ett LVM-hem i Småland", "ett HVB i Gävle", "a ward in Köping": after "i"/"in" it is a place, not a person.
    const before = tokens[t.position - 1]?.word;
    if (before === "i" || before === "in") continue;
    out.push({ word: t.word, full: looksLikeName(tokens[t.position + 1]) });
  }
  return out;
}
