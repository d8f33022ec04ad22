import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { ConversationStore } from "../data/conversations";
import { FeedbackStore } from "../data/feedback";
import { KnowledgeStore } from "../data/kb/knowledge-store";
import { loadSeed } from "../data/kb/seed";
import { pseudonymFor } from "../core/pseudonym";
import { KnowledgeService } from "../dialogs/qa/knowledge-service";
import { QaDialog } from "../dialogs/qa/qa-dialog";
import { MessageRouter, type QuestionHandler } from "../dialogs/router";
import { createAdapter } from "./adapter";
import { createServer, type BotServer } from "./server";
import { SamverkansBot } from "./teams-bot";
import { CosmosBotStorage } from "./cosmos-storage";
import { ConversationState } from "botbuilder";
import { createMeetings, type Meetings } from "../dialogs/meetings/module";
import type { Clock } from "../dialogs/meetings/clock";
import type { FileDownloader } from "../dialogs/meetings/feature";
import { ProactiveMessenger } from "./proactive-messenger";

export interface App {
  store: CosmosStore;
  http: BotServer;
  conversationState: ConversationState;
  /** The served knowledge base: its engine, version and reload(). */
  knowledge: KnowledgeService;
  knowledgeStore: KnowledgeStore;
  meetings: Meetings;
  /** Listens; resolves with the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Replaces the knowledge-base question handler (tests). */
  answerQuestion?: QuestionHandler;
  /** Meetings: a test clock, a fixed instance name, a file downloader, no background scheduler. */
  clock?: Clock;
  instanceId?: string;
  download?: FileDownloader;
  startScheduler?: boolean;
}

/** Wires configuration, store, dialogs and the HTTP server together. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const store = await openCosmos({ endpoint: config.COSMOS_ENDPOINT, key: config.COSMOS_KEY, databaseId: config.COSMOS_DATABASE }, logger);
  const conversations = new ConversationStore(store.containers.conversations);
  const conversationState = new ConversationState(new CosmosBotStorage(store.containers.botState));
  // The knowledge base: seed into Cosmos when new, read it back once, then serve from memory and
  // poll the version marker so admins' changes reach every instance within KB_POLL_SECONDS.
  // A test that replaces the question handler does not need the base, and loading it costs ~1 s.
  const knowledgeStore = new KnowledgeStore(store.containers.knowledge, logger);
  const knowledge = new KnowledgeService(knowledgeStore, logger);
  if (!options.answerQuestion) {
    await knowledgeStore.ensureSeeded(loadSeed());
    await knowledge.reload();
    knowledge.startPolling(config.KB_POLL_SECONDS * 1000);
  }
  const qa = new QaDialog({
    knowledge,
    feedback: new FeedbackStore(store.containers.feedback),
    pseudonym: (asker) => pseudonymFor(config.pseudonymSecret, asker.tenantId, asker.aadObjectId ?? asker.userId),
    logger,
  });
  const answerQuestion: QuestionHandler = options.answerQuestion ?? qa.answer;
  const adapter = createAdapter(config, logger);
  const meetings = createMeetings({
    config,
    containers: store.containers,
    conversations,
    messenger: new ProactiveMessenger(adapter, config.MicrosoftAppId, conversations),
    logger,
    clock: options.clock,
    instanceId: options.instanceId,
    download: options.download,
  });
  await meetings.vus.seedGroups();
  const router = new MessageRouter({ answerQuestion, features: [meetings.feature], submissions: [qa.submission] });
  const bot = new SamverkansBot(conversations, router, logger, meetings.feature);
  const http = createServer({ adapter, bot, logger, healthy: () => store.ping(), allowedTenants: config.ALLOWED_TENANT_IDS });
  let stopping: Promise<void> | undefined;

  return {
    store,
    http,
    conversationState,
    knowledge,
    knowledgeStore,
    meetings,
    start: async (port = config.PORT) => {
      const bound = await http.listen(port, config.host);
      if (options.startScheduler ?? config.MEETINGS_SCHEDULER_ENABLED) meetings.scheduler.start(config.MEETINGS_SCHEDULER_INTERVAL_SECONDS * 1000);
      return bound;
    },
    stop: () =>
      (stopping ??= (async () => {
        knowledge.stopPolling();
        await meetings.scheduler.stop();
        await http.drain(10_000);
        await store.close();
      })()),
  };
}
