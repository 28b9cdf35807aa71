import { describe, expect, it } from 'vitest';
import { boxReduce, resizePlane, resamplePlane } from '../../src/engine/resample.ts';
import { workingGeometry, workingInput } from '../../src/engine/working-input.ts';

function ramp(w: number, h: number): Float32Array {
  const p = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) p[y * w + x] = x / Math.max(1, w - 1);
  return p;
}

describe('workingGeometry', () => {
  it.each([
    [1, 1, 256, 256],
    [4000, 3000, 256, 192],
    [3000, 4000, 192, 256],
    [17, 3000, 1, 256],
    [3000, 17, 256, 1],
    [256, 256, 256, 256],
    [100, 50, 256, 128],
  ])('%dx%d -> content %dx%d inside 256x256', (w, h, cw, ch) => {
    expect(workingGeometry(w, h)).toEqual({ size: 256, width: cw, height: ch });
  });
});

describe('resizing planes', () => {
  it.each([
    [4000, 3000, 256, 192],
    [300, 200, 256, 171],
    [1, 1, 256, 256],
    [17, 3000, 1, 256],
    [50, 40, 256, 205],
  ])('a constant %dx%d plane stays constant at %dx%d', (sw, sh, dw, dh) => {
    const out = resizePlane(new Float32Array(sw * sh).fill(0.42), sw, sh, dw, dh);
    expect(out.length).toBe(dw * dh);
    expect(Math.max(...out.map((v) => Math.abs(v - 0.42)))).toBeLessThan(1e-5);
  });

  it('keeps a horizontal ramp a ramp (no shift beyond half a target pixel)', () => {
    const out = resizePlane(ramp(4000, 30), 4000, 30, 256, 2);
    for (let x = 0; x < 256; x++) {
      const expected = ((x + 0.5) * (4000 / 256) - 0.5) / 3999;
      expect(Math.abs(out[x] - expected)).toBeLessThan(0.5 / 256 + 1e-3);
    }
  });

  it('averages 1-px stripes away when shrinking (no aliasing; edges aside)', () => {
    const stripes = new Float32Array(1000 * 4).map((_, i) => (i % 2 ? 1 : 0));
    const out = resamplePlane(stripes, 1000, 4, 100, 4);
    const interior = Array.from({ length: 4 }, (_, y) => Array.from(out.subarray(y * 100 + 1, y * 100 + 99))).flat();
    expect(Math.max(...interior.map((v) => Math.abs(v - 0.5)))).toBeLessThan(1e-4);
  });

  it('boxReduce averages full and partial blocks', () => {
    const src = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Array.from(boxReduce(src, 5, 2, 2, 2))).toEqual([(1 + 2 + 6 + 7) / 4, (3 + 4 + 8 + 9) / 4, (5 + 10) / 2]);
  });
});

describe('workingInput', () => {
  it('normalizes L/50 - 1 and pads by repeating the edge', () => {
    // f = 0.5 -> L = 42; a 2x1 image becomes 256x128 content, padded below.
    const geo = workingGeometry(2, 1);
    const input = workingInput(new Float32Array([0.5, 0.5]), 2, 1, geo);
    expect(input.length).toBe(256 * 256);
    for (const v of [input[0], input[255], input[255 * 256], input[256 * 256 - 1]]) expect(v).toBeCloseTo(42 / 50 - 1, 5);
  });
});
