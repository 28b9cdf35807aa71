// Background entry (Chrome: MV3 service worker; Firefox: event page). Listeners are registered
// synchronously at the top level so a worker woken by an event finds them.
import browser from 'webextension-polyfill';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { parseBackgroundRequest, parsePortRequest, REQUEST_PORT, senderOf } from '../shared/messages.ts';
import type { BackgroundRequest, ImageSource, ResponseMap } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { onSettingsChanged, repairSettings, updateSettings } from '../shared/settings-store.ts';
import { setSiteEnabled, siteOfUrl } from '../shared/sites.ts';
import { validateHints } from '../shared/hints.ts';
import { detailOf, failed } from '../shared/result.ts';
import { cancelTab, closeEditorSession, colorize, decodeCount, editorImageCount, forgetEditorImages, lastJobTimings } from './colorize-service.ts';
import { suggest } from './suggest-service.ts';
import { engineLoadTimes, engineMemoryNow, engineStatus, loadEngine } from './engine-host.ts';
import { createMenus, handleMenuClick, imageMenuState, setImageMenus } from './menus.ts';
import type { MenuClick } from './menus.ts';
import { cacheAllowed, cacheStats, clearCache } from './result-cache.ts';
import { forgetSkips, noteColorizeResult, tabReport } from './tab-report.ts';
import { refusal, REFUSED_SENDER, replyId } from './answers.ts';
import {
  forgetFrames,
  forgetTab,
  recordFrameStatus,
  tabStatus,
  updateAllBadges,
  updateBadge,
} from './tab-state.ts';

let settings: Promise<Settings> = repairSettings();
onSettingsChanged((fresh) => {
  settings = Promise.resolve(fresh);
  void updateAllBadges(fresh);
});

const extensionOrigin = browser.runtime.getURL('');

/** A content script of a web page (not an extension page, not another extension). */
function fromContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !sender.url?.startsWith(extensionOrigin);
}

/** One of our own pages (the options page, the toolbar popup). */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && Boolean(sender.url?.startsWith(extensionOrigin));
}

/** The top-level site the work is done for (private tabs apart): cache entries and shared downloads stay within it. */
function partitionOf(sender: Runtime.MessageSender): string {
  const incognito = sender.tab?.incognito === true;
  return `${incognito ? 'private ' : ''}${siteOfUrl(sender.tab?.url ?? '') ?? '(no site)'}`;
}

/** The frame whose colour editor asks, in its session (its image is kept for that session: editor-image-keeper.ts). */
function editorFrameOf(sender: Runtime.MessageSender, session: string) {
  return { tabId: sender.tab?.id ?? -1, frameId: sender.frameId ?? 0, partition: partitionOf(sender), session };
}

function onMenuClick(info: MenuClick, tab: Pick<Tabs.Tab, 'id'> | undefined) {
  return handleMenuClick(info, tab, { refresh: async (tabId) => updateBadge(tabId, await settings) });
}

async function handle(request: BackgroundRequest, sender: Runtime.MessageSender): Promise<ResponseMap[BackgroundRequest['type']]> {
  switch (request.type) {
    case 'page-site':
      return { ok: true, site: siteOfUrl(sender.tab?.url ?? '') };
    case 'colorize': {
      // The tab's top-level page decides which addresses may be fetched and where results are
      // cached: frames of other origins work for it, and their URLs are untrusted.
      const pageUrl = sender.tab?.url;
      const response = await colorize(request.source, {
        priority: request.priority,
        strength: request.strength ?? (await settings).strength,
        tabId: sender.tab?.id ?? -1,
        detect: request.detect === true,
        hints: request.hints,
        remember: request.remember === true,
        pageUrl,
        partition: partitionOf(sender),
        useCache: cacheAllowed(sender.tab),
        ...(request.editorSession !== undefined && { editor: editorFrameOf(sender, request.editorSession) }),
      });
      noteColorizeResult(sender.tab?.id, request.source.url, response);
      return response;
    }
    case 'suggest-colors':
      return suggest(request.source, { x: request.x, y: request.y, hints: request.hints, pageUrl: sender.tab?.url, frame: editorFrameOf(sender, request.editorSession) });
    case 'editor-closed':
      closeEditorSession(sender.tab?.id ?? -1, sender.frameId ?? 0, request.editorSession);
      if (__RECOLOR_TEST__) lastClosedEditorSession = request.editorSession;
      return { ok: true };
    case 'page-status': {
      const tabId = sender.tab?.id as number;
      recordFrameStatus(tabId, sender.frameId ?? 0, request);
      void updateBadge(tabId, await settings);
      return { ok: true };
    }
    case 'menu-target':
      // Only the tab in front sets the image entries (a port's sender.tab is as it was at connect time: asked afresh).
      if (sender.tab?.id !== undefined && (await browser.tabs.get(sender.tab.id)).active) await setImageMenus(request.showsColorized);
      return { ok: true };
    case 'engine-status':
      if (request.load) await loadEngine(true).catch(() => undefined);
      return engineStatus();
    case 'cache-stats':
      return { ok: true, ...(await cacheStats()) };
    case 'cache-clear':
      await clearCache();
      return { ok: true, ...(await cacheStats()) };
    case 'tab-report':
      return tabReport(request.tabId, await settings);
  }
}

/** The answer to a request from `sender`: an error answer where the sender may not make it. */
function answer(request: BackgroundRequest, sender: Runtime.MessageSender) {
  const allowed = senderOf(request.type) === 'content-script' ? fromContentScript(sender) : fromExtensionPage(sender);
  if (!allowed) return Promise.resolve(request.type === 'colorize' ? failed('refused', REFUSED_SENDER.error) : REFUSED_SENDER);
  return handle(request, sender).catch((error: unknown) =>
    request.type === 'colorize' ? failed('internal', detailOf(error)) : { ok: false, error: detailOf(error) },
  );
}

// Every message is answered: a malformed one with an error, so no sender waits forever.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const request = parseBackgroundRequest(message);
  return request ? answer(request, sender) : Promise.resolve(refusal(message));
});

// Content scripts' requests over their port (messages.ts, REQUEST_PORT): the same contract and
// checks as runtime messages, answered in an envelope with the request's number.
browser.runtime.onConnect.addListener((port: Runtime.Port) => {
  const sender = port.sender;
  if (port.name !== REQUEST_PORT) return; // not ours to answer
  if (!sender || !fromContentScript(sender)) return port.disconnect();
  let open = true;
  port.onDisconnect.addListener(() => (open = false));
  port.onMessage.addListener((message: unknown) => {
    const envelope = parsePortRequest(message);
    // A malformed request with a usable number gets an error answer; without one nobody can be told.
    const id = envelope?.id ?? replyId(message);
    if (id === undefined) return;
    const answering = envelope ? answer(envelope.request, sender) : Promise.resolve(refusal(message));
    void answering.then((response) => {
      if (!open) return; // the tab closed or navigated meanwhile
      try {
        port.postMessage({ id, response });
      } catch {
        // Disconnected between the check and the post: nobody is waiting.
      }
    });
  });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  void onMenuClick(info, tab);
});

// The toolbar button opens the popup (popup.html, the manifest's default_popup): no onClicked.

browser.runtime.onInstalled.addListener(() => {
  void createMenus();
});

browser.tabs.onActivated.addListener(({ tabId }) => {
  // The image entries follow the pointer, which is on another page now; the toolbar entry follows the tab.
  void setImageMenus(false);
  void settings.then((s) => updateBadge(tabId, s));
});
browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  forgetSkips(tabId);
  cancelTab(tabId);
  forgetEditorImages(tabId);
});
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A top-level load (navigation or reload) starts the count afresh; after a reload the same
  // images are asked for again, so queued work is only dropped when the URL changed.
  if (change.status === 'loading') {
    forgetFrames(tabId);
    forgetSkips(tabId);
    // The page's editors are gone with it (a reload too).
    forgetEditorImages(tabId);
  }
  if (change.status === 'loading' && change.url) cancelTab(tabId);
  if (change.status === 'loading' || change.status === 'complete') void settings.then((s) => updateBadge(tabId, s));
});

/** For the demo launcher: turn a host on or off as the toolbar would. */
async function setSite(host: string, enabled: boolean): Promise<void> {
  settings = updateSettings((current) => ({ ...current, siteOverrides: setSiteEnabled(host, enabled, current) }));
  await settings;
}

/** The editor the benchmark's hooks ask as. */
const BENCH_EDITOR = { tabId: -1, frameId: 0, partition: 'bench', session: 'bench' };

/** The session of the last 'editor-closed' (test build: an end-to-end test sends a late request in it). */
let lastClosedEditorSession: string | undefined;

/**
 * A message answered as if the content script of the tab's frame had sent it (test build: a
 * request an end-to-end test makes arrive late): the same checks and handling as a port's.
 */
async function asContentScript(message: unknown, tabId: number, frameId = 0) {
  const request = parseBackgroundRequest(message);
  if (!request) return refusal(message);
  const tab = await browser.tabs.get(tabId);
  return answer(request, { id: browser.runtime.id, tab, frameId, url: tab.url });
}

// For end-to-end tests, benchmarks and the demo launcher, in the test build only (dist/test/chrome:
// src/build-flags.d.ts): a native menu can't be clicked by a test.
if (__RECOLOR_TEST__) Object.assign(globalThis, {
  recolor: {
    handleMenuClick: onMenuClick,
    imageMenuState,
    setSite,
    tabStatus: async (tabId: number) => tabStatus(tabId, await settings),
    tabReport: async (tabId: number) => tabReport(tabId, await settings),
    engineStatus,
    loadEngine,
    cacheStats,
    clearCache,
    // `npm run bench`: the colorize path a content script's request takes, without the messaging;
    // `automatic` as auto-colorizing asks (the detector first), else as the menu does.
    // The image's own host stands in for the page (the benchmark serves both locally). `hints`:
    // as the colour editor asks (checked here as a message's are); `editor`: the image kept for an
    // editor's session as the editor's requests have it (tab -1, frame 0).
    colorize: async (source: ImageSource, automatic = false, hints?: unknown, editor = false) =>
      colorize(source, {
        priority: automatic ? 'visible' : 'user',
        strength: (await settings).strength,
        tabId: -1,
        detect: automatic,
        hints: validateHints(hints),
        pageUrl: source.url,
        partition: 'bench',
        useCache: true,
        ...(editor && { editor: BENCH_EDITOR }),
      }),
    // `npm run bench:hints`: the colour editor's suggested colours, as a content script's request asks (tab -1, frame 0).
    suggest: (source: ImageSource, x: number, y: number, hints?: unknown) =>
      suggest(source, { x, y, hints: validateHints(hints), pageUrl: source.url, frame: BENCH_EDITOR }),
    editorImageCount,
    decodeCount,
    lastClosedEditorSession: () => lastClosedEditorSession,
    asContentScript,
    lastJobTimings,
    engineLoadTimes,
    engineMemory: engineMemoryNow,
  },
});
