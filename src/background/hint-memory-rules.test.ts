import { describe, expect, it } from 'vitest';
import { lookUp, MAX_REMEMBERED, readMemory, withEdit } from './hint-memory-rules.ts';

const blue = [{ x: 0.1, y: 0.1, color: '#00f' }];

describe('hint memory', () => {
  it.each([
    { name: 'nothing stored', raw: undefined, keys: 0 },
    { name: 'not an object', raw: 'x', keys: 0 },
    { name: 'a good entry', raw: { 'a\nh': { hints: blue, at: 1 } }, keys: 1 },
    { name: 'bad hints are left out', raw: { 'a\nh': { hints: [{ x: 3, y: 0, color: '#00f' }], at: 1 } }, keys: 0 },
    { name: 'no time is left out', raw: { 'a\nh': { hints: blue } }, keys: 0 },
    { name: 'a bad strength is left out', raw: { 'a\nh': { hints: blue, at: 1, strength: 'x' } }, keys: 0 },
  ])('readMemory: $name', ({ raw, keys }) => {
    expect(Object.keys(readMemory(raw)).length).toBe(keys);
  });

  it('keeps an edit per site and content hash', () => {
    let m = withEdit({}, 'a.org', 'h1', { hints: blue, strength: 0.8, at: 1 });
    m = withEdit(m, 'b.org', 'h1', { hints: [{ x: 0.5, y: 0.5, color: '#0f0' }], at: 2 });
    expect(lookUp(m, 'a.org', 'h1')).toEqual({ hints: blue, strength: 0.8, at: 1 });
    expect(lookUp(m, 'b.org', 'h1')?.hints[0].color).toBe('#0f0');
    expect(lookUp(m, 'a.org', 'h2')).toBeUndefined();
  });

  it('an empty list forgets', () => {
    const m = withEdit(withEdit({}, 'a.org', 'h1', { hints: blue, at: 1 }), 'a.org', 'h1', { hints: [], at: 2 });
    expect(lookUp(m, 'a.org', 'h1')).toBeUndefined();
  });

  it('drops the oldest past the limit', () => {
    let m = {};
    for (let i = 0; i <= MAX_REMEMBERED; i++) m = withEdit(m, 's', `h${i}`, { hints: blue, at: i });
    expect(Object.keys(m).length).toBe(MAX_REMEMBERED);
    expect(lookUp(m, 's', 'h0')).toBeUndefined();
    expect(lookUp(m, 's', `h${MAX_REMEMBERED}`)).toBeDefined();
  });
});
