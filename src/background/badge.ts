// What the toolbar badge says for a tab: how many images were colorized, and whether the site is
// on (colored badge, "on" until there is a count) or off (gray). Pure.
export interface BadgeState {
  text: string;
  color: string;
  title: string;
}

export const BADGE_ON_COLOR = '#c8641e';
export const BADGE_OFF_COLOR = '#6b6b6b';

export function badgeFor(site: string | null, enabled: boolean, colorized: number): BadgeState {
  const count = colorized > 999 ? '999+' : colorized > 0 ? String(colorized) : '';
  const images = `${colorized} image${colorized === 1 ? '' : 's'} colorized on this page`;
  if (!site) return { text: count, color: BADGE_OFF_COLOR, title: `Recolor: not available on this page` };
  if (enabled) {
    return { text: count || 'on', color: BADGE_ON_COLOR, title: `Recolor: on for ${site} (${images})` };
  }
  return { text: count, color: BADGE_OFF_COLOR, title: `Recolor: off for ${site}${colorized ? ` (${images})` : ''}` };
}
