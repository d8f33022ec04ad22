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

export interface App {
  store: CosmosStore;
  http: BotServer;
  conversationState: ConversationState;
  /** Listens; resolves with the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Replaces the knowledge-base question handler (tests). */
  answerQuestion?: QuestionHandler;
}

/** Wires configuration, store, dialogs and the HTTP server together. */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const store = await openCosmos({ endpoint: config.COSMOS_ENDPOINT, key: config.COSMOS_KEY, databaseId: config.COSMOS_DATABASE }, logger);
  const conversations = new ConversationStore(store.containers.conversations);
  const conversationState = new ConversationState(new CosmosBotStorage(store.containers.botState));
  const answerQuestion: QuestionHandler =
    options.answerQuestion ?? (async () => ({ text: "Kunskapsbanken är inte laddad ännu." }));
  const router = new MessageRouter({ answerQuestion });
  const bot = new SamverkansBot(conversations, router, logger);
  const adapter = createAdapter(config, logger);
  const http = createServer({ adapter, bot, logger, healthy: () => store.ping(), allowedTenants: config.ALLOWED_TENANT_IDS });
  let stopping: Promise<void> | undefined;

  return {
    store,
    http,
    conversationState,
    start: (port = config.PORT) => http.listen(port, config.host),
    stop: () =>
      (stopping ??= (async () => {
        await http.drain(10_000);
        await store.close();
      })()),
  };
}
