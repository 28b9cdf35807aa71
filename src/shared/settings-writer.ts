// Settings in one authoritative storage area (storage.local: always there, no sync quota or write
// rate to refuse a change), written one change at a time: each change reads, changes and writes
// under a lock (Web Locks across the extension's pages and worker, a promise chain within one), so
// two quick changes both stick. A stored object with corrupt fields is repaired to defaults field
// by field, the rest kept, and written back by the background. A copy in storage.sync from earlier
// versions is read once, when the local area has none. Content scripts only read: a lock taken in a
// page would be the page's (Web Locks are per origin), visible to it and at its mercy. Storage is
// injected, so this is tested in Node.
import { migrateSettings, sanitizeSettings } from './settings.ts';
import type { Settings } from './settings.ts';

export const SETTINGS_KEY = 'settings';
const LOCK_NAME = 'recolor-settings';

export interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Runs `work` alone: no other settings change, in any of the extension's contexts, runs meanwhile. */
export type Lock = <T>(work: () => Promise<T>) => Promise<T>;

/** The Web Locks API where the context has it (Chromium, Firefox 96+); else the caller's chain alone. */
export function webLock(): Lock {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (work) => locks.request(LOCK_NAME, work) as ReturnType<typeof work> : (work) => work();
}

export interface SettingsStore {
  /** The settings, repaired in memory; writes nothing (content scripts read settings this way). */
  load(): Promise<Settings>;
  /** The settings, with a repaired or migrated copy written back (the background, at start). */
  repair(): Promise<Settings>;
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

export function createSettingsStore(local: Area, legacySync: Area | undefined, lock: Lock): SettingsStore {
  let chain: Promise<unknown> = Promise.resolve();
  /** One at a time in this context, and under the lock across contexts. */
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(() => lock(work));
    chain = run.catch(() => undefined);
    return run;
  };

  /** What is stored, and whether it needed repair (or came from the legacy area). */
  async function read(): Promise<{ settings: Settings; rewrite: boolean }> {
    const stored = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (stored !== undefined) {
      const settings = migrateSettings(stored);
      return { settings, rewrite: JSON.stringify(settings) !== JSON.stringify(stored) };
    }
    const legacy = legacySync ? await legacySync.get(SETTINGS_KEY).then((got) => got[SETTINGS_KEY]).catch(() => undefined) : undefined;
    return { settings: migrateSettings(legacy), rewrite: legacy !== undefined };
  }

  async function write(settings: Settings): Promise<Settings> {
    const clean = sanitizeSettings({ ...settings });
    await local.set({ [SETTINGS_KEY]: clean }); // a refusal is the caller's error: nothing is written elsewhere
    return clean;
  }

  const update = (change: (current: Settings) => Settings) => serialized(async () => write(change((await read()).settings)));

  return {
    load: async () => (await read()).settings,
    async repair() {
      const { settings, rewrite } = await read();
      return rewrite ? update((current) => current) : settings;
    },
    update,
  };
}
