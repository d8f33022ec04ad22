import { REPO_ROOT } from "../core/repo-root";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

// Draws the two Teams app icons from geometry so they can be regenerated without an image editor.
// Glyph: two overlapping rings, the two principals (region and municipality) working together.
// Run: npm run icons (writes manifest/color.png and manifest/outline.png).

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

const BLUE: Rgb = [0x00, 0x5a, 0x9c];
const GREEN: Rgb = [0x2e, 0x8b, 0x57];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4; // per axis: 16 samples per pixel give smooth edges without a graphics library

const roundedSquare =
  (size: number, radius: number): Shape =>
  (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

const ring =
  (cx: number, cy: number, outer: number, thickness: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= outer && d >= outer - thickness;
  };

/** Two overlapping rings centred in a box of `size`, scaled to it. */
function ringsGlyph(size: number, radiusRatio: number, strokeRatio: number): Shape {
  const r = size * radiusRatio;
  const stroke = size * strokeRatio;
  const offset = r * 0.55;
  const left = ring(size / 2 - offset, size / 2, r, stroke);
  const right = ring(size / 2 + offset, size / 2, r, stroke);
  return (x, y) => left(x, y) || right(x, y);
}

/** Fraction of the pixel at (px, py) covered by the shape. */
function coverage(shape: Shape, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < SUBSAMPLES; i++)
    for (let j = 0; j < SUBSAMPLES; j++) if (shape(px + (i + 0.5) / SUBSAMPLES, py + (j + 0.5) / SUBSAMPLES)) hits++;
  return hits / SUBSAMPLES ** 2;
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb =>
  [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t)) as unknown as Rgb;

function setPixel(png: PNG, x: number, y: number, [r, g, b]: Rgb, alpha: number): void {
  const i = (png.width * y + x) * 4;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = Math.round(alpha * 255);
}

/** 192x192 full-colour icon: blue-to-green rounded square with the white glyph. */
function drawColorIcon(size = 192): PNG {
  const png = new PNG({ width: size, height: size });
  const background = roundedSquare(size, size * 0.2);
  const glyph = ringsGlyph(size, 0.24, 0.065);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const bg = coverage(background, x, y);
      const fg = coverage(glyph, x, y);
      const fill = mix(BLUE, GREEN, (x + y) / (2 * size));
      // Edge pixels of the square stay the fill colour with partial alpha so no dark fringe appears.
      setPixel(png, x, y, mix(fill, WHITE, fg), bg);
    }
  return png;
}

/** 32x32 outline icon: white glyph on a transparent background, the only colours Teams accepts. */
function drawOutlineIcon(size = 32): PNG {
  const png = new PNG({ width: size, height: size });
  const glyph = ringsGlyph(size, 0.26, 0.09);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      // Transparent pixels are white too, so no tool can read a stray colour from them.
      setPixel(png, x, y, WHITE, coverage(glyph, x, y));
    }
  return png;
}

if (require.main === module) {
  const dir = join(REPO_ROOT, "manifest");
  writeFileSync(join(dir, "color.png"), PNG.sync.write(drawColorIcon()));
  writeFileSync(join(dir, "outline.png"), PNG.sync.write(drawOutlineIcon()));
  console.log(`Wrote color.png and outline.png to ${dir}`);
}
