import { ChartRenderer } from "../core/charts/chart-renderer";
import { chart3a } from "../dialogs/cases/followup-charts";
import { buildIndicator3a } from "../dialogs/cases/followup";

// Chart rendering (Vega-Lite → SVG → PNG in the worker thread): first render including the worker's
// start, then 20 sequential renders of the 3a chart. Prints figures; asserts nothing.

async function main(): Promise<void> {
  const groups = ["Fagersta", "Köping", "Sala", "Västerås"].map((name) => ({
    id: name.toLowerCase().replace(/[^a-z]/g, ""),
    type: "group" as const,
    groupId: name.toLowerCase().replace(/[^a-z]/g, ""),
    name,
    municipalities: [name],
    updatedAt: "2026-01-01T00:00:00.000Z",
  }));
  const spec = chart3a(buildIndicator3a(2026, groups, []));
  const renderer = new ChartRenderer();
  let t = performance.now();
  const first = await renderer.render(spec);
  console.log(`charts: first render (worker start) ${(performance.now() - t).toFixed(0)} ms, ${first.length} bytes`);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    await renderer.render(spec);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`charts: warm render p50 ${times[10].toFixed(0)} ms, max ${times[19].toFixed(0)} ms (n=20)`);
  await renderer.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
