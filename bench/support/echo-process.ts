import { startEchoBot } from "./echo-bot";

// The bare botbuilder echo bot in a process of its own; prints its URL as one JSON line.
startEchoBot(Number(process.env.PORT ?? 0)).then(({ url, close }) => {
  console.log(JSON.stringify({ url }));
  process.once("SIGTERM", () => close().then(() => process.exit(0)));
});
