import { describe, expect, it } from 'vitest';
import { hash53, ImageStrengths, strengthIn, withStrength } from './image-strengths.ts';
import type { StorageArea, StrengthEntries } from './image-strengths.ts';

describe('withStrength', () => {
  it.each<[string, StrengthEntries, string, number | null, StrengthEntries]>([
    ['adds', {}, 'a', 0.7, { a: [0.7, 100] }],
    ['replaces', { a: [0.7, 1] }, 'a', 1.2, { a: [1.2, 100] }],
    ['forgets', { a: [0.7, 1], b: [1, 2] }, 'a', null, { b: [1, 2] }],
    ['clamps into the range', {}, 'a', 9, { a: [1.5, 100] }],
    ['keeps the newest when over the cap', { a: [1, 1], b: [1, 3], c: [1, 2] }, 'd', 0.5, { b: [1, 3], d: [0.5, 100] }],
  ])('%s', (_name, entries, key, strength, expected) => {
    expect(withStrength(entries, key, strength, 100, 2)).toEqual(expected);
  });
});

describe('strengthIn', () => {
  it.each([
    [{ k: [0.4, 1] }, 0.4],
    [{ k: [7, 1] }, undefined],
    [{ k: 'loud' }, undefined],
    [{}, undefined],
    [null, undefined],
    ['x', undefined],
  ])('%j -> %s', (entries, expected) => {
    expect(strengthIn(entries, 'k')).toBe(expected);
  });
});

describe('hash53', () => {
  it('is stable and tells site and URL apart', () => {
    expect(hash53('["a.example","https://a.example/p.jpg"]')).toBe(hash53('["a.example","https://a.example/p.jpg"]'));
    const keys = new Set(Array.from({ length: 2000 }, (_, i) => hash53(JSON.stringify(['a.example', `https://a.example/${i}.jpg`]))));
    expect(keys.size).toBe(2000);
  });
});

/** An in-memory storage area with storage.local's get/set behaviour (a real Map, no extension). */
function memoryArea(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
  };
}

describe('ImageStrengths', () => {
  it('remembers per site and URL, names neither in storage, and writes nothing from a private tab', async () => {
    const area = memoryArea();
    await new ImageStrengths('a.example', area, true).set('https://a.example/p.jpg', 0.6);
    expect(await new ImageStrengths('a.example', area, true).get('https://a.example/p.jpg')).toBe(0.6);
    expect(await new ImageStrengths('b.example', area, true).get('https://a.example/p.jpg')).toBeUndefined();
    expect(JSON.stringify([...area.data])).not.toMatch(/example/);
    await new ImageStrengths('a.example', area, false).set('https://a.example/q.jpg', 0.2);
    expect(await new ImageStrengths('a.example', area, true).get('https://a.example/q.jpg')).toBeUndefined();
    expect(await new ImageStrengths(null, area, true).get('https://a.example/p.jpg')).toBeUndefined();
  });
});
