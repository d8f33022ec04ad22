// Renders Vega-Lite specs to PNG in a worker thread: vega and vega-lite are ES modules only (the bot is
// CommonJS), and layout plus rasterising takes tens of milliseconds of CPU that must not stall the turns
// the bot is answering. Messages: {id, spec, fontFiles, scale} in, {id, png} or {id, error} out.
import { parentPort } from "node:worker_threads";
import * as vega from "vega";
import * as vl from "vega-lite";
import { Resvg } from "@resvg/resvg-js";

parentPort.on("message", async ({ id, spec, fontFiles, fontFamily, maxWidth }) => {
  try {
    const compiled = vl.compile(spec).spec;
    // renderer "none": no canvas in Node; text is measured by vega's estimate and drawn by resvg.
    const view = new vega.View(vega.parse(compiled), { renderer: "none" });
    const svg = await view.toSVG();
    view.finalize();
    const resvg = new Resvg(svg, {
      background: "white",
      fitTo: { mode: "width", value: maxWidth },
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: fontFamily, sansSerifFamily: fontFamily },
    });
    // resvg's buffer lives outside V8's heap, and Node 24 refuses to transfer such memory: copy it into
    // an ordinary array first (a few kB), then transfer that.
    const png = new Uint8Array(resvg.render().asPng());
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
