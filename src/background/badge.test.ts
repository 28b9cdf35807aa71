import { describe, expect, it } from 'vitest';
import { BADGE_OFF_COLOR, BADGE_ON_COLOR, badgeFor } from './badge.ts';

describe('badgeFor', () => {
  it.each<[string | null, boolean, number, string, string]>([
    ['www.loc.gov', true, 0, 'on', BADGE_ON_COLOR],
    ['www.loc.gov', true, 3, '3', BADGE_ON_COLOR],
    ['example.com', false, 0, '', BADGE_OFF_COLOR],
    ['example.com', false, 1, '1', BADGE_OFF_COLOR],
    ['example.com', true, 1500, '999+', BADGE_ON_COLOR],
    [null, false, 0, '', BADGE_OFF_COLOR],
  ])('%s enabled=%s count=%i -> %j', (site, enabled, count, text, color) => {
    const badge = badgeFor(site, enabled, count);
    expect([badge.text, badge.color]).toEqual([text, color]);
    expect(badge.title).toMatch(/^Recolor: /);
  });

  it('titles say the state in words', () => {
    expect(badgeFor('a.org', true, 1).title).toBe('Recolor: on for a.org (1 image colorized on this page)');
    expect(badgeFor('a.org', false, 0).title).toBe('Recolor: off for a.org');
  });
});
