// Colour hints painted into the hint-ready network input (models/colorizer/info.json).
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../test/support/model-files.ts';
import { HINT_AB_SCALE, HINT_CHANNELS, HINT_PATCH, hintInput, hintPixel } from './hint-input.ts';
import { checkHints } from './hints.ts';
import { workingGeometry } from './working-input.ts';

/** The painted pixels of a 4-channel input: [row, col, a, b] where the mask is 1. */
function painted(input: Float32Array, size: number): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let strays = 0; // hint values where the mask is 0
  for (let i = 0; i < size * size; i++) {
    const p = i * HINT_CHANNELS;
    if (input[p + 3] === 1) out.push([Math.floor(i / size), i % size, input[p + 1], input[p + 2]]);
    else if (input[p + 1] !== 0 || input[p + 2] !== 0 || input[p + 3] !== 0) strays++;
  }
  expect(strays).toBe(0);
  return out;
}

const cells = (list: [number, number, number, number][]) => list.map(([r, c]) => `${r},${c}`).sort();
const square = (row: number, col: number) =>
  [-1, 0, 1].flatMap((dr) => [-1, 0, 1].map((dc) => `${row + dr},${col + dc}`)).sort();

describe('hintInput', () => {
  it('keeps the L plane as channel 0 and leaves the hint channels empty without hints', () => {
    const geo = workingGeometry(300, 200);
    const plane = Float32Array.from({ length: geo.size * geo.size }, (_, i) => (i % 97) / 50 - 1);
    const input = hintInput(plane, [], geo);
    expect(input).toHaveLength(plane.length * 4);
    for (let i = 0; i < plane.length; i++) expect(input[i * 4]).toBe(plane[i]);
    expect(painted(input, geo.size)).toEqual([]);
  });

  it.each([
    // [image width, height, hint x, y, the working pixel (col, row) it lands on]
    [256, 256, 0.5, 0.15, [128, 38]],
    [512, 256, 0.5, 0.5, [128, 64]], // landscape: content 256x128 at the top, padding below
    [256, 512, 0.5, 0.5, [64, 128]], // portrait: content 128x256 at the left, padding to the right
    [512, 256, 1, 1, [255, 127]], // x = 1, y = 1: the last content pixel, not the padding
    [300, 200, 0, 0, [0, 0]],
    [3000, 17, 0.999, 0.5, [255, 0]], // content 256x1
  ])('a %dx%d image: a hint at (%s, %s) lands on working pixel %j', (width, height, x, y, pixel) => {
    expect(hintPixel(x, y, workingGeometry(width, height))).toEqual(pixel);
  });

  it('paints a 3x3 square of the colour, a and b over 110, clipped to the content (never the padding)', () => {
    expect(HINT_PATCH).toBe(3);
    expect(HINT_AB_SCALE).toBe(110);
    const geo = workingGeometry(512, 256); // content 256x128
    const hints = checkHints([
      { x: 0.5, y: 0.5, color: '#0000ff' },
      { x: 1, y: 1, color: '#ff0000' }, // bottom right corner of the content: 2x2 left
      { x: 0, y: 0.5, color: '#00ff00' }, // left edge: 3x2 left
    ]);
    const list = painted(hintInput(new Float32Array(geo.size * geo.size), hints, geo), geo.size);
    expect(cells(list)).toEqual(
      [...square(64, 128), '126,254', '126,255', '127,254', '127,255', '63,0', '63,1', '64,0', '64,1', '65,0', '65,1'].sort(),
    );
    const at = (r: number, c: number) => list.find(([lr, lc]) => lr === r && lc === c)!;
    expect(at(64, 128)[2]).toBeCloseTo(79.19 / 110, 3);
    expect(at(64, 128)[3]).toBeCloseTo(-107.86 / 110, 3);
    expect(at(127, 255)[2]).toBeCloseTo(80.09 / 110, 3);
    expect(list.every(([r]) => r < geo.height)).toBe(true);
  });

  it('lets a later hint overwrite an earlier one where they overlap', () => {
    const geo = workingGeometry(256, 256);
    const [red, blue] = checkHints([{ x: 0.5, y: 0.5, color: '#f00' }, { x: 0.505, y: 0.5, color: '#00f' }]);
    const list = painted(hintInput(new Float32Array(256 * 256), [red, blue], geo), 256);
    expect(list).toHaveLength(12);
    const at = (r: number, c: number) => list.find(([lr, lc]) => lr === r && lc === c)!;
    expect(at(128, 128)[2]).toBeCloseTo(blue.a / 110, 6); // overlap: blue, the later one
    expect(at(128, 127)[2]).toBeCloseTo(red.a / 110, 6);
  });

  it("paints the golden case's hints exactly where and as PyTorch's export did", () => {
    const golden = loadGolden();
    const hinted = golden.cases.find((c) => c.name === 'hints');
    if (!hinted) return expect(golden.inputChannels).toBe(1); // a model without hints has no such case
    const [, rows, cols] = golden.lightnessShape;
    const geo = workingGeometry(cols, rows);
    const list = painted(hintInput(new Float32Array(rows * cols), checkHints(hinted.hints), geo), geo.size);
    expect(cells(list)).toEqual(cells(hinted.hintPixels));
    const want = new Map(hinted.hintPixels.map(([r, c, a, b]) => [`${r},${c}`, [a, b]]));
    for (const [r, c, a, b] of list) {
      const [wa, wb] = want.get(`${r},${c}`)!;
      expect(Math.abs(a - wa)).toBeLessThan(1e-6);
      expect(Math.abs(b - wb)).toBeLessThan(1e-6);
    }
  });
});
