// Measuring what a colour hint did: the mean CIE Lab a*, b* of an image region around a point,
// as chroma and hue (degrees, 0..360), and hue distances.
import type { RgbaImage } from '../../src/engine/index.ts';
import { srgbToLab } from '../../src/shared/lab.ts';
import { parseHexColor } from '../../src/engine/hints.ts';

export interface RegionColor {
  a: number;
  b: number;
  chroma: number;
  hue: number;
}

function polar(a: number, b: number): RegionColor {
  return { a, b, chroma: Math.hypot(a, b), hue: ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360 };
}

/** Mean a*, b* of the pixels within r (a fraction of each side) of the point (x, y). */
export function regionColor(image: RgbaImage, x: number, y: number, r: number): RegionColor {
  const { data, width, height } = image;
  const x0 = Math.max(0, Math.round((x - r) * width));
  const x1 = Math.min(width, Math.round((x + r) * width));
  const y0 = Math.max(0, Math.round((y - r) * height));
  const y1 = Math.min(height, Math.round((y + r) * height));
  let sa = 0;
  let sb = 0;
  for (let row = y0; row < y1; row++) {
    for (let col = x0; col < x1; col++) {
      const p = (row * width + col) * 4;
      const lab = srgbToLab(data[p], data[p + 1], data[p + 2]);
      sa += lab.a;
      sb += lab.b;
    }
  }
  const n = (x1 - x0) * (y1 - y0);
  return polar(sa / n, sb / n);
}

export function hexColor(color: string): RegionColor {
  const lab = srgbToLab(...parseHexColor(color)!);
  return polar(lab.a, lab.b);
}

/** Smallest angle between two hues, degrees (0..180). */
export function hueDistance(h1: number, h2: number): number {
  const d = Math.abs(h1 - h2) % 360;
  return d > 180 ? 360 - d : d;
}

export const describeColor = (c: RegionColor) => `a ${c.a.toFixed(1)} b ${c.b.toFixed(1)} (chroma ${c.chroma.toFixed(1)}, hue ${c.hue.toFixed(0)})`;
