import { DateTime } from "luxon";
import { ZONE } from "../../core/time";
import type { Permissions } from "../../core/permissions";
import { evaluationsText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import { report2bCard } from "../../cards/evaluation-cards";
import type { Group, Meeting } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import type { EvaluationStore } from "../../data/evaluations/evaluation-store";
import type { Asker, Reply } from "../../core/types";
import { findGroup } from "../meetings/meeting-input";
import { normaliseText } from "../commands";
import { buildReport } from "./report";
import type { Report2b } from "../../data/evaluations/report-shape";
import { reportCsv } from "./report-csv";
import { compileComments } from "./comments";
import { commentsCsv } from "./comments-csv";
import type { LinkKind, ReportLinks } from "./report-link";

const t = evaluationsText;

/** `rapport 2b [år] [länsdel]`, parsed; undefined when the text is not this command. */
export function parseReportCommand(text: string): { year?: string; part?: string } | undefined {
  const m = /^rapport\s*2b\b\s*(.*)$/i.exec(normaliseText(text));
  if (!m) return undefined;
  const words = m[1].split(" ").filter(Boolean);
  const yearAt = words.findIndex((w) => /^\d+$/.test(w));
  const year = yearAt >= 0 ? words.splice(yearAt, 1)[0] : undefined;
  return { year, part: words.join(" ") || undefined };
}

export interface ReportServiceDeps {
  vus: VusStore;
  store: EvaluationStore;
  links: ReportLinks;
  permissions: Permissions;
  /** The bot's public address for download links; undefined when not configured. */
  publicBaseUrl: () => string | undefined;
  linkMinutes: number;
  now: () => Date;
  logger: Logger;
}

export const REPORT_PATH = "/api/reports/2b";

/** Builds the report for admins (all groups) and coordinators (their own groups). */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  async reply(asker: Asker, args: { year?: string; part?: string }): Promise<Reply> {
    // Only admins see every group, and with it the comments link (see below).
    const managed = await this.deps.permissions.managedGroups(asker.aadObjectId);
    const visible = managed === "*" ? "all" : managed;
    if (visible !== "all" && visible.size === 0) return { text: t.report.forbidden };
    const thisYear = DateTime.fromJSDate(this.deps.now(), { zone: ZONE }).year;
    if (args.year !== undefined && !/^(20\d\d)$/.test(args.year)) return { text: t.report.badYear };
    const year = args.year ? Number(args.year) : thisYear;
    const all = await this.deps.vus.listGroups();
    if (!all.length) return { text: t.report.noGroups };
    let groups = visible === "all" ? all : all.filter((g) => visible.has(g.id));
    if (args.part) {
      const found = findGroup(all, args.part);
      if (!found) return { text: t.report.unknownGroup(args.part, all.map((g) => g.name).join(", ")) };
      if (visible !== "all" && !visible.has(found.id)) return { text: t.report.notYourGroup(found.name) };
      groups = [found];
    }
    const report = await this.build(year, groups);
    const base = this.deps.publicBaseUrl();
    const link = (kind: LinkKind) =>
      base &&
      `${base.replace(/\/$/, "")}${REPORT_PATH}?t=${
        this.deps.links.issue(
          year,
          groups.map((g) => g.id),
          kind,
        ).token
      }`;
    const downloadUrl = link("report");
    // Comments are for Välfärd, which compiles the indicator: admins only, never coordinators.
    const commentsUrl = visible === "all" ? link("comments") : undefined;
    this.deps.logger.info({ year, groups: groups.length }, "report 2b built");
    return {
      text: t.report.text(year, groups.map((g) => g.name).join(", ")),
      card: report2bCard(report, { downloadUrl, commentsUrl, linkMinutes: this.deps.linkMinutes }),
    };
  }

  async build(year: number, groups: Group[]): Promise<Report2b> {
    const { vus, store, now } = this.deps;
    const meetingsByGroup = new Map<string, Meeting[]>();
    for (const g of groups) meetingsByGroup.set(g.id, await vus.meetingsOf(g.id));
    const [answers, invitations] = await Promise.all([
      store.answersOfYear(String(year)),
      store.invitationsOfYear(String(year)),
    ]);
    return buildReport({ year, groups, meetingsByGroup, answers, invitations, now: now() });
  }

  /** The CSV behind a download link (report or comments); undefined for a forged, altered or expired link. */
  async download(token: string): Promise<{ fileName: string; body: Buffer } | undefined> {
    const payload = this.deps.links.verify(token);
    if (!payload) return undefined;
    const all = await this.deps.vus.listGroups();
    const groups = all.filter((g) => payload.g.includes(g.id));
    if (!groups.length) return undefined;
    const part = groups.length === 1 ? groups[0].id : evaluationsText.csv.allParts;
    if (payload.k === "comments") {
      const sections = compileComments(payload.y, groups, await this.deps.store.answersOfYear(String(payload.y)));
      return { fileName: evaluationsText.commentsCsv.fileName(payload.y, part), body: commentsCsv(sections) };
    }
    const report = await this.build(payload.y, groups);
    return { fileName: evaluationsText.csv.fileName(payload.y, part), body: reportCsv(report) };
  }
}
