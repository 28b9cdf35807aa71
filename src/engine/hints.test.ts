// The engine's hint check: the shared rule's messages, and each hint's Lab a*, b*.
import { describe, expect, it } from 'vitest';
import { checkHints, HintError } from './hints.ts';

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
