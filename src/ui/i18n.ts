// Every string the UI pages show comes from the message catalog (_locales/<lang>/messages.json)
// through browser.i18n. The HTML carries keys, not text: data-i18n="key" fills an element's text,
// data-i18n-aria-label / data-i18n-title fill those attributes (localize()). A unit test checks that
// no UI code shows a literal instead, and that every key used is in the catalog.
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';
import type { MessageKey } from '../shared/i18n.ts';

export { t };
export type { MessageKey };

const ATTRIBUTES = ['aria-label', 'title'] as const;

/** Fills every element under root that names a catalog key. */
export function localize(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as MessageKey);
  }
  for (const name of ATTRIBUTES) {
    for (const element of root.querySelectorAll<HTMLElement>(`[data-i18n-${name}]`)) {
      element.setAttribute(name, t(element.getAttribute(`data-i18n-${name}`) as MessageKey));
    }
  }
  document.documentElement.lang = browser.i18n.getUILanguage();
}
