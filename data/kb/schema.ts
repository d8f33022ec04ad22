import { z } from "zod";
import { adminText } from "../../core/strings";

/** The documents in ../shared/sources that the knowledge base may cite (Dalarna is deliberately absent). */
export const SourceDocument = z.enum([
  "overenskommelse", // overenskommelse-vuxnas-psykiska-ohalsa.txt — the agreement, source of truth
  "srb-2024-01-26", // protokollsutdrag-srb-2024-01-26.txt — decision to recommend adoption
  "lagesrapport", // lansgemensamma-overenskommelser-lagesrapport.txt — status report
  "uppfoljning-missbruk", // uppfoljning-overenskommelse-missbruk-beroende.txt — follow-up of the earlier agreement
]);
export type SourceDocument = z.infer<typeof SourceDocument>;

export const Source = z.object({
  document: SourceDocument,
  /** Heading path as in the document, parent first: "Lokal samverkan > Representation". */
  section: z.string().min(2).max(200),
});
export type Source = z.infer<typeof Source>;

/** One row of a "Vem gör vad" fact set. */
export const Responsibility = z.object({
  actor: z.string().min(2).max(80),
  duty: z.string().min(3).max(400),
  /** True when the duty is a cost responsibility (kostnadsansvar). */
  cost: z.boolean().optional(),
});
export type Responsibility = z.infer<typeof Responsibility>;

export const EntryId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, adminText.issues.entryIdFormat)
  .max(80);

const base = {
  id: EntryId,
  title: z.string().min(2).max(120),
  /** What a busy professional needs, in Swedish; no wall of text. */
  answer: z.string().min(20).max(1400),
  /** Alternative phrasings and keywords, Swedish and English, as users would type them. */
  phrasings: z.array(z.string().min(2).max(200)).min(2).max(40),
  related: z.array(EntryId).max(8).default([]),
  /**
   * "Gäller när": situations this entry applies to, as words or short phrases staff use when they
   * describe a case ("skrivs ut från avdelningen", "gravid", "barn hemma"). A cue matches a question
   * when every content word of it occurs somewhere in the question, the story around it included;
   * matching cues lift the entry and make it a candidate for the situation card.
   */
  cues: z.array(z.string().min(2).max(120)).max(30).default([]),
  source: Source,
  /** Extra sources where the entry draws on more than one section. */
  alsoSources: z.array(Source).max(6).default([]),
  responsibilities: z.array(Responsibility).max(12).default([]),
  /** Retired entries stay in history but are not served. */
  retired: z.boolean().default(false),
};

export const TermEntry = z.object({
  ...base,
  kind: z.literal("term"),
  /** The abbreviation or word defined, e.g. "SIP". */
  term: z.string().min(1).max(60),
  /** Written out, e.g. "Samordnad individuell plan". */
  expansion: z.string().min(2).max(200),
  /** Other spellings that should expand to this term in search, e.g. ["samordnad individuell plan"]. */
  synonyms: z.array(z.string().min(1).max(100)).max(12).default([]),
});

export const ActorEntry = z.object({
  ...base,
  kind: z.literal("actor"),
  organisation: z.enum(["kommun", "region", "stat", "annan"]),
});

export const ForumEntry = z.object({
  ...base,
  kind: z.literal("forum"),
  level: z.enum(["politisk", "regional", "lokal", "individ"]),
  members: z.array(z.string().min(2).max(200)).max(20).default([]),
  convenor: z.string().max(200).optional(),
  frequency: z.string().max(200).optional(),
  mandate: z.string().max(600).optional(),
  tasks: z.array(z.string().min(2).max(300)).max(20).default([]),
});

export const RoutineEntry = z.object({
  ...base,
  kind: z.literal("routine"),
  /** "rutin" or "riktlinje" or other kind of governing document. */
  documentType: z.enum(["rutin", "riktlinje", "överenskommelse", "annat"]),
  appliesWhen: z.string().min(5).max(600),
});

export const ResponsibilityEntry = z.object({
  ...base,
  kind: z.literal("responsibility"),
  topic: z.string().min(2).max(120),
});

export const GoalEntry = z.object({
  ...base,
  kind: z.literal("goal"),
  /** "1", "2", "3" for goals; "1a".."3a" for indicators. */
  code: z.string().regex(/^[1-3][a-d]?$/),
  level: z.enum(["individ", "lokal", "regional"]),
});

export const TopicEntry = z.object({
  ...base,
  kind: z.literal("topic"),
});

export const DecisionEntry = z.object({
  ...base,
  kind: z.literal("decision"),
  decidedBy: z.string().min(2).max(200),
  /** ISO date, e.g. 2024-01-26. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const KbEntry = z.discriminatedUnion("kind", [
  TermEntry,
  ActorEntry,
  ForumEntry,
  RoutineEntry,
  ResponsibilityEntry,
  GoalEntry,
  TopicEntry,
  DecisionEntry,
]);
export type KbEntry = z.infer<typeof KbEntry>;
export type KbKind = KbEntry["kind"];

/** One seed file in data/kb/seed/. */
export const SeedFile = z.object({
  schemaVersion: z.literal(1),
  entries: z.array(KbEntry),
});
export type SeedFile = z.infer<typeof SeedFile>;

/** data/kb/sections.json: every section heading of the agreement, as heading paths. */
export const SectionList = z.object({
  document: SourceDocument,
  sections: z.array(z.string().min(2)),
});
