// Colour hints, the pure parts: checking a hints list (engine, CLI and extension share it), hex
// colours, and their painting into the hint-ready network input (models/colorizer/info.json).
import { describe, expect, it } from 'vitest';
import { HINT_AB_SCALE, HINT_CHANNELS, HINT_PATCH, hintInput, hintPixel } from '../../src/engine/hint-input.ts';
import { checkHints, HintError, parseHexColor } from '../../src/engine/hints.ts';
import { workingGeometry } from '../../src/engine/working-input.ts';
import { loadGolden } from './model-files.ts';

describe('parseHexColor', () => {
  it.each([
    ['#4a7ab5', [0x4a, 0x7a, 0xb5]],
    ['#4A7AB5', [0x4a, 0x7a, 0xb5]],
    ['#abc', [0xaa, 0xbb, 0xcc]],
    ['#000', [0, 0, 0]],
    ['#ffffff', [255, 255, 255]],
  ])('%s -> %j', (color, rgb) => {
    expect(parseHexColor(color)).toEqual(rgb);
  });

  it.each(['4a7ab5', '#4a7ab', '#4a7ab5ff', '#abcd', '#ggg', 'blue', 'rgb(74, 122, 181)', '', '# abc', '#abc '])(
    'rejects %j',
    (color) => {
      expect(parseHexColor(color)).toBeNull();
    },
  );
});

describe('checkHints', () => {
  it.each([
    ['nothing', undefined, 0],
    ['an empty list', [], 0],
    ['one hint', [{ x: 0.5, y: 0.15, color: '#4a7ab5' }], 1],
    ['the corners and a short colour', [{ x: 0, y: 0, color: '#abc' }, { x: 1, y: 1, color: '#FFF' }], 2],
    ['extra keys (ignored)', [{ x: 0.2, y: 0.3, color: '#123456', id: 7 }], 1],
  ])('accepts %s', (_, hints, count) => {
    expect(checkHints(hints)).toHaveLength(count);
  });

  it.each([
    ['null', null, /^hints must be a list of \{ x, y, color \}, got null$/],
    ['an object', { x: 0.5, y: 0.5, color: '#fff' }, /^hints must be a list .*got an object$/],
    ['a string', '[{"x":0.5}]', /^hints must be a list/],
    ['a number entry', [3], /^hints\[0\] must be an object \{ x, y, color \}, got 3$/],
    ['a list entry', [[0.5, 0.5, '#fff']], /^hints\[0\] must be an object .*got a list$/],
    ['a null entry', [{ x: 0, y: 0, color: '#fff' }, null], /^hints\[1\] must be an object .*got null$/],
    ['x missing', [{ y: 0.5, color: '#fff' }], /^hints\[0\]: x must be a number from 0 to 1 \(a fraction of the image's width\), got nothing$/],
    ['x above 1', [{ x: 1.2, y: 0.5, color: '#fff' }], /^hints\[0\]: x must be .* got 1\.2$/],
    ['y below 0', [{ x: 0.5, y: -0.01, color: '#fff' }], /^hints\[0\]: y must be .*image's height\), got -0\.01$/],
    ['y as a string', [{ x: 0.5, y: '0.5', color: '#fff' }], /^hints\[0\]: y must be .* got "0\.5"$/],
    ['x NaN', [{ x: NaN, y: 0.5, color: '#fff' }], /^hints\[0\]: x must be .* got NaN$/],
    ['x in pixels', [{ x: 120, y: 40, color: '#fff' }], /^hints\[0\]: x must be .* got 120$/],
    ['color missing', [{ x: 0.5, y: 0.5 }], /^hints\[0\]: color must be a hex sRGB colour like "#4a7ab5" or "#abc", got nothing$/],
    ['a colour name', [{ x: 0.5, y: 0.5, color: 'blue' }], /^hints\[0\]: color must be .* got "blue"$/],
    ['an rgb() colour', [{ x: 0.5, y: 0.5, color: 'rgb(0, 0, 255)' }], /got "rgb\(0, 0, 255\)"$/],
    ['a colour as numbers', [{ x: 0.5, y: 0.5, color: [0, 0, 255] }], /^hints\[0\]: color must be .* got a list$/],
    ['"colour" for "color"', [{ x: 0.5, y: 0.5, colour: '#00f' }], /^hints\[0\]: color must be .* got nothing$/],
    ['the second entry bad', [{ x: 0.5, y: 0.5, color: '#00f' }, { x: 0.5, y: 2, color: '#00f' }], /^hints\[1\]: y must be/],
  ])('rejects %s with a clear message', (_, hints, message) => {
    let error: unknown;
    try {
      checkHints(hints);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HintError);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    // published CIE Lab (D65) a*, b* of the sRGB primaries; grays have none
    ['#ff0000', 80.09, 67.2],
    ['#00ff00', -86.18, 83.18],
    ['#0000ff', 79.19, -107.86],
    ['#808080', 0, 0],
  ])('gives %s its Lab a* %s, b* %s', (color, a, b) => {
    const [hint] = checkHints([{ x: 0, y: 0, color }]);
    expect(hint.a).toBeCloseTo(a, 1);
    expect(hint.b).toBeCloseTo(b, 1);
  });
});

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
