// Imports a year plan of VuS meetings from a CSV or JSON file, for operators:
//   npm run meetings:import -- plan.csv
// Same validation as a file sent to the bot: the whole file or nothing. Uses COSMOS_* from the environment.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { loadConfig, ConfigError } from "../core/config";
import { createLogger } from "../core/logger";
import { cosmosSettingsOf, openCosmos } from "../data/cosmos";
import { JobStore } from "../data/meetings/job-store";
import { VusStore } from "../data/meetings/vus-store";
import { systemClock } from "../core/clock";
import { configuredAdmins, Permissions } from "../core/permissions";
import { Delivery } from "../core/jobs/delivery";
import { createMeetings } from "../dialogs/meetings/module";
import { evaluationJobsFor } from "../dialogs/evaluations/module";
import { SendError } from "../core/jobs/messenger";
import { MAX_IMPORT_BYTES } from "../dialogs/meetings/import";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error("Användning: npm run meetings:import -- FIL.csv|FIL.json");
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const content = await readFile(file);
  if (content.length > MAX_IMPORT_BYTES) {
    console.error("Filen är för stor (högst 1 MB).");
    return 1;
  }
  const store = await openCosmos(cosmosSettingsOf(config), logger);
  try {
    // This process never sends: the running bot's scheduler picks the new jobs up.
    const vus = new VusStore(store.containers.vus);
    // Delivery records are only written when sending, which this process never does.
    const jobs = new JobStore(store.containers.jobs, randomBytes(32));
    const meetings = createMeetings({
      config,
      vus,
      jobs,
      permissions: new Permissions({
        isAdmin: configuredAdmins(config.ADMIN_AAD_OBJECT_IDS),
        membershipsOf: (aad) => vus.membershipsOf(aad),
      }),
      // This process plans jobs and never runs them.
      fanout: new Delivery({
        config,
        jobs,
        messenger: { send: async () => Promise.reject(new SendError("the import script does not send")) },
        clock: systemClock,
        logger,
        markInactive: async () => {},
      }).fanout,
      clock: systemClock,
      logger,
      extraJobs: evaluationJobsFor(config),
    });
    await vus.seedGroups();
    const result = await meetings.dialog.importText(
      basename(file),
      content.toString("utf8"),
      "*",
      "operator:meetings-import",
    );
    console.log(result.message);
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
