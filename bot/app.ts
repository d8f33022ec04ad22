import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { cosmosSettingsOf, openCosmos, type CosmosStore } from "../data/cosmos";
import { ConversationStore } from "../data/conversations";
import { FeedbackStore } from "../data/feedback";
import { BackgroundWrites } from "../core/background-writes";
import { KnowledgeStore } from "../data/kb/knowledge-store";
import { loadSeed } from "../data/kb/seed";
import { JobStore } from "../data/meetings/job-store";
import { VusStore } from "../data/meetings/vus-store";
import { AdminDirectory } from "../data/admins";
import { KnowledgeEditor } from "../data/kb/knowledge-editor";
import { PendingImports } from "../data/kb/pending-imports";
import { loadSourceTexts } from "../data/kb/source-texts";
import { pseudonymFor, QuestionSigner } from "../core/pseudonym";
import { systemClock, type Clock } from "../core/clock";
import { Permissions } from "../core/permissions";
import { Delivery } from "../core/jobs/delivery";
import type { Scheduler } from "../core/jobs/scheduler";
import type { FileDownload, IncomingMessage, Reply } from "../core/types";
import { adminText, botText } from "../core/strings";
import { KnowledgeService } from "../dialogs/qa/knowledge-service";
import { QaDialog } from "../dialogs/qa/qa-dialog";
import { MessageRouter } from "../dialogs/router";
import type { Feature } from "../dialogs/feature";
import { createMeetings, type Meetings } from "../dialogs/meetings/module";
import {
  createEvaluations,
  evaluationJobsFor,
  evaluationKeysFor,
  type Evaluations,
} from "../dialogs/evaluations/module";
import { AdminDialog } from "../dialogs/admin/admin-dialog";
import { createAdapter } from "./adapter";
import { createServer, type BotServer } from "./server";
import { SamverkansBot } from "./teams-bot";
import { CosmosBotStorage } from "./cosmos-storage";
import { ConversationState } from "botbuilder";
import { ProactiveMessenger } from "./proactive-messenger";
import { registerReportDownload } from "./report-download";
import { downloadText } from "./file-transfer";
import { createCases, type Cases } from "../dialogs/cases/module";
import { registerFollowupDownload } from "./followup-download";
import { registerInfoPages } from "./info-pages";
import { pagesText } from "../core/strings";
import { createEscalation, type Escalation } from "../dialogs/escalation/module";
import { KnowledgeSearch } from "../dialogs/search/knowledge-search";
import { searchFeature } from "../dialogs/search/feature";
import { AskTally } from "../data/search/ask-tally";
import { createPrivacy, type Privacy } from "../dialogs/privacy/module";

/** Largest file fetched for an import (the whole knowledge base exports to well under 1 MB; meeting plans are capped lower). */
const MAX_IMPORT_MB = 5;

export interface App {
  store: CosmosStore;
  http: BotServer;
  conversationState: ConversationState;
  /** The served knowledge base: its engine, version and reload(). */
  knowledge: KnowledgeService;
  knowledgeStore: KnowledgeStore;
  /** Writes taken off the turn (review queue, conversation state); idle() waits for them. */
  writes: BackgroundWrites;
  /** The admins' review queue (👍/👎 and unanswered questions); its reads wait for writes still in flight. */
  feedback: FeedbackStore;
  /** VuS groups, members, meetings and answers. */
  vus: VusStore;
  /** Scheduled jobs and their delivery records. */
  jobs: JobStore;
  /** Runs every feature's due jobs. */
  scheduler: Scheduler;
  router: MessageRouter;
  /** Every feature's registration, in the order the router offers them messages. */
  features: readonly Feature[];
  meetings: Meetings;
  evaluations: Evaluations;
  cases: Cases;
  /** Asking Välfärd: cases, the expert channel and its reminders. */
  escalation: Escalation;
  /** The message extension's search and its "most asked" counts. */
  search: KnowledgeSearch;
  askTally: AskTally;
  /** Gallring (the daily retention job) and erasure. */
  privacy: Privacy;
  /** Listens; resolves with the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Replaces the knowledge-base question handler (tests); the knowledge base is then not loaded. */
  answerQuestion?: (question: string, message: IncomingMessage) => Promise<Reply | Reply[]>;
  /** Meetings: a test clock, a fixed instance name, no background scheduler. */
  clock?: Clock;
  instanceId?: string;
  /** Replaces the download of files sent in chat (tests). */
  download?: FileDownload;
  startScheduler?: boolean;
  /** How long stop() lets requests in flight finish before closing their connections (default 10 s). */
  drainMs?: number;
}

/** Wires configuration, store, dialogs and the HTTP server together. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const store = await openCosmos(cosmosSettingsOf(config), logger);
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const conversations = new ConversationStore(store.containers.conversations, now);
  // Review-queue records and conversation state are written off the turn; stop() waits for them.
  const backgroundWrites = new BackgroundWrites(logger);
  const botStorage = new CosmosBotStorage(store.containers.botState, now);
  const conversationState = new ConversationState(botStorage);
  // The knowledge base: seed into Cosmos when new, read it back once, then serve from memory and
  // poll the version marker so admins' changes reach every instance within KB_POLL_SECONDS.
  // A test that replaces the question handler does not need the base, and loading it costs ~1 s.
  const knowledgeStore = new KnowledgeStore(store.containers.knowledge, logger);
  const knowledge = new KnowledgeService(knowledgeStore, logger, (entries) =>
    loadSourceTexts(entries.flatMap((e) => [e.source, ...e.alsoSources])),
  );
  if (!options.answerQuestion) {
    await knowledgeStore.ensureSeeded(loadSeed());
    await knowledge.reload();
    knowledge.startPolling(config.KB_POLL_SECONDS * 1000);
  }
  const feedback = new FeedbackStore(store.containers.feedback, now, backgroundWrites);
  // Each instance counts answered entries under its own name (App Service's, else the host's).
  const askTally = new AskTally(
    store.containers.askCounts,
    options.instanceId ?? config.WEBSITE_INSTANCE_ID?.slice(0, 12) ?? `${hostname()}-${randomUUID().slice(0, 8)}`,
    now,
  );
  const qa = new QaDialog({
    onAnswered: (entryId) => askTally.count(entryId),
    knowledge,
    feedback,
    pseudonym: (asker) => pseudonymFor(config.pseudonymSecret, asker.tenantId, asker.aadObjectId ?? asker.userId),
    questions: new QuestionSigner(config.pseudonymSecret),
    logger,
    now: () => clock.now(),
  });
  // One admin check for every feature: configured ids and admins added in Teams, any case.
  const admins = new AdminDirectory(store.containers.admin, config.ADMIN_AAD_OBJECT_IDS, now);
  const keys = evaluationKeysFor(config, logger);
  const vus = new VusStore(store.containers.vus, () => clock.now());
  const jobs = new JobStore(store.containers.jobs, keys.deliveryKey);
  const permissions = new Permissions({
    isAdmin: (aadObjectId) => admins.isAdmin(aadObjectId),
    membershipsOf: (aadObjectId) => vus.membershipsOf(aadObjectId),
  });
  const admin = new AdminDialog({
    // Asking Välfärd is built below, on the shared fan-out; the review queue is only read in a turn.
    moreReview: () => escalation.service.reviewQueue(),
    admins,
    editor: new KnowledgeEditor(store.containers.knowledge, knowledgeStore),
    knowledge,
    feedback,
    imports: new PendingImports(store.containers.admin),
    logger,
    people: async () => {
      const groups = await vus.listGroups();
      const members = (await Promise.all(groups.map((g) => vus.membersOf(g.id)))).flat();
      return members
        .filter((m) => m.name)
        .map((m) => ({
          aadObjectId: m.aadObjectId,
          name: m.name,
          detail: `${m.organisation}, VuS ${groups.find((g) => g.id === m.groupId)?.name ?? m.groupId}`,
        }));
    },
  });
  const adapter = createAdapter(config, logger);
  const messenger = new ProactiveMessenger(adapter, config.MicrosoftAppId, conversations);
  const delivery = new Delivery({
    config,
    jobs,
    messenger,
    clock,
    logger,
    // App Service names each instance; claims carry it so logs show which instance held a job.
    instanceId:
      options.instanceId ??
      (config.WEBSITE_INSTANCE_ID
        ? `${config.WEBSITE_INSTANCE_ID.slice(0, 12)}-${randomUUID().slice(0, 8)}`
        : undefined),
    markInactive: async (tenantId, conversationId) => {
      await conversations.markInactive(tenantId, conversationId);
    },
  });
  const meetings = createMeetings({
    config,
    vus,
    jobs,
    permissions,
    fanout: delivery.fanout,
    clock,
    logger,
    extraJobs: evaluationJobsFor(config),
    agenda: (groupId) => cases.service.agenda(groupId),
    adminRecipients: async () => {
      const ids = [...admins.configuredIds, ...(await admins.added()).filter((a) => a.active).map((a) => a.id)];
      const chats = (await Promise.all([...new Set(ids)].map((id) => conversations.personalChatsOf(id)))).flat();
      return chats.map((c) => ({
        key: `admin:${c.aadObjectId ?? c.conversationId}:${c.tenantId}`,
        target: { kind: "conversation" as const, tenantId: c.tenantId, conversationId: c.conversationId },
      }));
    },
  });
  let boundPort: number | undefined;
  const evaluations = createEvaluations({
    config,
    container: store.containers.evaluations,
    vus,
    fanout: delivery.fanout,
    now: () => clock.now(),
    logger,
    permissions,
    keys,
    // Without PUBLIC_BASE_URL only a local (unauthenticated) bot can link to itself.
    publicBaseUrl: () =>
      config.PUBLIC_BASE_URL ?? (!config.authEnabled && boundPort ? `http://127.0.0.1:${boundPort}` : undefined),
  });
  const cases = createCases({
    config,
    container: store.containers.cases,
    vus,
    jobs,
    fanout: delivery.fanout,
    isAdmin: (aadObjectId) => permissions.isAdmin(aadObjectId),
    permissions,
    adminIds: async () => [
      ...new Set([...admins.configuredIds, ...(await admins.added()).filter((a) => a.active).map((a) => a.id)]),
    ],
    personalConversation: async (tenantId, aad) =>
      (
        (await conversations.personalFor(tenantId, aad)) ??
        (await conversations.personalFor(tenantId, aad.toLowerCase()))
      )?.conversationId,
    report2b: (year, groups) => evaluations.reports.build(year, groups),
    reportLinkKey: evaluations.keys.linkKey,
    publicBaseUrl: () =>
      config.PUBLIC_BASE_URL ?? (!config.authEnabled && boundPort ? `http://127.0.0.1:${boundPort}` : undefined),
    now: () => clock.now(),
    logger,
  });
  const escalation = createEscalation({
    container: store.containers.escalations,
    knowledge,
    isExpert: (aadObjectId) => permissions.isAdmin(aadObjectId),
    poster: messenger,
    fanout: delivery.fanout,
    reminderWorkingDays: config.ESCALATION_REMINDER_WORKING_DAYS,
    logger,
  });
  const search = new KnowledgeSearch({
    knowledge,
    // The help's example questions fill the list while few questions have been counted.
    mostAsked: async () => [
      ...new Set([
        ...(await askTally.mostAsked()),
        ...botText.exampleQuestions.flatMap((q) => {
          const r = knowledge.engine.ask(q);
          return r.outcome === "decline" ? [] : [r.entry.id];
        }),
      ]),
    ],
  });
  await vus.seedGroups();
  const replaced = options.answerQuestion;
  const answerQuestion =
    replaced && (async (q: string, m: IncomingMessage) => ([] as Reply[]).concat(await replaced(q, m)));
  const privacy = createPrivacy({
    config,
    jobs,
    vus,
    permissions,
    pseudonym: (tenantId, aadObjectId) => pseudonymFor(config.pseudonymSecret, tenantId, aadObjectId),
    conversations,
    feedback,
    imports: new PendingImports(store.containers.admin, now),
    admins,
    botState: store.containers.botState,
    escalations: {
      ofAsker: (id) => escalation.store.ofAsker(id),
      askers: () => escalation.store.askers(),
      eraseAsker: (caseId, id) => escalation.service.eraseAsker(caseId, id),
    },
    rules: () => features.flatMap((f) => f.retention ?? []),
    clock,
    logger,
  });
  // The order is the order commands, files and buttons are offered in, and the order of the help.
  const others: Feature[] = [
    admin.feature(),
    meetings.feature,
    evaluations.feature,
    cases.feature,
    escalation.feature,
    searchFeature(askTally),
    privacy.feature,
  ];
  const qaFeature = qa.feature(others);
  const features: Feature[] = [...others, answerQuestion ? { ...qaFeature, answer: answerQuestion } : qaFeature];
  const scheduler = delivery.scheduler(features.map((f) => f.jobs));
  const router = new MessageRouter({
    features,
    roleOf: (asker) => permissions.roleOf(asker),
    download:
      options.download ??
      ((file) => downloadText(file, { maxBytes: MAX_IMPORT_MB * 1024 * 1024, strictHosts: config.authEnabled })),
    // Nothing is downloaded for someone who could not import it anyway (meeting plans need a managed group).
    mayImport: async (asker) => (await permissions.roleOf(asker)) !== "everyone",
    maxFileMb: MAX_IMPORT_MB,
  });
  const bot = new SamverkansBot(
    conversations,
    router,
    logger,
    conversationState,
    { exporter: admin, texts: adminText.exportFile },
    search,
    { storage: botStorage, writes: backgroundWrites },
  );
  const http = createServer({
    adapter,
    bot,
    logger,
    healthy: () => store.ping(),
    allowedTenants: config.ALLOWED_TENANT_IDS,
  });
  registerReportDownload(http.server, evaluations.reports, logger);
  registerFollowupDownload(http.server, cases.followup, logger);
  registerInfoPages(http.server, {
    privacy: pagesText.privacyPage(pagesText.retentionRows(config)),
    terms: pagesText.termsPage,
  });
  let stopping: Promise<void> | undefined;
  // Counts of answered entries reach Cosmos once a minute (and at shutdown).
  const flushCounts = () => askTally.flush().catch((err) => logger.warn({ err }, "could not store answer counts"));
  let flushTimer: NodeJS.Timeout | undefined;

  return {
    store,
    http,
    conversationState,
    knowledge,
    knowledgeStore,
    writes: backgroundWrites,
    feedback,
    vus,
    jobs,
    scheduler,
    router,
    features,
    meetings,
    evaluations,
    cases,
    escalation,
    search,
    askTally,
    privacy,
    start: async (port = config.PORT) => {
      const bound = await http.listen(port, config.host);
      boundPort = bound;
      flushTimer = setInterval(flushCounts, 60_000).unref();
      if (options.startScheduler ?? config.MEETINGS_SCHEDULER_ENABLED) {
        await privacy.retention.plan();
        scheduler.start(config.MEETINGS_SCHEDULER_INTERVAL_SECONDS * 1000);
      }
      return bound;
    },
    stop: () =>
      (stopping ??= (async () => {
        knowledge.stopPolling();
        clearInterval(flushTimer);
        await scheduler.stop();
        await http.drain(options.drainMs ?? 10_000);
        await flushCounts();
        await backgroundWrites.idle();
        await cases.stop();
        await store.close();
      })()),
  };
}
