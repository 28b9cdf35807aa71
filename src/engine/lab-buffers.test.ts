// The engine's whole-buffer Lab conversions (lookup tables) against the exact one.
import { describe, expect, it } from 'vitest';
import { COLORS, GRAYS } from '../../test/support/colors.ts';
import { labF, srgbToLab } from '../shared/lab.ts';
import { labToRgba, rgbaToLab, rgbaToLightnessF } from './lab-buffers.ts';

describe('buffer conversions (table driven)', () => {
  const rgba = new Uint8ClampedArray([...GRAYS, ...COLORS].flatMap(([r, g, b]) => [r, g, b, 255]));

  it('rgbaToLab -> labToRgba stays within 0.5 deltaE for all grays and 10,000 colors', () => {
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
    [...GRAYS, ...COLORS].forEach(([r, g, b], i) => {
      const exact = srgbToLab(r, g, b);
      expect(Math.abs(lab[i * 3] - exact.L)).toBeLessThan(0.01);
      expect(Math.abs(lab[i * 3 + 1] - exact.a)).toBeLessThan(0.01);
      expect(Math.abs(lab[i * 3 + 2] - exact.b)).toBeLessThan(0.01);
    });
  });

  it('rgbaToLightnessF gives L* within 0.01 and ignores hue', () => {
    const fy = rgbaToLightnessF(rgba);
    [...GRAYS, ...COLORS].forEach(([r, g, b], i) => {
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
