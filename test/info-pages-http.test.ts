import { loadConfig } from "../core/config";
import { createLogger } from "../core/logger";
import { createApp, type App } from "../bot/app";

// The privacy notice and terms of use the Teams app package links to, served by the bot: Swedish HTML
// whose retention table follows this deployment's settings.

describe("privacy and terms pages", () => {
  let app: App;
  let base: string;

  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      COSMOS_DATABASE: `pages-${Date.now()}`,
      FEEDBACK_RETENTION_DAYS: "200",
      CASES_RETENTION_DAYS: "730",
      ESCALATIONS_RETENTION_DAYS: "180",
    });
    app = await createApp(config, createLogger("silent"), { startScheduler: false });
    base = `http://127.0.0.1:${await app.start(0)}`;
  });
  afterAll(() => app.stop());

  it("serves the privacy notice with the configured retention periods", async () => {
    const res = await fetch(`${base}/privacy`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="sv">/);
    expect(html).toContain("<h1>Integritet – Samverkansboten</h1>");
    expect(html).toContain("<td>Frågor som inte kunde besvaras säkert, och 👍/👎</td><td>200 dagar</td>");
    expect(html).toContain("därefter 2 år</td>");
    expect(html).toContain("<strong>lämna</strong>");
    // Questions to Välfärd name the asker: the notice says so, how long they are kept and what erasure does.
    expect(html).toContain(
      "<td>Frågor till Välfärd (med namn och Teams-id)</td><td>180 dagar efter att frågan besvarats eller avslutats; obesvarad 180 dagar efter att den ställdes</td>",
    );
    expect(html).toContain("Frågor till Välfärd: när du skickar en fråga");
    expect(html).toContain("en besvarad fråga finns kvar med svaret men utan ditt namn");
    expect(html).not.toContain("**");
  });

  it("serves the terms of use", async () => {
    const res = await fetch(`${base}/terms`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Användarvillkor – Samverkansboten</h1>");
    expect(html).toContain("Vid akut fara, ring 112.");
  });
});
