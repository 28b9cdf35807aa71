// Content script entry (every page, every frame). Waits for settings and the tab's site, then
// hands the page to PageController (the coordinator; docs/ARCHITECTURE.md), tells it of settings
// changes (site on/off, strength, hover control) and of the page going away: on `pagehide`
// everything of ours stops, and a page restored from the back/forward cache (`pageshow`, persisted)
// starts again as it was. Errors stay here: a broken extension must never break a page.
import browser from 'webextension-polyfill';
import { parseContentCommand } from '../shared/messages.ts';
import type { ContentCommand, ContentResponseMap } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { detailOf } from '../shared/result.ts';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.ts';
import { isSiteEnabled, siteOfUrl } from '../shared/sites.ts';
import { ImageStrengths } from './image-strengths.ts';
import { PageController } from './page-controller.ts';
import { installTestHooks } from './test-hooks.ts';

const MARK = Symbol.for('recolor.content');

async function main(): Promise<void> {
  const scope = globalThis as { [MARK]?: boolean };
  if (scope[MARK] || !(document.documentElement instanceof HTMLElement)) return; // not HTML (SVG, XML)
  scope[MARK] = true;
  if (__RECOLOR_TEST__) installTestHooks();

  const [settings, site] = await Promise.all([loadSettings(), topSite()]);
  const controller = new PageController(new ImageStrengths(site, browser.storage.local, !browser.extension.inIncognitoContext));
  let latest = settings;
  let suspended: ReturnType<PageController['suspend']> | undefined;
  const follow = (fresh: Settings) => {
    latest = fresh;
    if (suspended) return; // applied when the page comes back
    controller.setHoverControl(fresh.hoverControl);
    controller.strengths.setSetting(fresh.strength);
    controller.setAuto(isSiteEnabled(site, fresh).enabled);
  };
  follow(settings);
  onSettingsChanged(follow);

  window.addEventListener('pagehide', (event) => {
    if (event.isTrusted) suspended = controller.suspend();
  });
  window.addEventListener('pageshow', (event) => {
    if (!event.isTrusted || !event.persisted || !suspended) return;
    controller.resume(suspended);
    suspended = undefined;
    follow(latest); // settings may have changed while the page was away
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    const command = parseContentCommand(message);
    if (!command) return undefined;
    return handle(controller, command).catch((error: unknown) => ({ ok: false, error: detailOf(error) }));
  });
}

/**
 * The site of the tab's top page, which decides for every frame in it. Read here where the frame
 * can see it, so that most pages never wake the background; cross-origin frames ask it.
 */
async function topSite(): Promise<string | null> {
  try {
    if (window.top === window) return siteOfUrl(location.href);
    return siteOfUrl(window.top!.location.href);
  } catch {
    const response = await sendToBackground({ type: 'page-site' });
    return response.site;
  }
}

async function handle(controller: PageController, command: ContentCommand): Promise<ContentResponseMap[ContentCommand['type']]> {
  switch (command.type) {
    case 'menu-colorize':
      return controller.requests.menuColorize(command.srcUrl);
    case 'menu-show-original':
      return controller.requests.menuShowOriginal(command.srcUrl);
    case 'menu-edit-colors':
      return controller.editing.menuEdit(command.srcUrl);
    case 'set-show-originals':
      controller.setShowOriginals(command.show);
      return { ok: true };
    case 'get-page-status':
      return controller.status();
  }
}

main().catch((error: unknown) => console.debug('[recolor] not started:', error));
