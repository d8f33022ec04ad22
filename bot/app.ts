import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { ConversationStore } from "../data/conversations";
import { FeedbackStore } from "../data/feedback";
import { KnowledgeStore } from "../data/kb/knowledge-store";
import { loadSeed } from "../data/kb/seed";
import { loadSourceTexts } from "../data/kb/source-texts";
import { pseudonymFor, QuestionSigner } from "../core/pseudonym";
import { KnowledgeService } from "../dialogs/qa/knowledge-service";
import { QaDialog } from "../dialogs/qa/qa-dialog";
import { MessageRouter, type QuestionHandler } from "../dialogs/router";
import { createAdapter } from "./adapter";
import { createServer, type BotServer } from "./server";
import { SamverkansBot } from "./teams-bot";
import { CosmosBotStorage } from "./cosmos-storage";
import { ConversationState } from "botbuilder";
import { createMeetings, type Meetings } from "../dialogs/meetings/module";
import { systemClock, type Clock } from "../dialogs/meetings/clock";
import type { Asker, FileDownload } from "../dialogs/types";
import { FileImports } from "../dialogs/file-imports";
import { ProactiveMessenger } from "./proactive-messenger";
import {
  createEvaluations,
  evaluationJobsFor,
  evaluationKeysFor,
  type Evaluations,
} from "../dialogs/evaluations/module";
import { registerReportDownload } from "./report-download";
import { adminText } from "../core/strings";
import { AdminDirectory } from "../data/admins";
import { KnowledgeEditor } from "../data/kb/knowledge-editor";
import { PendingImports } from "../data/kb/pending-imports";
import { AdminDialog } from "../dialogs/admin/admin-dialog";
import { downloadText } from "./file-transfer";
import { helpRoleOf } from "../dialogs/help-role";
import { DeclineHint } from "./decline-hint";
import { createCases, type Cases } from "../dialogs/cases/module";
import { registerFollowupDownload } from "./followup-download";

/** Largest file fetched for an import (the whole knowledge base exports to well under 1 MB; meeting plans are capped lower). */
const MAX_IMPORT_MB = 5;

export interface App {
  store: CosmosStore;
  http: BotServer;
  conversationState: ConversationState;
  /** The served knowledge base: its engine, version and reload(). */
  knowledge: KnowledgeService;
  knowledgeStore: KnowledgeStore;
  meetings: Meetings;
  evaluations: Evaluations;
  cases: Cases;
  /** Listens; resolves with the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Replaces the knowledge-base question handler (tests). */
  answerQuestion?: QuestionHandler;
  /** Meetings: a test clock, a fixed instance name, no background scheduler. */
  clock?: Clock;
  instanceId?: string;
  /** Replaces the download of files sent in chat (tests). */
  download?: FileDownload;
  startScheduler?: boolean;
}

/** Wires configuration, store, dialogs and the HTTP server together. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const store = await openCosmos(
    { endpoint: config.COSMOS_ENDPOINT, key: config.COSMOS_KEY, databaseId: config.COSMOS_DATABASE },
    logger,
  );
  const conversations = new ConversationStore(store.containers.conversations);
  const conversationState = new ConversationState(new CosmosBotStorage(store.containers.botState));
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
  const feedback = new FeedbackStore(store.containers.feedback);
  const qa = new QaDialog({
    knowledge,
    feedback,
    pseudonym: (asker) => pseudonymFor(config.pseudonymSecret, asker.tenantId, asker.aadObjectId ?? asker.userId),
    questions: new QuestionSigner(config.pseudonymSecret),
    logger,
  });
  const answerQuestion: QuestionHandler = options.answerQuestion ?? qa.answer;
  // One admin check for every feature: configured ids and admins added in Teams, any case.
  const admins = new AdminDirectory(store.containers.admin, config.ADMIN_AAD_OBJECT_IDS);
  const isAdmin = (aadObjectId: string | undefined) => admins.isAdmin(aadObjectId);
  const admin = new AdminDialog({
    admins,
    editor: new KnowledgeEditor(store.containers.knowledge, knowledgeStore),
    knowledge,
    feedback,
    imports: new PendingImports(store.containers.admin),
    logger,
    // Late-bound: the VuS store is built with the meetings feature below.
    people: async () => {
      const groups = await meetings.vus.listGroups();
      const members = (await Promise.all(groups.map((g) => meetings.vus.membersOf(g.id)))).flat();
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
  const keys = evaluationKeysFor(config, logger);
  const meetings = createMeetings({
    deliveryKey: keys.deliveryKey,
    config,
    containers: store.containers,
    conversations,
    messenger: new ProactiveMessenger(adapter, config.MicrosoftAppId, conversations),
    logger,
    clock: options.clock,
    instanceId: options.instanceId,
    isAdmin,
    adminIds: async () => [...admins.configuredIds, ...(await admins.added()).filter((a) => a.active).map((a) => a.id)],
    extraJobs: evaluationJobsFor(config),
    // Late-bound: the evaluation handler needs the fan-out that createMeetings builds.
    extraHandlers: {
      evaluation: { run: (job, heartbeat) => evaluations.jobHandler.run(job, heartbeat) },
      caseNotice: { run: (job, heartbeat) => cases.notices.run(job, heartbeat) },
    },
    agenda: (groupId) => cases.service.agenda(groupId),
  });
  let boundPort: number | undefined;
  const evaluations = createEvaluations({
    config,
    container: store.containers.evaluations,
    vus: meetings.vus,
    fanout: meetings.fanout,
    now: () => meetings.fanout.clock.now(),
    logger,
    isAdmin,
    keys,
    // Without PUBLIC_BASE_URL only a local (unauthenticated) bot can link to itself.
    publicBaseUrl: () =>
      config.PUBLIC_BASE_URL ?? (!config.authEnabled && boundPort ? `http://127.0.0.1:${boundPort}` : undefined),
  });
  const cases = createCases({
    config,
    container: store.containers.cases,
    vus: meetings.vus,
    jobs: meetings.jobs,
    fanout: meetings.fanout,
    isAdmin,
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
    now: () => meetings.fanout.clock.now(),
    logger,
  });
  await meetings.vus.seedGroups();
  const files = new FileImports({
    download:
      options.download ??
      ((file) => downloadText(file, { maxBytes: MAX_IMPORT_MB * 1024 * 1024, strictHosts: config.authEnabled })),
    mayImport: async (asker) => {
      const managed = await meetings.permissions.managedGroups(asker.aadObjectId);
      return managed === "*" || managed.size > 0;
    },
    maxMb: MAX_IMPORT_MB,
    knowledgeBase: admin,
    meetings: meetings.feature,
  });
  const router = new MessageRouter({
    answerQuestion,
    features: [files, { handle: admin.handle }, meetings.feature, evaluations.feature, cases.feature],
    submissions: [qa.submission],
    roleOf: helpRoleOf({ isAdmin, membershipsOf: (aad) => meetings.vus.membershipsOf(aad) }),
  });
  const cardActions = {
    execute: async (verb: string, data: unknown, asker: Asker) =>
      (await qa.execute(verb, data, asker)) ??
      (await meetings.feature.execute(verb, data, asker)) ??
      (await evaluations.feature.execute(verb, data, asker)) ??
      cases.feature.execute(verb, data, asker),
  };
  const bot = new SamverkansBot(
    conversations,
    router,
    logger,
    cardActions,
    { exporter: admin, texts: adminText.exportFile },
    new DeclineHint(conversationState, logger, () => (options.clock ?? systemClock).now()),
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
  let stopping: Promise<void> | undefined;

  return {
    store,
    http,
    conversationState,
    knowledge,
    knowledgeStore,
    meetings,
    evaluations,
    cases,
    start: async (port = config.PORT) => {
      const bound = await http.listen(port, config.host);
      boundPort = bound;
      if (options.startScheduler ?? config.MEETINGS_SCHEDULER_ENABLED)
        meetings.scheduler.start(config.MEETINGS_SCHEDULER_INTERVAL_SECONDS * 1000);
      return bound;
    },
    stop: () =>
      (stopping ??= (async () => {
        knowledge.stopPolling();
        await meetings.scheduler.stop();
        await http.drain(10_000);
        await cases.stop();
        await store.close();
      })()),
  };
}
