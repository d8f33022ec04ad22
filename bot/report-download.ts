import type restify from "restify";
import type { Logger } from "../core/logger";
import { evaluationsText, filesText } from "../core/strings";
import { REPORT_PATH, type ReportService } from "../dialogs/evaluations/report-service";

/**
 * GET /api/reports/2b?t=<signed token>: the report CSV behind the card's download button. (A query
 * parameter, not a path segment: the router caps path parameters at 100 characters.) Served by the
 * bot itself (any instance: the link is self-contained) rather than through Teams' file-consent flow,
 * which works only in personal chat and needs a round trip through OneDrive.
 */
export function registerReportDownload(server: restify.Server, reports: ReportService, logger: Logger): void {
  server.get(REPORT_PATH, async (req, res) => {
    const token = new URL(req.url ?? "", "http://bot.invalid").searchParams.get("t") ?? "";
    let file: Awaited<ReturnType<ReportService["download"]>>;
    try {
      file = await reports.download(token);
    } catch (err) {
      logger.error({ err }, "report download failed");
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(filesText.internalError);
      return;
    }
    if (!file) {
      logger.info("report download refused: invalid or expired link");
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(evaluationsText.csv.expired);
      return;
    }
    logger.info({ bytes: file.body.length }, "report downloaded");
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "content-length": file.body.length,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    res.end(file.body);
  });
}
