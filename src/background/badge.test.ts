import { describe, expect, it } from 'vitest';
import { translate as t } from '../../test/support/catalog.ts';
import type { SiteDecision } from '../shared/sites.ts';
import { BADGE_OFF_COLOR, BADGE_ON_COLOR, badgeFor, ICON_OFF, ICON_ON } from './badge.ts';

const ON: SiteDecision = { enabled: true, reason: 'archive-list', matched: 'loc.gov' };
const OFF: SiteDecision = { enabled: false, reason: 'default' };
const shown = (colorized: number) => ({ colorized, showingOriginals: false });

describe('badgeFor', () => {
  it.each<[string | null, SiteDecision, number, boolean, string, string, object]>([
    ['www.loc.gov', ON, 0, false, 'on', BADGE_ON_COLOR, ICON_ON],
    ['www.loc.gov', ON, 3, false, '3', BADGE_ON_COLOR, ICON_ON],
    ['www.loc.gov', ON, 3, true, '3', BADGE_OFF_COLOR, ICON_ON],
    ['example.com', OFF, 0, false, '', BADGE_OFF_COLOR, ICON_OFF],
    ['example.com', OFF, 1, false, '1', BADGE_OFF_COLOR, ICON_OFF],
    ['example.com', { enabled: true, reason: 'override', matched: 'example.com' }, 1500, false, '999+', BADGE_ON_COLOR, ICON_ON],
    [null, { enabled: false, reason: 'not-a-site' }, 0, false, '', BADGE_OFF_COLOR, ICON_OFF],
  ])('%s %j count=%i originals=%s -> %j', (site, decision, colorized, showingOriginals, text, color, icon) => {
    const badge = badgeFor(site, decision, { colorized, showingOriginals }, t);
    expect([badge.text, badge.color, badge.icon]).toEqual([text, color, icon]);
    expect(badge.title).toMatch(/^Recolor: /);
  });

  it('titles say the state, why, the count (or that originals are shown) and what a click does', () => {
    expect(badgeFor('www.loc.gov', ON, shown(1), t).title).toBe(
      'Recolor: on for www.loc.gov (loc.gov is in the archive site list). Images colorized on this page: 1. Click for the Recolor panel.',
    );
    expect(badgeFor('a.org', OFF, shown(0), t).title).toBe('Recolor: off for a.org (not in the archive site list). Click for the Recolor panel.');
    expect(badgeFor('a.org', { enabled: false, reason: 'override', matched: 'a.org' }, shown(2), t).title).toBe(
      'Recolor: off for a.org (you turned it off). Images colorized on this page: 2. Click for the Recolor panel.',
    );
    expect(badgeFor('a.org', { enabled: true, reason: 'everywhere' }, shown(0), t).title).toBe(
      'Recolor: on for a.org ("colorize everywhere" is set). Images colorized on this page: 0. Click for the Recolor panel.',
    );
    expect(badgeFor('www.loc.gov', ON, { colorized: 7, showingOriginals: true }, t).title).toBe(
      'Recolor: on for www.loc.gov (loc.gov is in the archive site list). Originals shown on this page (7 colorized). Click for the Recolor panel.',
    );
    expect(badgeFor(null, { enabled: false, reason: 'not-a-site' }, shown(0), t).title).toBe('Recolor: not available on this page');
  });
});
