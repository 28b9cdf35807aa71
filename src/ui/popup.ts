// The toolbar popup: this site on/off, "colorize everywhere", strength, the tab's originals, what
// Recolor did on the tab (from the background's tab report) and the engine in use. Settings are
// written to storage directly, as the options page does; the background and every content script
// follow them from there. Opened from the toolbar it acts on the active tab; as
// popup.html?tab=<id> (tests, screenshots) on that tab.
import browser from 'webextension-polyfill';
import type { EngineStatus, SkippedImage, TabReport } from '../shared/messages.ts';
import { sendToBackground, sendToTab } from '../shared/messaging.ts';
import type { Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { decisionReason } from '../shared/site-reason.ts';
import { isSiteEnabled, setSiteEnabled } from '../shared/sites.ts';
import { bindStrength, byId } from './dom.ts';
import { localize, t } from './i18n.ts';
import type { MessageKey } from './i18n.ts';

const REFRESH_EVERY_MS = 1000;
const translate = (key: string, substitutions?: string[]) => t(key as MessageKey, ...(substitutions ?? []));

let settings: Settings | undefined;
let report: TabReport | undefined;
let showStrength: (strength: number) => void = () => undefined;

async function targetTab(): Promise<number | undefined> {
  const asked = new URLSearchParams(location.search).get('tab');
  if (asked && /^\d+$/.test(asked)) return Number(asked);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function setToggle(id: string, on: boolean): void {
  byId(id).setAttribute('aria-pressed', String(on));
  byId(`${id}-state`).textContent = t(on ? 'stateOn' : 'stateOff');
}

function render(): void {
  if (!settings) return;
  const site = report?.site ?? null;
  const decision = isSiteEnabled(site, settings);
  byId('site').textContent = site ?? '';
  byId('no-site').hidden = site !== null || report === undefined;
  byId('site-toggle').hidden = site === null;
  byId('site-reason').hidden = site === null;
  setToggle('site-toggle', decision.enabled);
  byId('site-reason').textContent = decisionReason(decision, translate);
  setToggle('everywhere', settings.everywhere);
  byId<HTMLImageElement>('logo').src = decision.enabled ? 'icons/icon-32.png' : 'icons/icon-off-32.png';
  showStrength(settings.strength);
  renderTab();
}

function renderTab(): void {
  const originals = byId<HTMLButtonElement>('originals');
  const showing = report?.showingOriginals ?? false;
  originals.textContent = t(showing ? 'popupShowColors' : 'popupShowOriginals');
  originals.disabled = !report || (report.colorized === 0 && !showing);
  if (!report) return;
  const parts = [
    report.colorized ? t('popupColorized', report.colorized) : '',
    report.working ? t('popupWorking', report.working) : '',
    report.skipped ? t('popupSkipped', report.skipped) : '',
  ].filter(Boolean);
  byId('counts').textContent = parts.length ? parts.join(' · ') : t('popupNothingYet');
  byId('skips').hidden = report.skipped === 0;
  const list = byId('skip-list');
  const items = report.skips.map(skipItem);
  // Rebuilt only when it changed, so an open list keeps its scroll position.
  if (list.dataset.shown !== JSON.stringify(report.skips)) {
    list.dataset.shown = JSON.stringify(report.skips);
    list.replaceChildren(...items);
  }
}

function skipItem(skip: SkippedImage): HTMLLIElement {
  const item = document.createElement('li');
  const [kind, ...detail] = skip.verdict.split(': ');
  const kindKey: MessageKey = kind === 'color' ? 'skipColor' : kind === 'not-photo' ? 'skipNotPhoto' : 'skipOther';
  item.textContent = t('skipItem', imageName(skip.url), t(kindKey), detail.join(': ') || kind);
  item.title = skip.url;
  return item;
}

/** The file name of an image address, for a short list entry. */
function imageName(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return `${parsed.protocol}…`;
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.host;
  } catch {
    return url.slice(0, 60);
  }
}

function renderEngine(status: EngineStatus): void {
  const state = {
    'not-loaded': 'engineNotLoaded',
    loading: 'engineLoading',
    ready: 'engineReady',
    failed: 'engineFailed',
  } as const satisfies Record<EngineStatus['state'], MessageKey>;
  const stateText = t(state[status.state], status.error ?? '');
  byId('engine').textContent = status.backend ? t('popupEngine', status.backend, stateText) : t('popupEngineNone', stateText);
}

/** The tab's report and the engine's state, asked again every second while the popup is open. */
async function refresh(tabId: number | undefined): Promise<void> {
  const [fresh, engine] = await Promise.all([
    tabId === undefined ? undefined : sendToBackground({ type: 'tab-report', tabId }),
    sendToBackground({ type: 'engine-status', load: false }),
  ]);
  if (fresh?.ok) report = fresh;
  render();
  renderEngine(engine);
}

async function main(): Promise<void> {
  localize();
  const tabId = await targetTab();
  showStrength = bindStrength((strength) => void updateSettings((s) => ({ ...s, strength })));
  settings = await loadSettings();
  render();
  onSettingsChanged((fresh) => {
    settings = fresh;
    render();
    void refresh(tabId);
  });

  byId('site-toggle').addEventListener('click', () => {
    const site = report?.site;
    if (!site) return;
    void updateSettings((s) => ({ ...s, siteOverrides: setSiteEnabled(site, !isSiteEnabled(site, s).enabled, s) }));
  });
  byId('everywhere').addEventListener('click', () => {
    void updateSettings((s) => ({ ...s, everywhere: !s.everywhere }));
  });
  byId('originals').addEventListener('click', async () => {
    if (tabId === undefined || !report) return;
    await sendToTab(tabId, { type: 'set-show-originals', show: !report.showingOriginals }).catch(() => undefined);
    await refresh(tabId);
  });
  byId('options').addEventListener('click', (event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage().then(() => window.close());
  });

  await refresh(tabId);
  setInterval(() => void refresh(tabId), REFRESH_EVERY_MS);
}

void main();
