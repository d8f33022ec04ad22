import type { Config } from "../core/config";
import type { Logger } from "../core/logger";
import { openCosmos, type CosmosStore } from "../data/cosmos";
import { ConversationStore } from "../data/conversations";
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
  const answerQuestion: QuestionHandler =
    options.answerQuestion ?? (async () => ({ text: "Kunskapsbanken är inte laddad ännu." }));
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
  const router = new MessageRouter({ answerQuestion, features: [meetings.feature] });
  const bot = new SamverkansBot(conversations, router, logger, meetings.feature);
  const http = createServer({ adapter, bot, logger, healthy: () => store.ping() });
  let stopping: Promise<void> | undefined;

  return {
    store,
    http,
    conversationState,
    meetings,
    start: async (port = config.PORT) => {
      const bound = await http.listen(port, config.host);
      if (options.startScheduler ?? config.MEETINGS_SCHEDULER_ENABLED) meetings.scheduler.start(config.MEETINGS_SCHEDULER_INTERVAL_SECONDS * 1000);
      return bound;
    },
    stop: () =>
      (stopping ??= (async () => {
        await meetings.scheduler.stop();
        await http.drain(10_000);
        await store.close();
      })()),
  };
}
