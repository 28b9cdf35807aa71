// Reads and writes Settings in extension storage: storage.local is the one authoritative area
// (settings-writer.ts says why); a copy that earlier versions kept in storage.sync is read once.
import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import { migrateSettings } from './settings.ts';
import type { Settings } from './settings.ts';
import { createSettingsStore, SETTINGS_KEY, webLock } from './settings-writer.ts';

const store = createSettingsStore(browser.storage.local, browser.storage.sync, webLock());

/** The stored settings, repaired in memory; never writes (content scripts use this). */
export function loadSettings(): Promise<Settings> {
  return store.load();
}

/** The stored settings, with a corrupt or migrated copy written back repaired (the background, at start). */
export function repairSettings(): Promise<Settings> {
  return store.repair();
}

/** Reads, changes and writes the settings as one step: no concurrent change is lost. */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return store.update(change);
}

/** Calls back with fresh settings whenever another part of the extension saves them. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(migrateSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
