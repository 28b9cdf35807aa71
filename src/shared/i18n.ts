// The message catalog (_locales/<lang>/messages.json) through browser.i18n, for every part that
// puts words on screen: the UI pages (src/ui/i18n.ts fills their HTML) and the content script's
// hover control. A unit test (test/unit/i18n-catalog.test.ts) checks that no such code shows a
// literal instead, and that every key used is in the catalog.
import browser from 'webextension-polyfill';

/** A key of the English catalog (checked by the compiler; the catalog itself is not bundled). */
export type MessageKey = keyof typeof import('../../_locales/en/messages.json');

/** Messages already looked up (the catalog does not change while a page is open; the hover control asks for the same few for every image). */
const looked = new Map<string, string>();

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const id = substitutions.length ? `${key}\u0000${substitutions.join('\u0000')}` : key;
  let message = looked.get(id);
  if (message === undefined) {
    message = browser.i18n.getMessage(key, substitutions.map(String)) || key;
    if (looked.size < 500) looked.set(id, message);
  }
  return message;
}
