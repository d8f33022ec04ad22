import type { Permissions } from "../../core/permissions";
import { DateTime } from "luxon";
import { casesText, evaluationsText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import type { ChartRenderer } from "../../core/charts/chart-renderer";
import { followupCard, type FollowupView } from "../../cards/case-cards";
import type { CaseStore } from "../../data/cases/case-store";
import type { Group } from "../../data/meetings/schema";
import type { VusStore } from "../../data/meetings/vus-store";
import { normaliseText } from "../commands";
import type { Asker, Reply } from "../../core/types";
import type { Cell, Report2b } from "../../data/evaluations/report-shape";
import { reportCsv } from "../evaluations/report-csv";
import { buildIndicator3a, CASE_KINDS, type Indicator3a } from "./followup";
import { breakdownRows, chart2a, chart2b, chart3a, scopeOf, type ChartKind } from "./followup-charts";
import { csv2a, csv3a } from "./followup-csv";
import type { FollowupLinks } from "./followup-links";

const t = casesText.followup;

export const FOLLOWUP_PATH = "/api/reports/followup";

/** `årsuppföljning [år]`; undefined when the text is not this command. */
export function parseFollowupCommand(text: string): { year?: string } | undefined {
  const m = /^(årsuppföljning|arsuppfoljning|årsuppfoljning)\b\s*(.*)$/i.exec(normaliseText(text));
  if (!m) return undefined;
  return { year: m[2].trim() || undefined };
}

export interface FollowupServiceDeps {
  vus: VusStore;
  cases: CaseStore;
  /** The 2b report builder of the evaluations feature (2a and 2b with its suppression). */
  report2b: (year: number, groups: Group[]) => Promise<Report2b>;
  links: FollowupLinks;
  renderer: ChartRenderer;
  /** Admins see every group, coordinators their own. */
  permissions: Pick<Permissions, "managedGroups">;
  publicBaseUrl: () => string | undefined;
  linkMinutes: number;
  now: () => Date;
  logger: Logger;
}

export interface Followup {
  report: Report2b;
  cases: Indicator3a;
}

const SUPPRESSED = "–";
const pct = (x: number | undefined) => (x === undefined ? "–" : `${Math.round(x * 100)} %`);
const figure = (mean: number | undefined, share: number | undefined) =>
  mean === undefined ? "" : `${mean.toFixed(1).replace(".", ",")} (${pct(share)})`;
const cellRow = (label: string, c: Cell) =>
  c.suppressed
    ? { label, n: SUPPRESSED, q1: SUPPRESSED, q2: SUPPRESSED }
    : { label, n: String(c.n), q1: figure(c.q1Mean, c.q1Share), q2: figure(c.q2Mean, c.q2Share) };

/** The yearly follow-up for Chefsforum: 2a, 2b and 3a on one card, with chart images and the CSV behind each. */
export class FollowupService {
  constructor(private readonly deps: FollowupServiceDeps) {}

  private async visibleGroups(aadObjectId: string | undefined): Promise<Group[] | undefined> {
    const all = await this.deps.vus.listGroups();
    const managed = await this.deps.permissions.managedGroups(aadObjectId);
    if (managed === "*") return all;
    const groups = all.filter((g) => managed.has(g.id));
    return groups.length ? groups : undefined;
  }

  async build(year: number, groups: Group[]): Promise<Followup> {
    const [report, cases] = await Promise.all([this.deps.report2b(year, groups), this.deps.cases.ofYear(String(year))]);
    return { report, cases: buildIndicator3a(year, groups, cases) };
  }

  async reply(asker: Asker, args: { year?: string }): Promise<Reply> {
    const groups = await this.visibleGroups(asker.aadObjectId);
    if (!groups) return { text: t.forbidden };
    if (args.year !== undefined && !/^20\d\d$/.test(args.year)) return { text: t.badYear };
    const year = args.year
      ? Number(args.year)
      : DateTime.fromJSDate(this.deps.now(), { zone: "Europe/Stockholm" }).year;
    const data = await this.build(year, groups);
    const base = this.deps.publicBaseUrl()?.replace(/\/$/, "");
    const ids = groups.map((g) => g.id);
    const link = (c: ChartKind, f: "png" | "csv") =>
      base ? `${base}${FOLLOWUP_PATH}?t=${this.deps.links.issue(year, ids, c, f)}` : "";
    const names = groups.map((g) => g.name).join(", ");
    this.deps.logger.info({ year, groups: groups.length }, "yearly follow-up built");
    return {
      text: t.text(year, names),
      card: followupCard(
        this.view(data, names, {
          charts: { c2a: link("2a", "png"), c2b: link("2b", "png"), c3a: link("3a", "png") },
          csv: { c2a: link("2a", "csv"), c2b: link("2b", "csv"), c3a: link("3a", "csv") },
          note: base ? t.downloadHint(this.deps.linkMinutes) : t.noDownload,
        }),
      ),
    };
  }

  view(data: Followup, names: string, links: Pick<FollowupView, "charts" | "csv" | "note">): FollowupView {
    const { report, cases } = data;
    const scope = scopeOf(report);
    const caseRow = (part: string, f: { raised: number; lifted: number; decided: number }) => ({
      part,
      raised: String(f.raised),
      lifted: String(f.lifted),
      decided: String(f.decided),
    });
    return {
      title: t.title(report.year),
      scope: t.scope(names),
      held: [
        ...report.groups.map((g) => ({ title: `VuS ${g.groupName}`, value: t.held(g.meetingsHeld, g.meetingsGoal) })),
        ...(report.county
          ? [{ title: t.county, value: t.held(report.county.meetingsHeld, report.county.meetingsGoal) }]
          : []),
      ],
      i2bScope: t.i2bScope(scope.name),
      satisfaction: breakdownRows(scope.stats)
        .map((r) => cellRow(r.label, r.cell))
        .filter((r, i) => i === 0 || r.n !== "0"),
      cases: [
        ...cases.groups.map((g) => caseRow(g.groupName, g)),
        ...(cases.groups.length > 1 ? [caseRow(t.total, cases.total)] : []),
      ],
      casesSummary: [
        { title: t.shareLifted, value: pct(cases.total.shareLifted) },
        { title: t.shareDecided, value: pct(cases.total.shareDecided) },
        {
          title: t.medianDays,
          value: cases.total.medianDaysToDecision === undefined ? t.none : t.days(cases.total.medianDaysToDecision),
        },
      ],
      byKind: CASE_KINDS.map((k) => ({ title: casesText.kindLabels[k], value: String(cases.total.byKind[k]) })),
      ...links,
    };
  }

  /** The image or CSV behind a signed link; undefined for a forged, altered or expired one. */
  async download(token: string): Promise<{ contentType: string; fileName: string; body: Buffer } | undefined> {
    const p = this.deps.links.verify(token);
    if (!p) return undefined;
    const groups = (await this.deps.vus.listGroups()).filter((g) => p.g.includes(g.id));
    if (!groups.length) return undefined;
    const data = await this.build(p.y, groups);
    if (p.f === "png") {
      const spec = p.c === "2a" ? chart2a(data.report) : p.c === "2b" ? chart2b(data.report) : chart3a(data.cases);
      return {
        contentType: "image/png",
        fileName: `arsuppfoljning-${p.c}-${p.y}.png`,
        body: await this.deps.renderer.render(spec),
      };
    }
    const body = p.c === "2a" ? csv2a(data.report) : p.c === "2b" ? reportCsv(data.report) : csv3a(data.cases);
    const fileName =
      p.c === "2b"
        ? evaluationsText.csv.fileName(p.y, groups.length === 1 ? groups[0].id : evaluationsText.csv.allParts)
        : t.csvFile(p.c, p.y);
    return { contentType: "text/csv; charset=utf-8", fileName, body };
  }
}
