import { openCosmos } from "../data/cosmos";
import { createLogger } from "../core/logger";
import { startupFailureLine } from "../bot/startup-failure";

// An unreachable COSMOS_ENDPOINT at start is reported as one line naming the host and the cause, not
// as an error dump with headers, diagnostics and a stack.

const KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

describe("a store that cannot be reached at start", () => {
  it("is described in one line", async () => {
    const endpoint = "http://127.0.0.1:1";
    const err = await openCosmos({ endpoint, key: KEY, databaseId: "x" }, createLogger("silent")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeDefined();
    const line = startupFailureLine(err, endpoint);
    expect(line).not.toContain("\n");
    expect(line).toContain("127.0.0.1:1");
    expect(line).toContain("ECONNREFUSED");
    expect(line).toMatch(/COSMOS_ENDPOINT/);
    expect(line).not.toMatch(/\(\S+:\d+:\d+\)|diagnostics|headers|RestError/);
    expect(line.length).toBeLessThan(200);
  });

  it("never echoes a key that sits in the endpoint or the message", () => {
    const line = startupFailureLine(
      new Error(`boom AccountKey=${KEY}\n    at x (y.js:1:1)`),
      "https://a.documents.azure.com",
    );
    expect(line).not.toContain(KEY);
    expect(line).not.toContain("\n");
  });
});
