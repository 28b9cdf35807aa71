// Small, synthetic cases for the detector's edges; the real-image tables are in
// test/unit/detect-table.test.ts.
import { describe, expect, it } from 'vitest';
import { detectImageKind } from './index.ts';

type Rgba = [number, number, number, number];

function image(width: number, height: number, pixel: (x: number, y: number) => Rgba): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return data;
}

/** A smooth, noisy "photo-like" lightness field (deterministic). */
function field(x: number, y: number): number {
  const n = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
  return 60 + 50 * Math.sin(x / 9) * Math.cos(y / 7) + 12 * (n - Math.floor(n));
}

describe('detectImageKind edge cases', () => {
  it.each([
    ['empty 0x0', 0, 0, () => [0, 0, 0, 255] as Rgba, 'not-photo'],
    ['single pixel', 1, 1, () => [90, 90, 90, 255] as Rgba, 'not-photo'],
    ['fully transparent', 32, 32, () => [10, 20, 30, 0] as Rgba, 'not-photo'],
    ['solid mid gray', 64, 64, () => [128, 128, 128, 255] as Rgba, 'not-photo'],
    ['solid red', 64, 64, () => [200, 30, 30, 255] as Rgba, 'not-photo'],
    ['smooth noisy gray field', 64, 48, (x: number, y: number) => {
      const v = Math.round(field(x, y) * 2);
      return [v, v, v, 255] as Rgba;
    }, 'grayscale'],
    ['the same field, sepia-mapped', 64, 48, (x: number, y: number) => {
      const t = field(x, y) / 130;
      return [40 + 200 * t, 24 + 190 * t, 12 + 160 * t, 255] as Rgba;
    }, 'toned'],
    ['the same field with hue varying across the frame', 64, 48, (x: number, y: number) => {
      const v = field(x, y) * 1.6;
      return [v + (x < 32 ? 50 : -20), v + (y < 24 ? 40 : -10), v + (x >= 32 ? 60 : -20), 255] as Rgba;
    }, 'color'],
    ['the gray field inside a large transparent margin (a cut-out)', 64, 64, (x: number, y: number) => {
      const v = Math.round(field(x, y) * 2);
      return [v, v, v, x < 20 ? 0 : 255] as Rgba;
    }, 'not-photo'],
    // A print's wide white border is one exact colour over half the buffer, like a logo's
    // background; it ends at a straight edge on all four sides, so it is a frame, not the picture.
    ['the gray field inside a wide pure-white border', 64, 64, (x: number, y: number) => {
      const inside = x >= 12 && x < 52 && y >= 12 && y < 52;
      const v = inside ? Math.min(235, Math.round(field(x, y) * 2)) : 255;
      return [v, v, v, 255] as Rgba;
    }, 'grayscale'],
    // Paper tone plus another image tone: neutral shadows, cream highlights (hue varies with L*,
    // colour is still a function of L*).
    ['the field as a neutral image on cream paper', 64, 48, (x: number, y: number) => {
      const t = Math.min(1, field(x, y) / 125);
      return [30 + 218 * t, 30 + 208 * t, 30 + 175 * t * t, 255] as Rgba;
    }, 'toned'],
    // A blue-black image on yellowed paper: cool shadows, warm highlights, both beyond the
    // chroma floor (two hues, but each tied to lightness the way a print's are) ...
    ['the field as a blue-black image on yellowed paper', 64, 48, (x: number, y: number) => {
      const v = Math.min(235, field(x, y) * 1.9);
      const t = v / 255;
      return [v - 4 * (1 - t) + 6 * t, v - (1 - t) + 3 * t, v + 10 * (1 - t) - 12 * t, 255] as Rgba;
    }, 'toned'],
    // ... while a photo has them the other way round: warm ground, cool bright sky.
    ['the field with warm shadows and cool highlights', 64, 48, (x: number, y: number) => {
      const v = Math.min(235, field(x, y) * 1.9);
      const t = v / 255;
      return [v + 8 * (1 - t) - 6 * t, v + 2 * (1 - t) - t, v - 14 * (1 - t) + 16 * t, 255] as Rgba;
    }, 'color'],
    // A faint cool cast over everything (haze, shade, overcast light) is not a toned print.
    ['the field with a faint blue cast', 64, 48, (x: number, y: number) => {
      const v = field(x, y) * 1.8;
      return [v, v + 6, v + 16, 255] as Rgba;
    }, 'color'],
  ] as const)('%s -> %s', (_name, w, h, px, kind) => {
    const d = detectImageKind(image(w, h, px), w, h);
    expect(d.kind, d.reason).toBe(kind);
    expect(d.score).toBeGreaterThanOrEqual(0.5);
    expect(d.score).toBeLessThanOrEqual(1);
    expect(Object.values(d.metrics).every(Number.isFinite)).toBe(true);
  });

  it('accepts a Uint8Array as well as a Uint8ClampedArray, with the same answer', () => {
    const data = image(40, 30, (x, y) => {
      const v = Math.round(field(x, y) * 2);
      return [v, v, v, 255];
    });
    const a = detectImageKind(data, 40, 30);
    const b = detectImageKind(new Uint8Array(data.buffer), 40, 30);
    expect(b).toEqual(a);
  });

  it('rejects a buffer shorter than width*height*4 and non-integer sizes', () => {
    expect(() => detectImageKind(new Uint8ClampedArray(10), 2, 2)).toThrow(RangeError);
    expect(() => detectImageKind(new Uint8ClampedArray(16), 1.5, 2)).toThrow(RangeError);
  });
});
