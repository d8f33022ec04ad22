import type { Group } from "../../data/meetings/schema";
import type { EvaluationAnswer } from "../../data/evaluations/schema";
import { MIN_CELL } from "./report";

// The free-text comments of the evaluations, compiled for Välfärd (admins only). A comment is the one
// part of an answer that may identify its writer by content, so it is released apart from everything
// else: per group and year only, never beside the meeting, its date, gender or organisation type, in
// alphabetical order (the store returns documents roughly in the order they were written, which would
// tell the reader who answered first), and only for a group with at least MIN_CELL answers that year.

export interface CommentSection {
  groupName: string;
  year: number;
  /** "tooFewAnswers": the group had answers, but fewer than MIN_CELL, so its comments stay hidden. */
  status: "shown" | "tooFewAnswers" | "noAnswers";
  comments: string[];
}

const swedish = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

export function compileComments(year: number, groups: Group[], answers: EvaluationAnswer[]): CommentSection[] {
  return groups.map((group) => {
    const own = answers.filter((a) => a.groupId === group.id && a.year === String(year));
    if (!own.length) return { groupName: group.name, year, status: "noAnswers", comments: [] };
    if (own.length < MIN_CELL) return { groupName: group.name, year, status: "tooFewAnswers", comments: [] };
    const comments = own
      .flatMap((a) => (a.comment?.trim() ? [a.comment.trim()] : []))
      .sort((x, y) => swedish.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0));
    return { groupName: group.name, year, status: "shown", comments };
  });
}
