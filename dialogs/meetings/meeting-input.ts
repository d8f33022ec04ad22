import { z } from "zod";
import { meetingsText } from "../../core/strings";
import type { Group, Meeting } from "../../data/meetings/schema";
import { localToUtc, toIso } from "../../core/time";

const p = meetingsText.problems;

/** A meeting as typed in the form or a file row, before validation (everything may be wrong). */
export const MeetingInput = z.object({
  group: z.string().optional(),
  date: z.string().optional(),
  start: z.string().optional(),
  length: z.union([z.number(), z.string()]).optional(),
  place: z.string().optional(),
  link: z.string().optional(),
  theme: z.string().optional(),
  agenda: z.union([z.string(), z.array(z.string())]).optional(),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export type MeetingDraft = Pick<
  Meeting,
  "groupId" | "start" | "durationMinutes" | "place" | "onlineUrl" | "theme" | "agenda"
>;

export const DEFAULT_LENGTH_MINUTES = 120;

/** The field a form or file value belongs to, as a Swedish problem (the same texts validateMeetingInput gives). */
const FIELD_PROBLEMS: Record<string, string> = {
  group: p.group,
  groupId: p.group,
  date: p.date,
  start: p.date,
  length: p.length,
  place: p.placeOrLink,
  link: p.link,
  theme: p.theme,
  agenda: p.agenda,
};

/** Schema failures (values of the wrong type) as the matching Swedish problems, each once. */
export function inputProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return [...new Set(issues.map((i) => FIELD_PROBLEMS[String(i.path[0] ?? "")] ?? p.unreadableForm))];
}

/** Folds case, å/ä/ö and a leading "VuS", so "vasteras", "VuS Västerås" and the id all find Västerås. */
const foldGroupRef = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/^vus\s+/, "")
    .trim();

export function findGroup(groups: Group[], ref: string | undefined): Group | undefined {
  const r = foldGroupRef(ref ?? "");
  if (!r) return undefined;
  return groups.find((g) => g.id === r || foldGroupRef(g.name) === r);
}

function agendaItems(a: MeetingInput["agenda"]): string[] {
  const items = Array.isArray(a) ? a : (a ?? "").split(/\r?\n|\|/);
  return items.map((s) => s.trim().replace(/^[-•*]\s*/, "")).filter(Boolean);
}

/** Validates one meeting; the problems are Swedish, for the user. */
export function validateMeetingInput(
  raw: MeetingInput,
  groups: Group[],
  now: Date,
): { ok: true; draft: MeetingDraft } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const group = findGroup(groups, raw.group);
  if (!group) problems.push(p.group);
  const when = localToUtc((raw.date ?? "").trim(), (raw.start ?? "").trim());
  if (!when.ok) problems.push(when.problem === "nonexistent" ? p.nonexistent : p.date);
  else if (when.at.toMillis() <= now.getTime()) problems.push(p.past);
  const lengthText = String(raw.length ?? "").trim();
  const length = lengthText === "" ? DEFAULT_LENGTH_MINUTES : Number(lengthText);
  if (!Number.isInteger(length) || length < 15 || length > 480) problems.push(p.length);
  const place = raw.place?.trim() || undefined;
  const link = raw.link?.trim() || undefined;
  if (!place && !link) problems.push(p.placeOrLink);
  if (link && !z.url({ protocol: /^https$/ }).safeParse(link).success) problems.push(p.link);
  if (place && place.length > 200) problems.push(p.tooLong("platsen"));
  const theme = raw.theme?.trim() || undefined;
  if (theme && theme.length > 200) problems.push(p.tooLong("temat"));
  const agenda = agendaItems(raw.agenda);
  if (agenda.length > 20 || agenda.some((a) => a.length > 300)) problems.push(p.agenda);
  if (problems.length || !group || !when.ok) return { ok: false, problems };
  return {
    ok: true,
    draft: { groupId: group.id, start: toIso(when.at), durationMinutes: length, place, onlineUrl: link, theme, agenda },
  };
}
