// Small helpers shared by the popup and the options page.
import type { SiteDecision } from '../shared/sites.ts';

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing from the page`);
  return element as T;
}

export function explainDecision(decision: SiteDecision): string {
  switch (decision.reason) {
    case 'override':
      return decision.enabled ? 'On: you turned it on for this site.' : 'Off: you turned it off for this site.';
    case 'archive-list':
      return `On: ${decision.matched} is in the archive site list.`;
    case 'everywhere':
      return 'On: "colorize everywhere" is set.';
    case 'default':
      return 'Off. Right-click an image to colorize just that one.';
    case 'not-a-site':
      return 'Recolor does not run on this page.';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
