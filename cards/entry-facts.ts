import type { KbEntry, SourceDocument } from "../data/kb/schema";
import * as qaText from "../core/strings/qa";

// The structured fields of an entry that the answer text does not already carry, as label/value
// rows: the forum's members and convenor, when a routine applies, who took a decision. The answer
// card shows them as a fact set under the answer; the plain-text fallback as "Label: value" lines.

/** One row; a list field (members, tasks) gives one row per item, the label on the first only. */
export interface EntryFact {
  title: string;
  value: string;
}

function field(label: string, value: string | undefined): EntryFact[] {
  const v = value?.trim();
  return v ? [{ title: label, value: v }] : [];
}

function list(label: string, items: string[]): EntryFact[] {
  return items.map((value, i) => ({ title: i === 0 ? label : "", value }));
}

export function entryFacts(e: KbEntry): EntryFact[] {
  const f = qaText.facts;
  switch (e.kind) {
    case "term":
      // "SIP · Samordnad individuell plan": the term itself is the label.
      return e.expansion.trim().toLowerCase() === e.term.trim().toLowerCase() ? [] : field(e.term, e.expansion);
    case "forum":
      return [
        ...field(f.convenor, e.convenor),
        ...field(f.frequency, e.frequency),
        ...field(f.mandate, e.mandate),
        ...list(f.members, e.members),
        ...list(f.tasks, e.tasks),
      ];
    case "routine":
      return field(f.appliesWhen, e.appliesWhen);
    case "decision":
      return [...field(f.decidedBy, e.decidedBy), ...field(f.date, e.date)];
    default:
      return [];
  }
}

/** The other places an entry draws on, without the one already named as its source. */
export function alsoInText(e: KbEntry): string | undefined {
  // Sections grouped under their document, so the document is named once: "Överenskommelsen, avsnitt A; B".
  const byDocument = new Map<SourceDocument, string[]>();
  for (const s of e.alsoSources) {
    if (s.document === e.source.document && s.section === e.source.section) continue;
    const sections = byDocument.get(s.document) ?? [];
    if (!sections.includes(s.section)) sections.push(s.section);
    byDocument.set(s.document, sections);
  }
  const places = [...byDocument].map(([doc, sections]) => `${qaText.documentName[doc]} ${sections.join("; ")}`);
  return places.length > 0 ? `${qaText.alsoIn}: ${places.join(". ")}` : undefined;
}
