import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";

// A tiny sequential runner: jest cannot decide at run time that a step is skipped, and every step here
// must end with a screenshot whether it passed or not.

/** Thrown by a step that found at run time that it cannot run here; reported as skipped, with the reason. */
export class StepSkipped extends Error {}

export interface Step {
  name: string;
  /** Why the step cannot run yet (a feature not landed); the step is reported as skipped. */
  skipReason?: string;
  run(): Promise<void>;
}

export interface StepResult {
  name: string;
  status: "passed" | "failed" | "skipped";
  ms: number;
  screenshot?: string;
  detail?: string;
}

function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // å ä ö → a a o
    .replace(/[^\w]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60);
}

export async function runSteps(
  page: Page,
  steps: Step[],
  artifactsDir: string,
  log: (line: string) => void = console.log,
): Promise<StepResult[]> {
  await mkdir(artifactsDir, { recursive: true });
  const results: StepResult[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.skipReason) {
      results.push({ name: step.name, status: "skipped", ms: 0, detail: step.skipReason });
      log(`  - ${step.name} (skipped: ${step.skipReason})`);
      continue;
    }
    const started = Date.now();
    let failure: string | undefined;
    let skipped: string | undefined;
    try {
      await step.run();
    } catch (e) {
      if (e instanceof StepSkipped) skipped = e.message;
      else failure = e instanceof Error ? e.message : String(e);
    }
    const screenshot = join(artifactsDir, `${String(i + 1).padStart(2, "0")}-${slug(step.name)}.png`);
    try {
      await page.screenshot({ path: screenshot, fullPage: true });
    } catch (e) {
      failure ??= `screenshot failed: ${e instanceof Error ? e.message : String(e)}`;
    }
    const ms = Date.now() - started;
    if (skipped && !failure) {
      results.push({ name: step.name, status: "skipped", ms, screenshot, detail: skipped });
      log(`  - ${step.name} (skipped: ${skipped})\n      screenshot: ${screenshot}`);
    } else if (failure) {
      results.push({ name: step.name, status: "failed", ms, screenshot, detail: failure });
      log(`  ✗ ${step.name} (${ms} ms)\n      ${failure}\n      screenshot: ${screenshot}`);
    } else {
      results.push({ name: step.name, status: "passed", ms, screenshot });
      log(`  ✓ ${step.name} (${ms} ms)`);
    }
  }
  return results;
}
