import { meetingsText } from "../../core/strings";
import type { Asker, Reply } from "../../core/types";
import type { MeetingsFeatureDeps } from "./feature";
import { swedishSpan } from "../../core/time";

const t = meetingsText;

/** `leveranser`: what each reminder of the last 30 days reached (sent, failed, inactive), per meeting of the groups one manages. */
export async function deliveryReport(
  deps: Pick<MeetingsFeatureDeps, "vus" | "jobs" | "permissions" | "clock">,
  asker: Asker,
): Promise<Reply[]> {
  const managed = await deps.permissions.managedGroups(asker.aadObjectId);
  if (managed !== "*" && managed.size === 0) return [{ text: t.report.notAllowed }];
  const groups = (await deps.vus.listGroups()).filter((g) => managed === "*" || managed.has(g.id));
  const lines: string[] = [];
  const horizon = new Date(deps.clock.now().getTime() - 30 * 86_400_000).toISOString();
  for (const g of groups) {
    for (const m of (await deps.vus.meetingsOf(g.id)).filter((x) => x.start >= horizon)) {
      const jobs = (await deps.jobs.jobsOfMeeting(m.id)).filter(
        (j) => j.status !== "pending" && j.status !== "cancelled",
      );
      if (!jobs.length) continue;
      lines.push(t.report.meetingHeading(g.name, swedishSpan(m.start, m.durationMinutes)));
      for (const j of jobs) {
        const what = j.kind === "reminder" ? t.report.kinds.reminder(j.key) : t.report.kinds[j.kind];
        lines.push(
          t.report.line(what, j.counts ?? { sent: 0, failed: 0, inactive: 0, expired: 0 }, t.report.status[j.status]),
        );
        if (j.problem) lines.push(`  ${t.report.problems[j.problem]}`);
      }
    }
  }
  return [{ text: lines.length ? `${t.report.title}\n\n${lines.join("\n")}` : t.report.none }];
}
