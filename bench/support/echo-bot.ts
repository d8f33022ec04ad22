import restify from "restify";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";

// The baseline for bench/http-bench.ts: the smallest botbuilder bot on restify (the SDK's echo
// sample), so the bench can show what Samverkansboten's own code adds per request.
export async function startEchoBot(listenPort = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((r) => server.listen(listenPort, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () =>
      new Promise((r) => {
        (server.server as unknown as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => r());
      }),
  };
}
