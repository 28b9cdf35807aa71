import { describe, expect, it } from 'vitest';
import { lightnessBlockMeans, rgbaToLightnessF } from './lab-buffers.ts';
import { reductionFactors, resamplePlane } from './resample.ts';
import { workingGeometry, workingInput } from './working-input.ts';

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

describe('reducing to the working size', () => {
  it.each([
    [4000, 3000, 256, 192, [7, 7]],
    [1000, 100, 256, 26, [1, 1]],
    [2048, 2048, 256, 256, [4, 4]],
    [17, 3000, 1, 256, [8, 5]],
  ])('%dx%d -> %dx%d averages blocks of %j first', (sw, sh, dw, dh, factors) => {
    expect(reductionFactors(sw, sh, dw, dh)).toEqual(factors);
  });

  it.each([
    [4000, 3000, 256, 192],
    [300, 200, 256, 171],
    [1, 1, 256, 256],
    [17, 3000, 1, 256],
    [50, 40, 256, 205],
  ])('a uniform gray %dx%d image stays uniform at %dx%d', (sw, sh, dw, dh) => {
    const rgba = new Uint8Array(sw * sh * 4).fill(140);
    const [kx, ky] = reductionFactors(sw, sh, dw, dh);
    const out = resamplePlane(lightnessBlockMeans(rgba, sw, sh, kx, ky), Math.ceil(sw / kx), Math.ceil(sh / ky), dw, dh);
    const expected = rgbaToLightnessF(new Uint8Array([140, 140, 140, 255]))[0];
    expect(out.length).toBe(dw * dh);
    expect(Math.max(...out.map((v) => Math.abs(v - expected)))).toBeLessThan(1e-5);
  });

  it('the triangle filter keeps a ramp a ramp (no shift)', () => {
    const out = resamplePlane(ramp(4000, 30), 4000, 30, 256, 2);
    for (let x = 1; x < 255; x++) {
      const expected = ((x + 0.5) * (4000 / 256) - 0.5) / 3999;
      expect(Math.abs(out[x] - expected)).toBeLessThan(1e-4);
    }
  });

  it('block means before the filter change the result by under 1% of the range (gray ramp photo)', () => {
    const [w, h, dw, dh] = [4000, 300, 256, 19];
    const rgba = new Uint8Array(w * h * 4);
    for (let p = 0; p < w * h; p++) rgba.fill(Math.round((255 * (p % w)) / (w - 1)), p * 4, p * 4 + 4);
    const direct = resamplePlane(rgbaToLightnessF(rgba), w, h, dw, dh);
    const [kx, ky] = reductionFactors(w, h, dw, dh);
    const staged = resamplePlane(lightnessBlockMeans(rgba, w, h, kx, ky), Math.ceil(w / kx), Math.ceil(h / ky), dw, dh);
    expect(Math.max(...staged.map((v, i) => Math.abs(v - direct[i])))).toBeLessThan(0.01);
  });

  it('averages 1-px stripes away when shrinking (no aliasing; edges aside)', () => {
    const stripes = new Float32Array(1000 * 4).map((_, i) => (i % 2 ? 1 : 0));
    const out = resamplePlane(stripes, 1000, 4, 100, 4);
    const interior = Array.from({ length: 4 }, (_, y) => Array.from(out.subarray(y * 100 + 1, y * 100 + 99))).flat();
    expect(Math.max(...interior.map((v) => Math.abs(v - 0.5)))).toBeLessThan(1e-4);
  });

  it('lightnessBlockMeans averages full and partial blocks, and is the plain lightness for 1x1 blocks', () => {
    const rgba = new Uint8Array([0, 0, 0, 255, 255, 255, 255, 255, 10, 200, 30, 255, 90, 20, 240, 255, 128, 128, 128, 255, 7, 7, 7, 255]);
    const f = rgbaToLightnessF(rgba);
    const means = lightnessBlockMeans(rgba, 3, 2, 2, 2);
    expect(means[0]).toBeCloseTo((f[0] + f[1] + f[3] + f[4]) / 4, 6);
    expect(means[1]).toBeCloseTo((f[2] + f[5]) / 2, 6);
    expect(Array.from(lightnessBlockMeans(rgba, 3, 2, 1, 1))).toEqual(Array.from(f));
  });
});

describe('workingInput', () => {
  it('normalizes L/50 - 1 and pads by repeating the edge', () => {
    // A 2x1 image becomes 256x128 content, padded below by repeating the last row.
    const geo = workingGeometry(2, 1);
    const input = workingInput(new Uint8Array([119, 119, 119, 255, 119, 119, 119, 255]), 2, 1, geo);
    const L = 116 * rgbaToLightnessF(new Uint8Array([119, 119, 119, 255]))[0] - 16;
    expect(input.length).toBe(256 * 256);
    for (const v of [input[0], input[255], input[255 * 256], input[256 * 256 - 1]]) expect(v).toBeCloseTo(L / 50 - 1, 5);
  });
});
