import { describe, expect, it } from 'vitest';
import { composeColor, type AbGrid } from './compose.ts';
import { rgbaToLab, rgbaToLightnessF } from './index.ts';
import { workingGeometry } from './working-input.ts';
import { grayGradient } from '../../test/support/engine-test-images.ts';

/** A 64x64 grid (stride 4) with chroma (a, b) on the content's left half and (-a, -b) on its right. */
function splitGrid(width: number, height: number, a: number, b: number): AbGrid {
  const geo = workingGeometry(width, height);
  const data = new Float32Array(64 * 64 * 2);
  const half = geo.width / 4 / 2;
  for (let r = 0; r < 64; r++) {
    for (let c = 0; c < 64; c++) {
      const sign = c < half ? 1 : -1;
      data[(r * 64 + c) * 2] = sign * a;
      data[(r * 64 + c) * 2 + 1] = sign * b;
    }
  }
  return { data, rows: 64, cols: 64, stride: 4, contentWidth: geo.width, contentHeight: geo.height };
}

describe('composeColor', () => {
  it.each([
    ['moderate chroma', 30, 20],
    ['far out of gamut', 120, -120],
    ['extreme', 300, 300],
  ])('keeps every pixel lightness within one 8-bit step with %s', (_name, a, b) => {
    const input = grayGradient(300, 200);
    const fy = rgbaToLightnessF(input.data);
    const out = composeColor(input.data, 300, 200, splitGrid(300, 200, a, b), 1);
    const outF = rgbaToLightnessF(out);
    let worst = 0;
    for (let i = 0; i < fy.length; i++) worst = Math.max(worst, Math.abs(outF[i] - fy[i]) * 116);
    expect((worst * 255) / 100).toBeLessThanOrEqual(1);
  });

  it('places the colors where the grid has them (left half warm, right half cool)', () => {
    const input = grayGradient(400, 100);
    const out = composeColor(input.data, 400, 100, splitGrid(400, 100, 40, 30), 1);
    const lab = rgbaToLab(out);
    const at = (x: number, y: number) => lab.subarray((y * 400 + x) * 3, (y * 400 + x) * 3 + 3);
    expect(at(20, 50)[1]).toBeGreaterThan(20);
    expect(at(380, 50)[1]).toBeLessThan(-20);
    // The edge is in the middle, blurred over about one grid cell (400/256*4 ≈ 6 px) either side.
    expect(Math.abs(at(200, 50)[1])).toBeLessThan(25);
  });

  it('scales chroma with strength (mid gray: no gamut clipping) and copies alpha', () => {
    const input = grayGradient(50, 50);
    input.data.fill(128);
    input.data[3] = 9;
    const grid = splitGrid(50, 50, 20, 10);
    const chroma = (s: number) => {
      const lab = rgbaToLab(composeColor(input.data, 50, 50, grid, s));
      let sum = 0;
      for (let i = 0; i < lab.length; i += 3) sum += Math.hypot(lab[i + 1], lab[i + 2]);
      return sum / (lab.length / 3);
    };
    expect(chroma(0)).toBeLessThan(0.5);
    // 8-bit rounding of the output costs a few percent of chroma this small.
    expect(chroma(1.5) / chroma(1)).toBeGreaterThan(1.4);
    expect(chroma(1.5) / chroma(1)).toBeLessThan(1.6);
    expect(composeColor(input.data, 50, 50, grid, 1)[3]).toBe(9);
  });
});
