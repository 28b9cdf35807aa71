import { describe, expect, it } from 'vitest';
import type { SiteDecision } from '../shared/sites.ts';
import { BADGE_OFF_COLOR, BADGE_ON_COLOR, badgeFor } from './badge.ts';

const ON: SiteDecision = { enabled: true, reason: 'archive-list', matched: 'loc.gov' };
const OFF: SiteDecision = { enabled: false, reason: 'default' };

describe('badgeFor', () => {
  it.each<[string | null, SiteDecision, number, string, string]>([
    ['www.loc.gov', ON, 0, 'on', BADGE_ON_COLOR],
    ['www.loc.gov', ON, 3, '3', BADGE_ON_COLOR],
    ['example.com', OFF, 0, '', BADGE_OFF_COLOR],
    ['example.com', OFF, 1, '1', BADGE_OFF_COLOR],
    ['example.com', { enabled: true, reason: 'override', matched: 'example.com' }, 1500, '999+', BADGE_ON_COLOR],
    [null, { enabled: false, reason: 'not-a-site' }, 0, '', BADGE_OFF_COLOR],
  ])('%s %j count=%i -> %j', (site, decision, count, text, color) => {
    const badge = badgeFor(site, decision, count);
    expect([badge.text, badge.color]).toEqual([text, color]);
    expect(badge.title).toMatch(/^Recolor: /);
  });

  it('titles say the state, why, the count and what a click does', () => {
    expect(badgeFor('www.loc.gov', ON, 1).title).toBe(
      'Recolor: on for www.loc.gov (loc.gov is in the archive site list). 1 image colorized on this page. Click to turn it off.',
    );
    expect(badgeFor('a.org', OFF, 0).title).toBe('Recolor: off for a.org (not in the archive site list). Click to turn it on.');
    expect(badgeFor('a.org', { enabled: false, reason: 'override', matched: 'a.org' }, 2).title).toBe(
      'Recolor: off for a.org (you turned it off). 2 images colorized on this page. Click to turn it on.',
    );
    expect(badgeFor('a.org', { enabled: true, reason: 'everywhere' }, 0).title).toBe(
      'Recolor: on for a.org ("colorize everywhere" is set). 0 images colorized on this page. Click to turn it off.',
    );
    expect(badgeFor(null, { enabled: false, reason: 'not-a-site' }, 0).title).toBe('Recolor: not available on this page');
  });
});
