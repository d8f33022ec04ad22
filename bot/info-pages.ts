import type restify from "restify";
import type { Page } from "../core/strings/pages";

// GET /privacy and /terms: the privacy notice and terms of use the Teams app package links to, served by
// the bot itself so the pages say what this deployment actually does (retention from its settings).

export const PRIVACY_PATH = "/privacy";
export const TERMS_PATH = "/terms";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
/** The strings mark commands as **bold**, as on cards. */
const inline = (s: string) => escapeHtml(s).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>");

export function renderPage(page: Page): string {
  const sections = page.sections.map((s) => {
    const table = s.table
      ? `<table><thead><tr><th>${inline(s.table.head[0])}</th><th>${inline(s.table.head[1])}</th></tr></thead><tbody>${s.table.rows
          .map(([a, b]) => `<tr><td>${inline(a)}</td><td>${inline(b)}</td></tr>`)
          .join("")}</tbody></table>`
      : "";
    return `<h2>${inline(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${inline(p)}</p>`).join("")}${table}`;
  });
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${inline(page.title)}</title><style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}</style></head><body><h1>${inline(page.title)}</h1><p>${inline(page.intro)}</p>${sections.join("")}</body></html>`;
}

export function registerInfoPages(server: restify.Server, pages: { privacy: Page; terms: Page }): void {
  const serve = (path: string, html: string) =>
    server.get(path, async (_req, res) => {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "public, max-age=3600",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(html);
    });
  serve(PRIVACY_PATH, renderPage(pages.privacy));
  serve(TERMS_PATH, renderPage(pages.terms));
}
