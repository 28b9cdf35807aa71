// Per-tab counts reported by each frame's content script, and the toolbar button that shows them
// (icon, badge, title, and its "Show originals on this page" entry for the tab in front). Counts live in
// memory: if the worker is stopped, the next report from each frame restores them, and the badge
// itself is kept by the browser meanwhile.
import browser from 'webextension-polyfill';
import type { Tabs } from 'webextension-polyfill';
import type { PageStatusReport, TabStatus } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { isSiteEnabled, siteOfUrl } from '../shared/sites.ts';
import { badgeFor } from './badge.ts';
import type { Translate } from '../shared/site-reason.ts';
import { setPageMenu } from './menus.ts';

type FrameCounts = Omit<PageStatusReport, 'type'>;

const translate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions);

const tabs = new Map<number, Map<number, FrameCounts>>();

export function recordFrameStatus(tabId: number, frameId: number, report: PageStatusReport): void {
  let frames = tabs.get(tabId);
  if (!frames) tabs.set(tabId, (frames = new Map()));
  const { type: _type, ...counts } = report;
  frames.set(frameId, counts);
}

export function forgetTab(tabId: number): void {
  tabs.delete(tabId);
}

export function forgetFrames(tabId: number): void {
  tabs.get(tabId)?.clear();
}

function totals(tabId: number): FrameCounts {
  const sum: FrameCounts = { colorized: 0, working: 0, candidates: 0, showingOriginals: false };
  for (const [frameId, counts] of tabs.get(tabId) ?? []) {
    sum.colorized += counts.colorized;
    sum.working += counts.working;
    sum.candidates += counts.candidates;
    if (frameId === 0) sum.showingOriginals = counts.showingOriginals;
  }
  return sum;
}

function statusOf(tab: Tabs.Tab, settings: Settings): TabStatus {
  const site = siteOfUrl(tab.url ?? '');
  return { ok: true, site, decision: isSiteEnabled(site, settings), ...totals(tab.id ?? -1) };
}

export async function tabStatus(tabId: number, settings: Settings): Promise<TabStatus> {
  return statusOf(await browser.tabs.get(tabId), settings);
}

export async function updateBadge(tabId: number, settings: Settings): Promise<void> {
  try {
    const tab = await browser.tabs.get(tabId);
    const status = statusOf(tab, settings);
    const badge = badgeFor(status.site, status.decision, status, translate);
    await Promise.all([
      browser.action.setIcon({ tabId, path: badge.icon }),
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: badge.title }),
      tab.active ? setPageMenu(status) : undefined,
    ]);
  } catch {
    // The tab closed or navigated away meanwhile: nothing to show.
  }
}

export async function updateAllBadges(settings: Settings): Promise<void> {
  const all = await browser.tabs.query({});
  await Promise.all(all.map((tab) => (tab.id === undefined ? undefined : updateBadge(tab.id, settings))));
}
