import http from "node:http";
import type { AddressInfo } from "node:net";
import { downloadText } from "../bot/file-transfer";
import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";
import { filesText } from "../core/strings";
import { TeamsTestClient } from "./support/teams-client";

// Files sent in chat are fetched only for someone allowed to import, only from Teams' SharePoint
// download hosts when authentication is on, over https without downgrade, through few redirects.

const FILE = { name: "plan.csv", downloadUrl: "" };

describe("downloadText", () => {
  let server: http.Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? "");
      const m = /^\/hop\/(\d+)$/.exec(req.url ?? "");
      if (m) {
        const n = Number(m[1]);
        res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/file" });
        return res.end();
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("länsdel;datum");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => (hits.length = 0));

  const local = { maxBytes: 1024, strictHosts: false };

  it("follows a few redirects", async () => {
    expect(await downloadText({ ...FILE, downloadUrl: `${base}/hop/1` }, local)).toEqual({
      ok: true,
      text: "länsdel;datum",
    });
  });

  it("stops after three redirects", async () => {
    const got = await downloadText({ ...FILE, downloadUrl: `${base}/hop/10` }, local);
    expect(got).toEqual({ ok: false, reason: "failed" });
    expect(hits.length).toBeLessThanOrEqual(4);
  });

  describe("with authentication on", () => {
    const strict = (fetch: typeof globalThis.fetch) => ({ maxBytes: 1024, strictHosts: true, fetch });
    const ok = () => new Response("länsdel;datum", { status: 200 });
    const redirect = (to: string) => new Response(null, { status: 302, headers: { location: to } });

    it("downloads from a SharePoint host", async () => {
      const calls: string[] = [];
      const fetch = (async (u: URL | string) => (calls.push(String(u)), ok())) as typeof globalThis.fetch;
      const url = "https://contoso-my.sharepoint.com/personal/a/_layouts/15/download.aspx?UniqueId=1";
      expect(await downloadText({ ...FILE, downloadUrl: url }, strict(fetch))).toEqual({
        ok: true,
        text: "länsdel;datum",
      });
      expect(calls).toEqual([url]);
    });

    it.each([
      "https://evil.example/plan.csv",
      "https://sharepoint.com.evil.example/plan.csv",
      "http://contoso-my.sharepoint.com/plan.csv",
      "https://169.254.169.254/metadata",
      "https://user:pw@contoso-my.sharepoint.com/plan.csv",
    ])("never fetches %s", async (url) => {
      const calls: string[] = [];
      const fetch = (async (u: URL | string) => (calls.push(String(u)), ok())) as typeof globalThis.fetch;
      expect(await downloadText({ ...FILE, downloadUrl: url }, strict(fetch))).toEqual({ ok: false, reason: "failed" });
      expect(calls).toEqual([]);
    });

    it.each(["https://evil.example/x", "http://contoso-my.sharepoint.com/x"])(
      "does not follow a redirect to %s",
      async (target) => {
        const calls: string[] = [];
        const fetch = (async (u: URL | string) => {
          calls.push(String(u));
          return calls.length === 1 ? redirect(target) : ok();
        }) as typeof globalThis.fetch;
        const url = "https://contoso-my.sharepoint.com/personal/a/download.aspx";
        expect(await downloadText({ ...FILE, downloadUrl: url }, strict(fetch))).toEqual({
          ok: false,
          reason: "failed",
        });
        expect(calls).toEqual([url]);
      },
    );
  });
});

describe("files sent in chat", () => {
  let app: App;
  let client: TeamsTestClient;
  const downloads: string[] = [];

  beforeAll(async () => {
    app = await createApp(loadConfig({ LOG_LEVEL: "silent" }), createLogger("silent"), {
      answerQuestion: async () => ({ text: "svar" }),
      startScheduler: false,
      download: async (file) => {
        downloads.push(file.downloadUrl);
        return { ok: true, text: "länsdel;datum;start;längd;plats;länk;tema;dagordning\n" };
      },
    });
    client = await TeamsTestClient.start(`http://127.0.0.1:${await app.start(0)}/api/messages`);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it("are not downloaded for someone who may not import anything", async () => {
    const res = await client.post(
      client.activity({
        type: "message",
        attachments: [
          {
            contentType: "application/vnd.microsoft.teams.file.download.info",
            name: "plan.csv",
            content: { downloadUrl: "https://evil.example/plan.csv", fileType: "csv" },
          },
        ],
      }),
    );
    expect(downloads).toEqual([]);
    expect(res.replies.map((r) => r.text)).toEqual([filesText.notAllowed]);
  });
});
