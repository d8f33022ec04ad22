import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

// Chart images for cards: a Vega-Lite spec in, a PNG out. Vega lays the chart out and writes SVG,
// resvg rasterises it with the DejaVu Sans font shipped in the dejavu-fonts-ttf package (no system fonts
// are read, so å, ä and ö render the same on every machine and in a bare container).

/** Teams shows card images up to 1024 × 1024 px. */
export const MAX_IMAGE_WIDTH = 1000;
export const CHART_FONT = "DejaVu Sans";

export type VegaLiteSpec = Record<string, unknown>;

function workerFile(): string {
  // Compiled code runs from dist/core/charts; the worker is plain JavaScript and stays in the source tree.
  return __dirname.includes(join("dist", "core", "charts"))
    ? join(__dirname, "..", "..", "..", "core", "charts", "render-worker.mjs")
    : join(__dirname, "render-worker.mjs");
}

function fontFiles(): string[] {
  const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  return [join(dir, "DejaVuSans.ttf"), join(dir, "DejaVuSans-Bold.ttf")];
}

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** One worker thread, started on first use; requests are answered in any order by id. */
export class ChartRenderer {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private readonly fonts = fontFiles();

  constructor(private readonly timeoutMs = 20_000) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerFile());
    worker.unref();
    worker.on("message", (m: { id: number; png?: Uint8Array; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.png) p.resolve(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
      else p.reject(new Error(`chart rendering failed: ${m.error ?? "unknown error"}`));
    });
    const failAll = (err: Error) => {
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(err);
        this.pending.delete(id);
      }
      this.worker = undefined;
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`chart worker exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  render(spec: VegaLiteSpec): Promise<Buffer> {
    const worker = this.start();
    const id = ++this.seq;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error("chart rendering timed out"));
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, spec, fontFiles: this.fonts, fontFamily: CHART_FONT, maxWidth: MAX_IMAGE_WIDTH });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
