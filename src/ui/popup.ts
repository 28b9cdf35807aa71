// Toolbar popup: the site switch (remembered per site), "show originals" for this page, counts.
// A tab id in the query (?tab=N) stands in for the active tab, for tests and debugging.
import browser from 'webextension-polyfill';
import type { TabStatus } from '../shared/messages.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { byId, explainDecision } from './dom.ts';

async function currentTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function render(status: TabStatus): void {
  byId('site').textContent = status.site ?? 'This page';
  const toggle = byId<HTMLInputElement>('site-toggle');
  toggle.checked = status.decision.enabled;
  toggle.disabled = status.site === null;
  byId('reason').textContent = explainDecision(status.decision);
  const parts = [`${status.colorized} colorized`];
  if (status.working) parts.push(`${status.working} in progress`);
  byId('counts').textContent = status.site ? parts.join(', ') : '';
  const originals = byId<HTMLButtonElement>('originals');
  originals.disabled = status.colorized === 0 && !status.showingOriginals;
  originals.textContent = status.showingOriginals ? 'Show colorized' : 'Show originals';
  originals.dataset.showing = String(status.showingOriginals);
}

async function main(): Promise<void> {
  byId('options').addEventListener('click', () => void browser.runtime.openOptionsPage());
  const tabId = await currentTabId();
  if (tabId === undefined) return;
  const refresh = async () => {
    const status = await sendToBackground({ type: 'tab-status', tabId });
    if (status.ok) render(status);
  };
  byId<HTMLInputElement>('site-toggle').addEventListener('change', async () => {
    const status = await sendToBackground({ type: 'toggle-site', tabId });
    if (status.ok) render(status);
  });
  byId('originals').addEventListener('click', async (event) => {
    const showing = (event.currentTarget as HTMLElement).dataset.showing === 'true';
    await sendToBackground({ type: 'show-originals', tabId, show: !showing });
    await refresh();
  });
  await refresh();
  // Counts change while images are worked on.
  setInterval(() => void refresh(), 1000);
}

void main();
