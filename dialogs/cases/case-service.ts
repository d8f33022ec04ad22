import { randomBytes } from "node:crypto";
import { DateTime } from "luxon";
import { casesText } from "../../core/strings";
import type { Logger } from "../../core/logger";
import { caseCard, caseFormCard, caseListCard, type CaseFormValues } from "../../cards/case-cards";
import type { CardAttachment } from "../../core/types";
import { ConflictError, DuplicateError } from "../../data/errors";
import type { Stored } from "../../data/repository";
import type { CaseStore } from "../../data/cases/case-store";
import type { Case, CaseStep } from "../../data/cases/schema";
import type { JobStore } from "../../data/meetings/job-store";
import type { VusStore } from "../../data/meetings/vus-store";
import type { Asker } from "../../core/types";
import { CaseRef, parseDecide, parseOutcome, parseRaise } from "./case-input";
import { agendaLine, canSee, caseView, listedCase, type ViewerRole } from "./case-view";
import { noticeJob } from "./notice-jobs";

const t = casesText;

/** A card to show (replacing the pressed one, or as a new message) with its plain text; or only a message. */
export type CaseResult = { card: CardAttachment; text: string } | { card?: undefined; text: string };

export interface CaseServiceDeps {
  store: CaseStore;
  vus: VusStore;
  jobs: JobStore;
  isAdmin: (aadObjectId: string | undefined) => boolean | Promise<boolean>;
  now: () => Date;
  logger: Logger;
}

const MAX_LISTED = 30;
const MAX_AGENDA = 10;

/** Raising a case, the VuS group's decision, Välfärd's regional outcome, and who may see what. */
export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  async roleOf(c: Case, asker: Asker): Promise<ViewerRole> {
    const aad = asker.aadObjectId;
    if (!aad) return { reporter: false, coordinator: false, admin: false };
    const [admin, memberships] = await Promise.all([this.deps.isAdmin(aad), this.deps.vus.membershipsOf(aad)]);
    return {
      reporter: c.reporter.aadObjectId.toLowerCase() === aad.toLowerCase(),
      coordinator: memberships.some((m) => m.groupId === c.groupId && m.role === "coordinator"),
      admin: Boolean(admin),
    };
  }

  private async groupName(groupId: string): Promise<string> {
    return (await this.deps.vus.group(groupId))?.doc.name ?? groupId;
  }

  // --- raising ------------------------------------------------------------------------------------

  async form(asker: Asker, values: CaseFormValues = {}): Promise<CaseResult> {
    if (asker.conversationType !== "personal") return { text: t.rejected.personalOnly };
    const groups = await this.deps.vus.listGroups();
    if (!groups.length) return { text: t.rejected.noGroups };
    // Preselect the asker's own county part when they belong to exactly one group.
    if (!values.groupId && asker.aadObjectId) {
      const mine = [...new Set((await this.deps.vus.membershipsOf(asker.aadObjectId)).map((m) => m.groupId))];
      if (mine.length === 1) values = { ...values, groupId: mine[0] };
    }
    return { text: t.form.title, card: caseFormCard(groups, values) };
  }

  async raise(data: unknown, asker: Asker): Promise<CaseResult> {
    if (asker.conversationType !== "personal") return { text: t.rejected.personalOnly };
    if (!asker.aadObjectId || !asker.serviceUrl) return { text: t.rejected.noIdentity };
    const groups = await this.deps.vus.listGroups();
    const values = (data && typeof data === "object" ? data : {}) as CaseFormValues;
    const refuse = (notice: string, proceed = false) => ({
      text: notice,
      card: caseFormCard(groups, values, { notice, proceed }),
    });
    const parsed = parseRaise(data);
    if (!parsed.ok) {
      this.deps.logger.info({ problem: parsed.problem }, "case refused");
      const notice = t.problems[parsed.problem];
      return refuse(parsed.problem === "personalNumber" ? notice : `${notice} ${t.problems.notSaved}`);
    }
    const input = parsed.value;
    // The agreement's first step: managers try first. Said once; "Skicka ändå" goes on.
    if (input.managersTried === "no" && !input.proceed) return refuse(t.form.managersFirst, true);
    const group = groups.find((g) => g.id === input.groupId);
    if (!group) return refuse(`${t.problems.group} ${t.problems.notSaved}`);
    const now = this.deps.now();
    const nowIso = now.toISOString();
    const year = String(DateTime.fromJSDate(now, { zone: "Europe/Stockholm" }).year);
    const c: Case = {
      id: `${year}-${randomBytes(4).toString("hex")}`,
      type: "case",
      groupId: group.id,
      year,
      kind: input.kind,
      description: input.description,
      parties: input.parties,
      managersTried: input.managersTried === "yes",
      reporter: {
        tenantId: asker.tenantId,
        aadObjectId: asker.aadObjectId,
        userId: asker.userId,
        serviceUrl: asker.serviceUrl,
        name: (asker.name ?? "").slice(0, 200),
      },
      status: "open",
      raisedAt: nowIso,
      revision: 1,
      history: [{ revision: 1, step: "raised", at: nowIso, byName: (asker.name ?? "").slice(0, 200) }],
      updatedAt: nowIso,
    };
    await this.deps.jobs.createIfAbsent(noticeJob(c, 1, "raised", now));
    await this.deps.store.create(c);
    this.deps.logger.info({ groupId: c.groupId, kind: c.kind, managersTried: c.managersTried }, "case raised");
    const view = caseView(c, group.name, { reporter: true, coordinator: false, admin: false });
    const text = t.card.received(group.name);
    return { text, card: caseCard({ ...view, notice: text, noticeKind: "good" }) };
  }

  // --- viewing --------------------------------------------------------------------------------------

  private async load(data: unknown): Promise<Stored<Case> | "malformed" | "notFound"> {
    const ref = CaseRef.safeParse(data);
    if (!ref.success) return "malformed";
    return (await this.deps.store.read(ref.data.groupId, ref.data.caseId)) ?? "notFound";
  }

  private async render(c: Case, role: ViewerRole, extra: Partial<Parameters<typeof caseCard>[0]> = {}) {
    return caseCard({ ...caseView(c, await this.groupName(c.groupId), role), ...extra });
  }

  /** "Öppna" in the list and the card's refresh: the case as this viewer may see it now. */
  async open(data: unknown, asker: Asker): Promise<CaseResult> {
    const stored = await this.load(data);
    if (stored === "malformed") return { text: t.rejected.malformed };
    if (stored === "notFound") return { text: t.rejected.notFound };
    const role = await this.roleOf(stored.doc, asker);
    if (!canSee(role)) {
      this.deps.logger.info({ groupId: stored.doc.groupId }, "case view refused");
      return { text: t.rejected.notYours };
    }
    return {
      text: t.card.title(stored.doc.id, await this.groupName(stored.doc.groupId)),
      card: await this.render(stored.doc, role),
    };
  }

  async list(asker: Asker): Promise<CaseResult> {
    const aad = asker.aadObjectId;
    if (!aad) return { text: t.list.none };
    const [admin, memberships, groups] = await Promise.all([
      this.deps.isAdmin(aad),
      this.deps.vus.membershipsOf(aad),
      this.deps.vus.listGroups(),
    ]);
    let cases: Case[];
    if (admin) cases = await this.deps.store.all();
    else {
      const coordinated = memberships.filter((m) => m.role === "coordinator").map((m) => m.groupId);
      const byId = new Map<string, Case>();
      for (const g of coordinated) for (const c of await this.deps.store.ofGroup(g)) byId.set(c.id, c);
      for (const c of await this.deps.store.ofReporter(aad)) byId.set(c.id, c);
      cases = [...byId.values()];
    }
    if (!cases.length) return { text: t.list.none };
    const name = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
    // Cases waiting for someone first, then the newest.
    const waiting = (c: Case) => c.status === "open" || (c.status === "lifted" && !c.regional);
    cases.sort((a, b) => Number(waiting(b)) - Number(waiting(a)) || b.raisedAt.localeCompare(a.raisedAt));
    const items = cases.slice(0, MAX_LISTED).map((c) => listedCase(c, name(c.groupId)));
    return { text: `${t.list.title}: ${t.list.count(cases.length)}`, card: caseListCard(items) };
  }

  /** Open cases of a group, for the next meeting's reminder ("Ärenden att behandla"). */
  async agenda(groupId: string): Promise<string[]> {
    const open = await this.deps.store.openOfGroup(groupId);
    return open.slice(0, MAX_AGENDA).map(agendaLine);
  }

  // --- decisions ------------------------------------------------------------------------------------

  async decide(data: unknown, asker: Asker): Promise<CaseResult> {
    return this.change(data, asker, "decided");
  }

  async recordOutcome(data: unknown, asker: Asker): Promise<CaseResult> {
    return this.change(data, asker, "outcome");
  }

  private async change(data: unknown, asker: Asker, step: Exclude<CaseStep, "raised">): Promise<CaseResult> {
    const stored = await this.load(data);
    if (stored === "malformed") return { text: t.rejected.malformed };
    if (stored === "notFound") return { text: t.rejected.notFound };
    const c = stored.doc;
    const role = await this.roleOf(c, asker);
    if (!canSee(role)) return { text: t.rejected.notYours };
    const current = async (notice: string, values?: Record<string, string | undefined>) => ({
      text: notice,
      card: await this.render(c, role, { notice, noticeKind: "warning", values }),
    });
    const sent = (data ?? {}) as Record<string, string | undefined>;
    if (step === "decided" && !(role.coordinator || role.admin)) return current(t.rejected.notCoordinator);
    if (step === "outcome" && !role.admin) return current(t.rejected.notAdmin);
    const revision = Number((data as { revision?: unknown }).revision);
    if (revision !== c.revision) return current(t.outcomes.stale);
    if (step === "decided" && c.status !== "open") return current(t.outcomes.alreadyDecided);
    if (step === "outcome" && c.status !== "lifted") return current(t.outcomes.notLifted);
    if (step === "outcome" && c.regional) return current(t.outcomes.alreadyRecorded);

    const now = this.deps.now();
    const nowIso = now.toISOString();
    const byName = (asker.name ?? "").slice(0, 200);
    let next: Case;
    if (step === "decided") {
      const parsed = parseDecide(data);
      if (!parsed.ok)
        return current(
          parsed.problem === "personalNumber"
            ? t.problems.personalNumber
            : parsed.problem === "malformed"
              ? t.rejected.malformed
              : `${t.problems[parsed.problem]} ${t.problems.notSaved}`,
          sent,
        );
      const v = parsed.value;
      next = {
        ...c,
        status: v.decision,
        decision: { decision: v.decision, ...(v.decisionText ? { text: v.decisionText } : {}), at: nowIso, byName },
      };
    } else {
      const parsed = parseOutcome(data);
      if (!parsed.ok)
        return current(
          parsed.problem === "personalNumber"
            ? t.problems.personalNumber
            : parsed.problem === "malformed"
              ? t.rejected.malformed
              : `${t.problems[parsed.problem]} ${t.problems.notSaved}`,
          sent,
        );
      next = { ...c, regional: { forum: parsed.value.forum, outcome: parsed.value.outcome, at: nowIso, byName } };
    }
    const rev = c.revision + 1;
    next = {
      ...next,
      revision: rev,
      history: [...c.history, { revision: rev, step, at: nowIso, byName }],
      updatedAt: nowIso,
    };
    await this.deps.jobs.createIfAbsent(noticeJob(c, rev, step, now));
    let saved: Case;
    try {
      saved = (await this.deps.store.replace(next, stored.etag)).doc;
    } catch (err) {
      if (!(err instanceof ConflictError || err instanceof DuplicateError)) throw err;
      const latest = (await this.deps.store.read(c.groupId, c.id))?.doc ?? c;
      return {
        text: t.outcomes.conflict,
        card: await this.render(latest, await this.roleOf(latest, asker), {
          notice: t.outcomes.conflict,
          noticeKind: "warning",
        }),
      };
    }
    this.deps.logger.info({ groupId: c.groupId, step, status: saved.status }, "case changed");
    const notice = step === "decided" ? t.outcomes.decided(c.id) : t.outcomes.recorded(c.id);
    return { text: notice, card: await this.render(saved, role, { notice, noticeKind: "good" }) };
  }
}
