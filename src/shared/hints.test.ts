// The shared hint rules: hex colours, canonical form (what the result cache keys on) and the message check.
import { describe, expect, it } from 'vitest';
import { canonicalHints, HintError, isHintList, MAX_MESSAGE_HINTS, parseHexColor } from './hints.ts';

const blue = { x: 0.5, y: 0.1, color: '#0000ff' };
const many = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i / n, y: 0.5, color: '#abc' }));

describe('canonicalHints', () => {
  it.each([
    ['no hints', undefined, ''],
    ['an empty list', [], ''],
    ['one hint', [blue], '[[0.5,0.1,"#0000ff"]]'],
    ['keys in another order', [{ color: '#0000ff', y: 0.1, x: 0.5 }], '[[0.5,0.1,"#0000ff"]]'],
    ['upper-case hex', [{ x: 0.5, y: 0.1, color: '#0000FF' }], '[[0.5,0.1,"#0000ff"]]'],
    ['short hex', [{ x: 0.5, y: 0.1, color: '#00F' }], '[[0.5,0.1,"#0000ff"]]'],
    ['an extra key', [{ ...blue, note: 'sky' }], '[[0.5,0.1,"#0000ff"]]'],
    ['two hints, in order', [blue, { x: 0, y: 1, color: '#c0392b' }], '[[0.5,0.1,"#0000ff"],[0,1,"#c0392b"]]'],
  ])('%s -> %j', (_name, hints, text) => expect(canonicalHints(hints)).toBe(text));

  it('throws on malformed hints', () => expect(() => canonicalHints([{ x: 2, y: 0, color: '#fff' }])).toThrow(HintError));
});

describe('isHintList (a message field)', () => {
  it.each([
    ['an empty list', [], true],
    ['one hint', [blue], true],
    [`${MAX_MESSAGE_HINTS} hints`, many(MAX_MESSAGE_HINTS), true],
    [`${MAX_MESSAGE_HINTS + 1} hints`, many(MAX_MESSAGE_HINTS + 1), false],
    ['undefined (checked as optional by the message)', undefined, false],
    ['an object', blue, false],
    ['x above 1', [{ x: 1.5, y: 0, color: '#fff' }], false],
    ['a colour name', [{ x: 0.5, y: 0, color: 'blue' }], false],
    ['a null entry', [blue, null], false],
  ])('%s: %s', (_name, value, ok) => expect(isHintList(value)).toBe(ok));
});

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
