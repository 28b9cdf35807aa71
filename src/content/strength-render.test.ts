// scaleChroma: a result's a* and b* scaled with its L* kept, as the engine would have made it at
// another strength (to 8-bit rounding), with out-of-gamut colours pulled in at the same L*.
import { describe, expect, it } from 'vitest';
import { COLORS, GRAYS } from '../../test/support/colors.ts';
import type { Rgb8 } from '../../test/support/colors.ts';
import { srgbToLab } from '../shared/lab.ts';
import { scaleChroma } from './strength-render.ts';

function scaled(colors: Rgb8[], factor: number): Rgb8[] {
  const rgba = new Uint8ClampedArray(colors.flatMap(([r, g, b]) => [r, g, b, 200]));
  scaleChroma(rgba, factor);
  return colors.map((_, i) => [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]]);
}

const chroma = ({ a, b }: { a: number; b: number }) => Math.hypot(a, b);

describe('scaleChroma', () => {
  it.each([0, 0.3, 1.5])('leaves every gray gray (factor %s)', (factor) => {
    expect(scaled(GRAYS, factor)).toEqual(GRAYS);
  });

  it('changes nothing at factor 1, and keeps alpha', () => {
    const rgba = new Uint8ClampedArray([200, 40, 90, 17]);
    scaleChroma(rgba, 1);
    expect([...rgba]).toEqual([200, 40, 90, 17]);
    scaleChroma(rgba, 0.5);
    expect(rgba[3]).toBe(17);
  });

  it.each([
    // factor; the chroma ratio's error for 99% of colours (8-bit rounding), and at worst (a few
    // colours whose scaled chroma leaves the sRGB gamut at that L* and are pulled back in)
    [0.5, 0.02, 0.15],
    [0.8, 0.02, 0.15],
  ])('factor %s: L* kept, chroma scaled by the factor', (factor, p99, worst) => {
    const out = scaled(COLORS, factor);
    const errors: number[] = [];
    COLORS.forEach((color, i) => {
      const before = srgbToLab(...color);
      const after = srgbToLab(...out[i]);
      expect(Math.abs(after.L - before.L)).toBeLessThan(1);
      if (chroma(before) > 20) errors.push(Math.abs(chroma(after) / chroma(before) - factor));
    });
    errors.sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length * 0.99)]).toBeLessThan(p99);
    expect(errors[errors.length - 1]).toBeLessThan(worst);
  });

  it('takes every colour to gray at factor 0, keeping L*', () => {
    const out = scaled(COLORS, 0);
    COLORS.forEach((color, i) => {
      expect(Math.abs(srgbToLab(...out[i]).L - srgbToLab(...color).L)).toBeLessThan(1);
      expect(Math.max(...out[i]) - Math.min(...out[i])).toBeLessThanOrEqual(1);
    });
  });

  it('gives the same pixels done in pieces as in one go', () => {
    const whole = new Uint8ClampedArray(COLORS.flatMap(([r, g, b]) => [r, g, b, 255]));
    const pieces = whole.slice();
    scaleChroma(whole, 0.6);
    for (let start = 0; start < COLORS.length; start += 777) scaleChroma(pieces, 0.6, start, Math.min(COLORS.length, start + 777));
    expect(pieces).toEqual(whole);
  });

  it('raises chroma at factor 1.5 without leaving the gamut or changing L*', () => {
    const out = scaled(COLORS, 1.5);
    let raised = 0;
    COLORS.forEach((color, i) => {
      const before = srgbToLab(...color);
      const after = srgbToLab(...out[i]);
      expect(Math.abs(after.L - before.L)).toBeLessThan(1);
      if (chroma(after) > chroma(before) + 1) raised += 1;
    });
    // Many random colours are already at the gamut's edge; the rest gain chroma.
    expect(raised).toBeGreaterThan(COLORS.length * 0.3);
  });
});
