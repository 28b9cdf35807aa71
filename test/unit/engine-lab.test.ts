import { describe, expect, it } from 'vitest';
import { labToRgba, labToSrgb, rgbaToLab, rgbaToLightnessF, srgbToLab } from '../../src/engine/index.ts';
import { labF } from '../../src/engine/lab.ts';

function deltaE(p: { L: number; a: number; b: number }, q: { L: number; a: number; b: number }): number {
  return Math.hypot(p.L - q.L, p.a - q.a, p.b - q.b);
}

/** Deterministic colors (mulberry32), so a failure names the same color every run. */
function randomColors(count: number, seed = 1): [number, number, number][] {
  let s = seed;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => [
    Math.floor(next() * 256),
    Math.floor(next() * 256),
    Math.floor(next() * 256),
  ]);
}

const grays: [number, number, number][] = Array.from({ length: 256 }, (_, v) => [v, v, v]);
const colors = randomColors(10_000);

describe('srgbToLab / labToSrgb', () => {
  it.each([
    ['black', [0, 0, 0], { L: 0, a: 0, b: 0 }],
    ['white', [255, 255, 255], { L: 100, a: 0, b: 0 }],
    ['mid gray', [119, 119, 119], { L: 50.03, a: 0, b: 0 }],
    ['red', [255, 0, 0], { L: 53.24, a: 80.09, b: 67.2 }],
    ['green', [0, 255, 0], { L: 87.73, a: -86.18, b: 83.18 }],
    ['blue', [0, 0, 255], { L: 32.3, a: 79.19, b: -107.86 }],
  ] as const)('%s matches reference values', (_name, [r, g, b], expected) => {
    const lab = srgbToLab(r, g, b);
    expect(lab.L).toBeCloseTo(expected.L, 1);
    expect(lab.a).toBeCloseTo(expected.a, 1);
    expect(lab.b).toBeCloseTo(expected.b, 1);
  });

  it.each([
    ['all 256 grays', grays],
    ['10,000 random colors', colors],
  ])('round trip of %s through 8-bit stays within 0.5 deltaE', (_name, list) => {
    let worst = 0;
    for (const [r, g, b] of list) {
      const lab = srgbToLab(r, g, b);
      const back = labToSrgb(lab.L, lab.a, lab.b);
      const again = srgbToLab(Math.round(back.r), Math.round(back.g), Math.round(back.b));
      worst = Math.max(worst, deltaE(lab, again));
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('grays have no chroma', () => {
    for (const [v] of grays) {
      const { a, b } = srgbToLab(v, v, v);
      expect(Math.abs(a)).toBeLessThan(0.01);
      expect(Math.abs(b)).toBeLessThan(0.01);
    }
  });

  it.each([
    [50, 120, 120],
    [20, -100, 90],
    [90, 80, -110],
    [5, 60, 60],
    [99, -60, 100],
  ])('out of gamut L=%d a=%d b=%d keeps L and hue side, clips chroma', (L, a, b) => {
    const rgb = labToSrgb(L, a, b);
    for (const c of [rgb.r, rgb.g, rgb.b]) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(255);
    }
    const back = srgbToLab(rgb.r, rgb.g, rgb.b);
    expect(back.L).toBeCloseTo(L, 3);
    // Chroma shrinks toward gray but keeps its direction (signs of a and b).
    expect(Math.sign(back.a)).toBe(Math.sign(a));
    expect(Math.sign(back.b)).toBe(Math.sign(b));
    expect(Math.hypot(back.a, back.b)).toBeLessThan(Math.hypot(a, b));
  });
});

describe('buffer conversions (table driven)', () => {
  const rgba = new Uint8ClampedArray([...grays, ...colors].flatMap(([r, g, b]) => [r, g, b, 255]));

  it('rgbaToLab -> labToRgba stays within 0.5 deltaE for grays and 10,000 colors', () => {
    const lab = rgbaToLab(rgba);
    const back = rgbaToLab(labToRgba(lab));
    let worst = 0;
    for (let i = 0; i < lab.length; i += 3) {
      worst = Math.max(worst, Math.hypot(lab[i] - back[i], lab[i + 1] - back[i + 1], lab[i + 2] - back[i + 2]));
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('rgbaToLab agrees with the exact per-pixel conversion within 0.01', () => {
    const lab = rgbaToLab(rgba);
    [...grays, ...colors].forEach(([r, g, b], i) => {
      const exact = srgbToLab(r, g, b);
      expect(Math.abs(lab[i * 3] - exact.L)).toBeLessThan(0.01);
      expect(Math.abs(lab[i * 3 + 1] - exact.a)).toBeLessThan(0.01);
      expect(Math.abs(lab[i * 3 + 2] - exact.b)).toBeLessThan(0.01);
    });
  });

  it('rgbaToLightnessF gives L* within 0.01 and ignores hue', () => {
    const fy = rgbaToLightnessF(rgba);
    [...grays, ...colors].forEach(([r, g, b], i) => {
      expect(Math.abs(116 * fy[i] - 16 - srgbToLab(r, g, b).L)).toBeLessThan(0.01);
    });
    expect(116 * labF(1) - 16).toBe(100);
  });

  it('labToRgba copies alpha from the source buffer', () => {
    const src = new Uint8ClampedArray([10, 20, 30, 7, 200, 100, 50, 128]);
    const out = labToRgba(rgbaToLab(src), undefined, src);
    expect([out[3], out[7]]).toEqual([7, 128]);
  });
});
