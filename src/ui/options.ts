// Options page: site list, "everywhere", the sites switched with the toolbar button, strength,
// hover switch, engine report, cache.
import type { EngineStatus } from '../shared/messages.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { defaultSettings } from '../shared/settings.ts';
import type { Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from '../shared/settings-store.ts';
import { parseSiteList } from '../shared/sites.ts';
import type { SiteOverride } from '../shared/sites.ts';
import { byId, formatBytes } from './dom.ts';

function render(settings: Settings): void {
  byId<HTMLInputElement>('everywhere').checked = settings.everywhere;
  const sites = byId<HTMLTextAreaElement>('sites');
  if (document.activeElement !== sites) sites.value = settings.archiveSites.join('\n');
  byId<HTMLInputElement>('strength').value = String(settings.strength);
  byId('strength-value').textContent = `${Math.round(settings.strength * 100)}%`;
  byId<HTMLInputElement>('hover').checked = settings.hoverControl;
  renderOverrides(settings.siteOverrides);
}

/** The toolbar button's per-site choices, each with a button that forgets it. */
function renderOverrides(overrides: Readonly<Record<string, SiteOverride>>): void {
  const hosts = Object.keys(overrides).sort();
  byId('overrides-none').hidden = hosts.length > 0;
  byId('overrides').replaceChildren(
    ...hosts.map((host) => {
      const item = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = `${host}: ${overrides[host]}`;
      const forget = document.createElement('button');
      forget.type = 'button';
      forget.textContent = 'Forget';
      forget.setAttribute('aria-label', `Forget the choice for ${host}`);
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
  const states: Record<EngineStatus['state'], string> = {
    'not-loaded': 'not loaded yet (it loads with the first image)',
    loading: 'loading…',
    ready: 'ready',
    failed: `failed: ${status.error ?? 'unknown error'}`,
  };
  byId('engine-state').textContent = states[status.state];
  byId('engine-backend').textContent = status.backend ?? '—';
  byId('engine-reason').textContent = status.reason ?? '—';
  byId('engine-model').textContent = status.modelVersion ?? '—';
}

async function refreshCache(): Promise<void> {
  const stats = await sendToBackground({ type: 'cache-stats' });
  byId('cache-size').textContent = stats.ok
    ? `${stats.entries} image${stats.entries === 1 ? '' : 's'}, ${formatBytes(stats.bytes)} of ${formatBytes(stats.maxBytes)}`
    : `unavailable (${stats.error})`;
}

function flash(id: string, text: string): void {
  byId(id).textContent = text;
  setTimeout(() => (byId(id).textContent = ''), 2500);
}

async function main(): Promise<void> {
  render(await loadSettings());
  onSettingsChanged(render);

  byId('everywhere').addEventListener('change', (event) => {
    const everywhere = (event.target as HTMLInputElement).checked;
    void updateSettings((s) => ({ ...s, everywhere }));
  });
  byId('strength').addEventListener('input', (event) => {
    byId('strength-value').textContent = `${Math.round(Number((event.target as HTMLInputElement).value) * 100)}%`;
  });
  byId('strength').addEventListener('change', (event) => {
    const strength = Number((event.target as HTMLInputElement).value);
    void updateSettings((s) => ({ ...s, strength }));
  });
  byId('hover').addEventListener('change', (event) => {
    const hoverControl = (event.target as HTMLInputElement).checked;
    void updateSettings((s) => ({ ...s, hoverControl }));
  });
  byId('save-sites').addEventListener('click', async () => {
    const { sites, rejected } = parseSiteList(byId<HTMLTextAreaElement>('sites').value);
    await updateSettings((s) => ({ ...s, archiveSites: sites }));
    byId<HTMLTextAreaElement>('sites').value = sites.join('\n');
    flash('sites-saved', rejected.length ? `Saved; ignored: ${rejected.join(', ')}` : 'Saved');
  });
  byId('reset-sites').addEventListener('click', async () => {
    const archiveSites = defaultSettings().archiveSites;
    await updateSettings((s) => ({ ...s, archiveSites }));
    byId<HTMLTextAreaElement>('sites').value = archiveSites.join('\n');
    flash('sites-saved', 'Default list restored');
  });
  byId('engine-load').addEventListener('click', async () => {
    byId('engine-state').textContent = 'loading…';
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
