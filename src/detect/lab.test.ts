// The detector's tabulated sRGB -> Lab against the exact definition in src/shared/lab.ts.
import { describe, expect, it } from 'vitest';
import { COLORS, GRAYS } from '../../test/support/colors.ts';
import { srgbToLab } from '../shared/lab.ts';
import { writeLabOfSrgb } from './lab.ts';

describe('writeLabOfSrgb', () => {
  it.each([
    [[255, 255, 255], [100, 0, 0]],
    [[0, 0, 0], [0, 0, 0]],
    [[128, 128, 128], [53.59, 0, 0]],
    [[255, 0, 0], [53.24, 80.09, 67.2]],
    [[0, 0, 255], [32.3, 79.19, -107.86]],
  ] as const)('%j -> %j', (rgb, want) => {
    const out = [0, 0, 0];
    writeLabOfSrgb(rgb[0], rgb[1], rgb[2], out);
    for (let k = 0; k < 3; k++) expect(out[k]).toBeCloseTo(want[k], 1);
  });

  it('agrees with the exact srgbToLab within 0.01 for all grays and 10,000 colours, at an offset', () => {
    const out = new Float64Array(4);
    let worst = 0;
    for (const [r, g, b] of [...GRAYS, ...COLORS]) {
      writeLabOfSrgb(r, g, b, out, 1);
      const exact = srgbToLab(r, g, b);
      worst = Math.max(worst, Math.abs(out[1] - exact.L), Math.abs(out[2] - exact.a), Math.abs(out[3] - exact.b));
    }
    expect(out[0]).toBe(0);
    expect(worst).toBeLessThan(0.01);
  });
});
