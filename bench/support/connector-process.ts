import { startMockConnector } from "./mock-connector";

// The mock Bot Connector in a process of its own; prints its service URL as one JSON line.
startMockConnector().then(({ serviceUrl, replies, close }) => {
  console.log(JSON.stringify({ serviceUrl }));
  process.once("SIGTERM", () => {
    console.error(`connector received ${replies()} replies`);
    close().then(() => process.exit(0));
  });
});
