// What the toolbar popup shows about a tab: the badge's counts and the site's decision
// (tab-state.ts), plus the images automatic colorizing skipped there and the detector's verdict on
// each. Skips are kept per tab in memory until its next top-level load; a worker restart loses
// them (the counts come back with the frames' next reports, the skips with the next page).
import type { ColorizeResponse, SkippedImage, TabReport } from '../shared/messages.ts';
import { TAB_REPORT_MAX_SKIPS } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import { tabStatus } from './tab-state.ts';

/** Per tab: image URL -> verdict (a URL asked for twice counts once). */
const skips = new Map<number, Map<string, string>>();

/** Remembers an automatic request that the detector answered with a skip. */
export function noteColorizeResult(tabId: number | undefined, url: string, response: ColorizeResponse): void {
  if (tabId === undefined || response.outcome !== 'skipped') return;
  let tab = skips.get(tabId);
  if (!tab) skips.set(tabId, (tab = new Map()));
  tab.set(url, response.detail || response.code);
}

export function forgetSkips(tabId: number): void {
  skips.delete(tabId);
}

export async function tabReport(tabId: number, settings: Settings): Promise<TabReport> {
  const tab = skips.get(tabId) ?? new Map<string, string>();
  const list: SkippedImage[] = [...tab].slice(0, TAB_REPORT_MAX_SKIPS).map(([url, verdict]) => ({
    // data: URLs can be megabytes; the popup shows the start of an address at most.
    url: url.length > 300 ? `${url.slice(0, 299)}…` : url,
    verdict,
  }));
  return { ...(await tabStatus(tabId, settings)), skipped: tab.size, skips: list };
}
