// The one sRGB <-> Lab definition: reference values, round trips, gamut handling.
import { describe, expect, it } from 'vitest';
import { COLORS, deltaE, GRAYS } from '../../test/support/colors.ts';
import { labToSrgb, srgbToLab } from './lab.ts';

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
    ['all 256 GRAYS', GRAYS],
    ['10,000 random colors', COLORS],
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

  it('GRAYS have no chroma', () => {
    for (const [v] of GRAYS) {
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

