import type { Group, Meeting } from "../../data/meetings/schema";
import type { EvaluationAnswer, EvaluationInvitation } from "../../data/evaluations/schema";
import { buildReport } from "../../dialogs/evaluations/report";
import type { Report2b } from "../../data/evaluations/report-shape";

export const NOW = new Date("2026-12-01T12:00:00.000Z");

export function group(id: string, name: string): Group {
  return { id, type: "group", groupId: id, name, municipalities: [name], updatedAt: "2026-01-01T00:00:00.000Z" };
}

export function meeting(id: string, groupId: string, start: string, status: Meeting["status"] = "planned"): Meeting {
  return {
    id,
    type: "meeting",
    groupId,
    start,
    durationMinutes: 120,
    agenda: [],
    status,
    revision: 1,
    createdBy: "x",
    createdAt: start,
    updatedBy: "x",
    updatedAt: start,
  };
}

let seq = 0;
const hex = (n: number) => n.toString(16).padStart(64, "0");

export function answer(meetingId: string, groupId: string, fields: Partial<EvaluationAnswer> = {}): EvaluationAnswer {
  return {
    id: hex(++seq),
    type: "answer",
    year: "2026",
    groupId,
    meetingId,
    q1: 4,
    q2: 4,
    orgType: "kommun",
    submittedAt: "2026-03-10T12:00:00.000Z",
    ...fields,
  };
}

export function invitation(meetingId: string, groupId: string): EvaluationInvitation {
  return {
    id: hex(++seq),
    type: "invitation",
    year: "2026",
    groupId,
    meetingId,
    invitedAt: "2026-03-10T12:00:00.000Z",
  };
}

/** Sala with two meetings (one with 12 answers, one with 3) and Köping with one meeting of 6 answers. */
export function sampleReport(): Report2b {
  const sala = group("sala", "Sala");
  const koping = group("koping", "Köping");
  const m1 = meeting("sala-m1-0001", "sala", "2026-03-10T08:00:00.000Z");
  const m2 = meeting("sala-m2-0001", "sala", "2026-05-12T08:00:00.000Z");
  const k1 = meeting("koping-m1-01", "koping", "2026-04-01T08:00:00.000Z");
  const answers = [
    ...Array.from({ length: 12 }, (_, i) =>
      answer(m1.id, "sala", {
        q1: (i % 5) + 1,
        gender: i < 6 ? "kvinna" : "man",
        orgType: i < 8 ? "kommun" : "region",
      }),
    ),
    ...Array.from({ length: 3 }, () => answer(m2.id, "sala", { gender: "kvinna" })),
    ...Array.from({ length: 6 }, () => answer(k1.id, "koping", { q1: 5, q2: 3, gender: "kvinna" })),
  ];
  const invitations = [
    ...Array.from({ length: 15 }, () => invitation(m1.id, "sala")),
    ...Array.from({ length: 10 }, () => invitation(m2.id, "sala")),
    ...Array.from({ length: 8 }, () => invitation(k1.id, "koping")),
  ];
  return buildReport({
    year: 2026,
    groups: [koping, sala],
    meetingsByGroup: new Map([
      ["sala", [m1, m2]],
      ["koping", [k1]],
    ]),
    answers,
    invitations,
    now: NOW,
  });
}
