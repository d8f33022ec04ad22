import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

// Debian's Chromium, not a Playwright-downloaded build: CI installs it with apt (see .ci/run), and
// nothing is fetched from the network at test time.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox", // CI runs as root in a container, where Chromium's sandbox cannot start
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `${CHROMIUM_PATH} not found: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}
