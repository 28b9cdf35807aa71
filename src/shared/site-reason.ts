// Why a site is on or off, in words, for the toolbar's title and the popup. Pure: the words come
// from a translate function (browser.i18n in the extension, the catalog in tests).
import type { SiteDecision } from './sites.ts';

export type Translate = (key: string, substitutions?: string[]) => string;

export function decisionReason(decision: SiteDecision, t: Translate): string {
  switch (decision.reason) {
    case 'override':
      return t(decision.enabled ? 'reasonOverrideOn' : 'reasonOverrideOff');
    case 'archive-list':
      return t('reasonArchiveList', [decision.matched ?? '']);
    case 'everywhere':
      return t('reasonEverywhere');
    case 'default':
      return t('reasonDefault');
    case 'not-a-site':
      return t('reasonNotASite');
  }
}
