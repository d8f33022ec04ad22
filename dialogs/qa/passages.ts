import type { SourceDocument } from "../../data/kb/schema";
import type { SourceText } from "../../data/kb/source-texts";

/** A few consecutive sentences of a source document, quotable with their section. */
export interface Passage {
  id: number;
  document: SourceDocument;
  /** Heading path, parent first, as the entries cite it. */
  section: string;
  text: string;
}

/** A passage is at most this long, and never more than this many sentences. */
const MAX_CHARS = 420;
const MAX_SENTENCES = 3;
const MIN_CHARS = 40;

/**
 * Splits each document into sections at its heading lines and each section into overlapping runs
 * of sentences (a window moved one sentence at a time), so the best run for a question can be quoted
 * whole. Lines of figure captions and page numbers carry nothing to quote and are dropped.
 */
export function splitPassages(texts: readonly SourceText[]): Passage[] {
  const out: Passage[] = [];
  for (const doc of texts) {
    // Last heading component → full path; a document repeats some short headings ("Kostnadsansvar").
    const paths = new Map<string, string[]>();
    for (const s of doc.sections) {
      const last = s.split(" > ").pop()!.trim();
      paths.set(last, [...(paths.get(last) ?? []), s]);
    }
    let section = doc.sections[0] ?? "";
    let lines: string[] = [];
    const flush = () => {
      const body = lines.join(" ").replace(/\s+/g, " ").trim();
      lines = [];
      if (!body || !section) return;
      const sentences = body.split(/(?<=[.!?:])\s+(?=[\p{Lu}•])|\s*•\s*/u).filter((s) => s.length > 0);
      for (let i = 0; i < sentences.length; i++) {
        let text = sentences[i];
        for (let k = i + 1; k < Math.min(sentences.length, i + MAX_SENTENCES); k++) {
          if (text.length + sentences[k].length + 1 > MAX_CHARS) break;
          text += ` ${sentences[k]}`;
        }
        if (text.length >= MIN_CHARS) out.push({ id: out.length, document: doc.document, section, text });
      }
    };
    for (const raw of doc.text.split("\n")) {
      const line = raw.trim();
      const heading = paths.get(line);
      if (heading) {
        flush();
        // Of several sections with this heading, the one under the current parent.
        const parent = section.split(" > ")[0];
        section =
          heading.find((h) => h.startsWith(`${parent} > `)) ?? heading.find((h) => !h.includes(" > ")) ?? heading[0];
        continue;
      }
      if (!line || /^\d+$/.test(line) || /^Bild(en)? (som )?(visar|beskriver)/.test(line)) continue;
      lines.push(line);
    }
    flush();
  }
  return out;
}
