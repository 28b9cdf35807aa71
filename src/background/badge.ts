// What the toolbar button shows for a tab: the badge (how many images were colorized, and whether
// the site is on: colored, "on" until there is a count; or off: gray) and a title that says why
// and what a click does (it toggles the site). Pure.
import type { SiteDecision } from '../shared/sites.ts';

export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export const BADGE_ON_COLOR = '#c8641e';
export const BADGE_OFF_COLOR = '#6b6b6b';

/** Why the site is on or off, in words. */
export function decisionReason(decision: SiteDecision): string {
  switch (decision.reason) {
    case 'override':
      return `you turned it ${decision.enabled ? 'on' : 'off'}`;
    case 'archive-list':
      return `${decision.matched} is in the archive site list`;
    case 'everywhere':
      return '"colorize everywhere" is set';
    case 'default':
      return 'not in the archive site list';
    case 'not-a-site':
      return 'not a web site';
  }
}

export function badgeFor(site: string | null, decision: SiteDecision, colorized: number): BadgeState {
  const count = colorized > 999 ? '999+' : colorized > 0 ? String(colorized) : '';
  if (!site) return { text: count, color: BADGE_OFF_COLOR, title: 'Recolor: not available on this page' };
  const on = decision.enabled;
  const images = on || colorized ? ` ${colorized} image${colorized === 1 ? '' : 's'} colorized on this page.` : '';
  const title = `Recolor: ${on ? 'on' : 'off'} for ${site} (${decisionReason(decision)}).${images} Click to turn it ${on ? 'off' : 'on'}.`;
  return { text: on ? count || 'on' : count, color: on ? BADGE_ON_COLOR : BADGE_OFF_COLOR, title };
}
