import type restify from "restify";
import type { Logger } from "../core/logger";
import { casesText, filesText } from "../core/strings";
import { FOLLOWUP_PATH, type FollowupService } from "../dialogs/cases/followup-service";

/**
 * GET /api/reports/followup?t=<signed token>: a chart image of the yearly follow-up card, or the CSV
 * behind it. Teams fetches card images itself (through its image proxy, without the user's sign-in), so
 * the link must work without authentication: it is signed, expires, and shows only aggregated figures.
 */
export function registerFollowupDownload(server: restify.Server, followup: FollowupService, logger: Logger): void {
  server.get(FOLLOWUP_PATH, async (req, res) => {
    const token = new URL(req.url ?? "", "http://bot.invalid").searchParams.get("t") ?? "";
    let file: Awaited<ReturnType<FollowupService["download"]>>;
    try {
      file = await followup.download(token);
    } catch (err) {
      logger.error({ err }, "follow-up download failed");
      res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(filesText.internalError);
      return;
    }
    if (!file) {
      logger.info("follow-up download refused: invalid or expired link");
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(casesText.followup.expired);
      return;
    }
    const image = file.contentType === "image/png";
    logger.info({ bytes: file.body.length, image }, "follow-up file served");
    res.writeHead(200, {
      "content-type": file.contentType,
      // An image is shown in the card; a CSV is saved.
      "content-disposition": `${image ? "inline" : "attachment"}; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "content-length": file.body.length,
      "cache-control": image ? "private, max-age=3600" : "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    res.end(file.body);
  });
}
