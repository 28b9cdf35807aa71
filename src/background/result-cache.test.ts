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
