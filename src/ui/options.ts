// Options page: where to colorize (everywhere, the site list, the sites switched from the
// toolbar), strength, hover switch, engine report, cache. Every control saves itself; the site list
// once typing pauses.
import type { EngineStatus } from '../shared/messages.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { defaultSettings } from '../shared/settings.ts';
import type { Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { parseSiteList } from '../shared/sites.ts';
import type { SiteOverride } from '../shared/sites.ts';
import { bindStrength, byId, debounce, formatBytes } from './dom.ts';
import { describeBackend } from './engine-words.ts';
import { localize, t } from './i18n.ts';

const SITE_LIST_PAUSE_MS = 600;

let showStrength: (strength: number) => void = () => undefined;

function render(settings: Settings): void {
  byId<HTMLInputElement>('everywhere').checked = settings.everywhere;
  const sites = byId<HTMLTextAreaElement>('sites');
  if (document.activeElement !== sites) sites.value = settings.archiveSites.join('\n');
  showStrength(settings.strength);
  byId<HTMLInputElement>('hover').checked = settings.hoverControl;
  renderOverrides(settings.siteOverrides);
}

/** The toolbar's per-site choices, each with a button that forgets it. */
function renderOverrides(overrides: Readonly<Record<string, SiteOverride>>): void {
  const hosts = Object.keys(overrides).sort();
  byId('overrides-none').hidden = hosts.length > 0;
  byId('overrides').replaceChildren(
    ...hosts.map((host) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = t(overrides[host] === 'on' ? 'overrideOn' : 'overrideOff', host);
      const forget = document.createElement('button');
      forget.type = 'button';
      forget.textContent = t('forget');
      forget.setAttribute('aria-label', t('forgetSite', host));
      forget.addEventListener('click', () => {
        void updateSettings((s) => {
          const { [host]: _dropped, ...rest } = s.siteOverrides;
          return { ...s, siteOverrides: rest };
        });
      });
      item.append(label, forget);
      return item;
    }),
  );
}

function renderEngine(status: EngineStatus): void {
  const state = {
    'not-loaded': () => t('engineNotLoaded'),
    loading: () => t('engineLoading'),
    ready: () => t('engineReady'),
    failed: () => t('engineFailed', status.error ?? '?'),
  }[status.state]();
  byId('engine-state').textContent = state;
  byId('engine-backend').textContent = status.backend ?? t('none');
  const why = status.backend && status.reason ? describeBackend(status.backend, status.reason) : undefined;
  byId('engine-reason').textContent = why ? t(why.key, ...why.substitutions) : t('none');
  byId('engine-details').hidden = !status.reason;
  byId('engine-reason-full').textContent = status.reason ?? '';
  byId('engine-model').textContent = status.modelVersion ?? t('none');
  const load = byId<HTMLButtonElement>('engine-load');
  load.disabled = status.state === 'ready' || status.state === 'loading';
  load.textContent = t(status.state === 'ready' ? 'engineLoaded' : 'engineLoad');
}

async function refreshCache(): Promise<void> {
  const stats = await sendToBackground({ type: 'cache-stats' });
  byId('cache-size').textContent = stats.ok
    ? t('cacheSize', stats.entries, formatBytes(stats.bytes), formatBytes(stats.maxBytes))
    : t('cacheUnavailable', stats.error);
}

/** Says "Saved" (or what is given) next to a control once its change is stored. */
function saved(id: string, text = t('saved')): void {
  byId(id).textContent = text;
}

async function saveSiteList(): Promise<void> {
  const { sites, rejected } = parseSiteList(byId<HTMLTextAreaElement>('sites').value);
  await updateSettings((s) => ({ ...s, archiveSites: sites }));
  saved('sites-saved', rejected.length ? t('savedIgnored', rejected.join(', ')) : t('saved'));
}

async function main(): Promise<void> {
  localize();
  showStrength = bindStrength((strength) => {
    void updateSettings((s) => ({ ...s, strength })).then(() => saved('look-saved'));
  });
  render(await loadSettings());
  onSettingsChanged(render);

  byId('everywhere').addEventListener('change', (event) => {
    const everywhere = (event.target as HTMLInputElement).checked;
    void updateSettings((s) => ({ ...s, everywhere })).then(() => saved('sites-saved'));
  });
  byId('hover').addEventListener('change', (event) => {
    const hoverControl = (event.target as HTMLInputElement).checked;
    void updateSettings((s) => ({ ...s, hoverControl })).then(() => saved('look-saved'));
  });
  const siteList = debounce(() => void saveSiteList(), SITE_LIST_PAUSE_MS);
  const sites = byId<HTMLTextAreaElement>('sites');
  sites.addEventListener('input', () => {
    saved('sites-saved', t('saving'));
    siteList.schedule();
  });
  sites.addEventListener('blur', () => siteList.flush());
  addEventListener('pagehide', () => siteList.flush());
  byId('reset-sites').addEventListener('click', async () => {
    const archiveSites = defaultSettings().archiveSites;
    await updateSettings((s) => ({ ...s, archiveSites }));
    sites.value = archiveSites.join('\n');
    saved('sites-saved', t('defaultListRestored'));
  });
  byId('engine-load').addEventListener('click', async () => {
    renderEngine({ ok: true, state: 'loading' });
    renderEngine(await sendToBackground({ type: 'engine-status', load: true }));
  });
  byId('cache-clear').addEventListener('click', async () => {
    await sendToBackground({ type: 'cache-clear' });
    await refreshCache();
  });

  renderEngine(await sendToBackground({ type: 'engine-status', load: false }));
  await refreshCache();
}

void main();
