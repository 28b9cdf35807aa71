// Reads and writes Settings in extension storage: storage.sync where the browser has it (settings
// follow the user), storage.local otherwise or when sync refuses (quota, sync disabled).
import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import { migrateSettings, sanitizeSettings } from './settings.ts';
import type { Settings } from './settings.ts';

const KEY = 'settings';

function areas(): Storage.StorageArea[] {
  const list: Storage.StorageArea[] = [];
  if (browser.storage.sync) list.push(browser.storage.sync);
  list.push(browser.storage.local);
  return list;
}

export async function loadSettings(): Promise<Settings> {
  for (const area of areas()) {
    try {
      const got = await area.get(KEY);
      if (got[KEY] !== undefined) return migrateSettings(got[KEY]);
    } catch {
      // This area is unavailable (e.g. sync off in a managed profile); try the next one.
    }
  }
  return migrateSettings(undefined);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = sanitizeSettings({ ...settings });
  let lastError: unknown;
  for (const area of areas()) {
    try {
      await area.set({ [KEY]: clean });
      return clean;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('could not save settings');
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await loadSettings()));
}

/** Calls back with fresh settings whenever another part of the extension saves them. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>) => {
    if (KEY in changes) callback(migrateSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
