// Background entry (Chrome: MV3 service worker; Firefox: event page). Listeners are registered
// synchronously at the top level so a worker woken by an event finds them.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { CONTENT_ONLY, parseBackgroundRequest } from '../shared/messages.ts';
import type { BackgroundRequest, ResponseMap } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import type { Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { setSiteEnabled, siteOfUrl, toggleSite } from '../shared/sites.ts';
import { cancelTab, colorize, errorText, probe } from './colorize-service.ts';
import { engineStatus, loadEngine } from './engine-host.ts';
import { createMenus, handleMenuClick } from './menus.ts';
import { cacheStats, clearCache } from './result-cache.ts';
import { forgetFrames, forgetTab, recordFrameStatus, tabStatus, updateAllBadges, updateBadge } from './tab-state.ts';

let settings: Promise<Settings> = loadSettings();
onSettingsChanged((fresh) => {
  settings = Promise.resolve(fresh);
  void updateAllBadges(fresh);
});

const extensionOrigin = browser.runtime.getURL('');

/** A content script of a web page (not an extension page, not another extension). */
function fromContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !sender.url?.startsWith(extensionOrigin);
}

/** One of our own pages (popup, options). */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(extensionOrigin));
}

async function toggleSiteForTab(tabId: number) {
  const tab = await browser.tabs.get(tabId);
  const site = siteOfUrl(tab.url ?? '');
  if (!site) return { ok: false as const, error: 'not a web site' };
  const fresh = await updateSettings((current) => ({ ...current, siteOverrides: toggleSite(site, current) }));
  settings = Promise.resolve(fresh);
  await updateBadge(tabId, fresh);
  return tabStatus(tabId, fresh);
}

async function handle(request: BackgroundRequest, sender: Runtime.MessageSender): Promise<ResponseMap[BackgroundRequest['type']]> {
  switch (request.type) {
    case 'page-site':
      return { ok: true, site: siteOfUrl(sender.tab?.url ?? '') };
    case 'probe':
      return probe(request.url);
    case 'colorize':
      return colorize(request.source, request.priority, (await settings).strength, sender.tab?.id ?? -1);
    case 'page-status': {
      const tabId = sender.tab?.id as number;
      recordFrameStatus(tabId, sender.frameId ?? 0, request);
      void updateBadge(tabId, await settings);
      return { ok: true };
    }
    case 'tab-status':
      return tabStatus(request.tabId, await settings);
    case 'toggle-site':
      return toggleSiteForTab(request.tabId);
    case 'show-originals':
      await sendToTab(request.tabId, { type: 'set-show-originals', show: request.show });
      return { ok: true };
    case 'engine-status':
      if (request.load) await loadEngine().catch(() => undefined);
      return engineStatus();
    case 'cache-stats':
      return { ok: true, ...(await cacheStats()) };
    case 'cache-clear':
      await clearCache();
      return { ok: true, ...(await cacheStats()) };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const request = parseBackgroundRequest(message);
  if (!request) return undefined; // not ours or malformed: no answer
  const allowed = CONTENT_ONLY.has(request.type) ? fromContentScript(sender) : fromExtensionPage(sender);
  if (!allowed) return undefined;
  return handle(request, sender).catch((error: unknown) => ({ ok: false, error: errorText(error) }));
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  void handleMenuClick(info, tab);
});

browser.runtime.onInstalled.addListener(() => {
  void createMenus();
});

browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  cancelTab(tabId);
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A top-level load (navigation or reload) starts the count afresh; after a reload the same
  // images are asked for again, so queued work is only dropped when the URL changed.
  if (change.status === 'loading') forgetFrames(tabId);
  if (change.status === 'loading' && change.url) cancelTab(tabId);
  if (change.status === 'loading' || change.status === 'complete') void settings.then((s) => updateBadge(tabId, s));
});

/** For the demo launcher: turn a host on or off as the toolbar would. */
async function setSite(host: string, enabled: boolean): Promise<void> {
  settings = updateSettings((current) => ({ ...current, siteOverrides: setSiteEnabled(host, enabled, current) }));
  await settings;
}

// For end-to-end tests, the demo launcher and debugging from the worker's console (a native
// menu can't be clicked by a test).
Object.assign(globalThis, {
  recolor: {
    handleMenuClick,
    toggleSiteForTab,
    setSite,
    tabStatus: async (tabId: number) => tabStatus(tabId, await settings),
    engineStatus,
    loadEngine,
    cacheStats,
    clearCache,
  },
});
