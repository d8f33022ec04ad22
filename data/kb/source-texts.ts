import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SectionList, type SourceDocument } from "./schema";

/** One source document's text, for quoting its passages when no entry answers (dialogs/qa/passages.ts). */
export interface SourceText {
  document: SourceDocument;
  text: string;
  /** Section heading paths known for the document ("Parent > Heading"). */
  sections: string[];
}

const FILES: Record<SourceDocument, string> = {
  overenskommelse: "overenskommelse-vuxnas-psykiska-ohalsa.txt",
  "srb-2024-01-26": "protokollsutdrag-srb-2024-01-26.txt",
  lagesrapport: "lansgemensamma-overenskommelser-lagesrapport.txt",
  "uppfoljning-missbruk": "uppfoljning-overenskommelse-missbruk-beroende.txt",
};

/** data/kb, whether running from sources (jest, ts) or from dist/ (npm start). */
function kbDir(): string {
  return __dirname.includes(join("dist", "data", "kb")) ? join(__dirname, "..", "..", "..", "data", "kb") : __dirname;
}

/**
 * The copies in data/kb/sources with their section headings: the agreement's from sections.json,
 * the decision documents' from the sections the entries cite (`extraSections`).
 */
export function loadSourceTexts(extraSections: { document: SourceDocument; section: string }[] = [], dir = kbDir()) {
  const listed = SectionList.parse(JSON.parse(readFileSync(join(dir, "sections.json"), "utf8")));
  return (Object.keys(FILES) as SourceDocument[]).map((document): SourceText => {
    const sections = new Set(extraSections.filter((s) => s.document === document).map((s) => s.section));
    if (listed.document === document) for (const s of listed.sections) sections.add(s);
    return { document, text: readFileSync(join(dir, "sources", FILES[document]), "utf8"), sections: [...sections] };
  });
}
