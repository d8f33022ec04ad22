import { PNG } from "pngjs";
import { ChartRenderer, MAX_IMAGE_WIDTH } from "../core/charts/chart-renderer";

describe("chart renderer", () => {
  const renderer = new ChartRenderer();
  afterAll(() => renderer.close());

  it("renders a Vega-Lite bar chart with Swedish labels to a PNG within Teams' image limits", async () => {
    const png = await renderer.render({
      title: "Möten hållna per länsdel",
      width: 400,
      height: 200,
      data: {
        values: [
          { del: "Västerås", n: 4 },
          { del: "Köping", n: 2 },
        ],
      },
      mark: "bar",
      encoding: { x: { field: "del", type: "nominal" }, y: { field: "n", type: "quantitative" } },
    });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const image = PNG.sync.read(png);
    expect(image.width).toBeLessThanOrEqual(MAX_IMAGE_WIDTH);
    expect(image.height).toBeLessThanOrEqual(1024);
    // Not blank: bars are drawn in vega's default blue.
    let blue = 0;
    for (let i = 0; i < image.data.length; i += 4)
      if (image.data[i + 2] > 150 && image.data[i] < 120 && image.data[i + 1] < 160) blue++;
    expect(blue).toBeGreaterThan(1000);
  });

  it("rejects an invalid spec with an error instead of hanging", async () => {
    await expect(renderer.render({ mark: "no-such-mark" })).rejects.toThrow(/chart rendering failed/);
  });
});
