import { describe, expect, it } from 'vitest';
import { CACHE_TTL_MS, cacheAllowed, cacheKey, expired } from './result-cache.ts';

describe('result cache privacy', () => {
  it.each<[string, { incognito?: boolean } | undefined, boolean]>([
    ['a normal tab', { incognito: false }, true],
    ['a private (incognito) tab', { incognito: true }, false],
    ['a tab that does not say', {}, true],
    ['no tab (not a page)', undefined, false],
  ])('%s: cache used %s', (_name, tab, allowed) => expect(cacheAllowed(tab)).toBe(allowed));

  it('keys are SHA-256 hex, without the URL, and differ per site, image, model and strength', async () => {
    const url = 'https://photos.example/secret-name.jpg';
    const key = await cacheKey('www.loc.gov', url, 'abc', 'v1', 1);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
    const others = await Promise.all([
      cacheKey('evil.example', url, 'abc', 'v1', 1),
      cacheKey('private www.loc.gov', url, 'abc', 'v1', 1),
      cacheKey('www.loc.gov', 'https://photos.example/other.jpg', 'abc', 'v1', 1),
      cacheKey('www.loc.gov', url, 'abd', 'v1', 1),
      cacheKey('www.loc.gov', url, 'abc', 'v2', 1),
      cacheKey('www.loc.gov', url, 'abc', 'v1', 0.5),
    ]);
    expect(new Set([key, ...others]).size).toBe(7);
    expect(await cacheKey('www.loc.gov', url, 'abc', 'v1', 1)).toBe(key);
  });

  it.each([
    ['just written', 1_000, 1_000, false],
    ['29 days old', 0, CACHE_TTL_MS - 86_400_000, false],
    ['30 days old', 0, CACHE_TTL_MS, true],
    ['from before expiry existed', undefined, 5, true],
    ['from the future (clock moved back)', 10 * 86_400_000, 0, true],
  ])('%s: expired %s', (_name, stored, now, result) => expect(expired(stored as number | undefined, now as number)).toBe(result));
});

describe('result cache keys with colour hints', () => {
  const url = 'https://photos.example/harbour.jpg';
  const blue = { x: 0.5, y: 0.1, color: '#4a7ab5' };
  const key = (hints?: { x: number; y: number; color: string }[]) => cacheKey('site', url, 'abc', 'v1', 1, hints);

  it.each([
    ['no hints: the automatic key', undefined, []],
    ['keys in another order', [blue], [{ color: '#4a7ab5', y: 0.1, x: 0.5 }]],
    ['hex in upper case', [blue], [{ x: 0.5, y: 0.1, color: '#4A7AB5' }]],
    ['short and long hex', [{ x: 0.5, y: 0.1, color: '#00f' }], [{ x: 0.5, y: 0.1, color: '#0000FF' }]],
  ])('same key: %s', async (_name, a, b) => expect(await key(a)).toBe(await key(b)));

  it('keeps the automatic key of before hints existed', async () =>
    expect(await key([])).toBe(await cacheKey('site', url, 'abc', 'v1', 1)));

  it.each([
    ['hints vs none', [blue], undefined],
    ['another colour', [blue], [{ ...blue, color: '#4a7ab6' }]],
    ['another place', [blue], [{ ...blue, x: 0.51 }]],
    ['one more hint', [blue], [blue, { x: 0.2, y: 0.9, color: '#2e7d32' }]],
    ['the same hints in another order', [blue, { x: 0.5, y: 0.1, color: '#f00' }], [{ x: 0.5, y: 0.1, color: '#f00' }, blue]],
  ])('different key: %s', async (_name, a, b) => expect(await key(a)).not.toBe(await key(b)));
});
