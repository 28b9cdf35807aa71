// What the toolbar button shows for a tab: its icon (colored where the site is on, gray where it
// is off), the badge (how many images were colorized: colored while they show, gray while the page
// shows its originals; "on" until there is a count) and a title that says why. Pure: the strings
// come from a translate function (browser.i18n in the extension, the catalog in tests).
import { decisionReason } from '../shared/site-reason.ts';
import type { Translate } from '../shared/site-reason.ts';
import type { SiteDecision } from '../shared/sites.ts';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
  /** The toolbar icon, by size. */
  icon: Record<string, string>;
}

export const BADGE_ON_COLOR = '#c8641e';
export const BADGE_OFF_COLOR = '#6b6b6b';

export const ICON_ON = { '16': 'icons/icon-16.png', '32': 'icons/icon-32.png' };
export const ICON_OFF = { '16': 'icons/icon-off-16.png', '32': 'icons/icon-off-32.png' };

export interface BadgeCounts {
  colorized: number;
  showingOriginals: boolean;
}

export function badgeFor(site: string | null, decision: SiteDecision, counts: BadgeCounts, t: Translate): BadgeState {
  const { colorized, showingOriginals } = counts;
  const count = colorized > 999 ? '999+' : colorized > 0 ? String(colorized) : '';
  if (!site) return { text: count, color: BADGE_OFF_COLOR, title: t('badgeNoSite'), icon: ICON_OFF };
  const on = decision.enabled;
  const state = t(on ? 'badgeOn' : 'badgeOff', [site, decisionReason(decision, t)]);
  const images = showingOriginals
    ? t('badgeOriginalsShown', [String(colorized)])
    : on || colorized
      ? t('badgeColorized', [String(colorized)])
      : '';
  const title = [state, images, t('badgeClick')].filter(Boolean).join(' ');
  return {
    text: on ? count || 'on' : count,
    color: on && !showingOriginals ? BADGE_ON_COLOR : BADGE_OFF_COLOR,
    title,
    icon: on ? ICON_ON : ICON_OFF,
  };
}
