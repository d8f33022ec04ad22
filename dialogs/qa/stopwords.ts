import { withinOneEdit } from "./spelling";
import { fold } from "./text";

// Snowball's Swedish stop list plus the question words and fillers that carry no topic in this
// domain ("vad gäller när …", "kan man …"). Kept folded because matching happens after folding.
const SWEDISH = `
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du henne
då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi dem vara
vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan varit
hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom
mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
ska skall måste får få fått gäller gälla gör göra görs gjort finns fanns vill ville behöver bör borde
man vi oss någon något några ens sitt annan andra annat också även bara dock samt enligt mm osv
hen hens henom medan slags sorts vs versus kontra ge ger gav all hel hela helt helhet ner ned fram bort årig åring åringen åriga åringar mår berättar tycker känner verkar jo ja nej hej tack snälla hmm typ liksom kanske väl nog just ju redan alltid aldrig
vad vem vilken vilket vilka hur när var varför vart
säger står betyder menas innebär handlar fråga frågor undrar veta vet berätta förklara gå går gick
begreppet definieras definierar definiera definierat
nämns nämner nämna nämnt nämnde nämnas tas kännetecknar kännetecknas utmärker
tror
`;

// English function words: English questions are mapped word by word through the glossary, and
// these words must not reach the index as noise.
const ENGLISH = `
the a an of to in on for at by with from and or is are was were be been being does did done
what who whom which when where why how can could should would will shall may might must
i you he she it we they me my your our their this that these those there here
about into than then so if not no yes please tell explain mean means say says any some
happen happens happened get gets got there's it's can't don't doesn't
itself themselves deal deals dealing
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${SWEDISH} ${ENGLISH}`.split(/\s+/).filter(Boolean).map(fold));

/** English function words, to recognise a question written in English. */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} between among against during before after within without each every both`.split(/\s+/).filter(Boolean),
);
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set(
  "the of is are does what who which how when where should can with".split(" "),
);

/**
 * Question words that say what kind of answer is wanted ("vem …", "vad menas med …"). They are
 * indexed and searched with a small weight, so "Vad menas med skadligt bruk?" prefers the entry
 * phrased as a definition, but they never count as the topic of a question.
 */
export const INTENT_WORDS: ReadonlySet<string> = new Set(
  "vem vilka vilken vilket hur nar varfor menas betyder innebar star definition who which how why when mean means".split(
    " ",
  ),
);

/**
 * Words by which a question points at the agreement itself. After a preposition or a saying verb
 * ("Hur definieras samsjuklighet i överenskommelsen?", "Vad säger avtalet om …") they only frame the
 * question: nearly every entry is about the agreement, so there they are no topic (see Analyzer).
 * "Vad är överenskommelsen?" is about the agreement, and so is a question with no other content word.
 */
export const AGREEMENT_WORDS: ReadonlySet<string> = new Set("overenskommelsen avtalet".split(" "));
export const AGREEMENT_FRAME_BEFORE: ReadonlySet<string> = new Set("i enligt inom sager star beskriver tar".split(" "));

/**
 * The asker's own workplace ("i vår verksamhet", "på min enhet") frames the question the same way:
 * every entry is about some verksamhet, so after a possessive these words are no topic.
 */
export const OWN_WORKPLACE_WORDS: ReadonlySet<string> = new Set(
  "verksamhet verksamheten enhet enheten arbetsplats arbetsplatsen".split(" "),
);
export const OWN_WORKPLACE_BEFORE: ReadonlySet<string> = new Set("var vart min mitt er ert".split(" "));

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/**
 * Whether an unknown word is a typo of a stop word ("vika" for "vilka", "hru" for "hur"): one
 * edit or one swap of neighbouring letters. Such words must not count as the question's topic.
 */
export function isStopWordTypo(folded: string): boolean {
  if (folded.length < 3 || folded.length > 8) return false;
  for (const w of STOP_WORDS) {
    if (w.length >= 3 && Math.abs(w.length - folded.length) <= 1 && withinOneEdit(folded, w)) return true;
  }
  return false;
}
