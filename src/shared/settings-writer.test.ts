import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from './settings.ts';
import { createSettingsStore, SETTINGS_KEY } from './settings-writer.ts';
import type { Area, Lock } from './settings-writer.ts';

/** An in-memory storage area whose reads and writes take a few turns of the event loop, as real ones do. */
function memoryArea(initial?: unknown, failWrites = false): Area & { value: () => unknown; writes: number } {
  let stored = initial === undefined ? undefined : structuredClone(initial);
  let writes = 0;
  const later = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  return {
    async get(key) {
      await later();
      return key === SETTINGS_KEY && stored !== undefined ? { [key]: structuredClone(stored) } : {};
    },
    async set(items) {
      await later();
      if (failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      stored = structuredClone(items[SETTINGS_KEY]);
      writes += 1;
    },
    value: () => stored,
    get writes() {
      return writes;
    },
  };
}

/** One lock shared by "two contexts" (two stores on one area), as Web Locks are across the extension's pages. */
function sharedLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

describe('settings store', () => {
  it('two changes in quick succession both persist, also from two contexts', async () => {
    const area = memoryArea();
    const lock = sharedLock();
    const options = createSettingsStore(area, undefined, lock);
    const worker = createSettingsStore(area, undefined, lock);
    await Promise.all([
      options.update((s) => ({ ...s, strength: 0.5 })),
      worker.update((s) => ({ ...s, siteOverrides: { ...s.siteOverrides, 'example.org': 'on' } })),
      options.update((s) => ({ ...s, hoverControl: false })),
      worker.update((s) => ({ ...s, siteOverrides: { ...s.siteOverrides, 'photos.example': 'off' } })),
    ]);
    const after = await createSettingsStore(area, undefined, lock).load(); // a restarted worker
    expect(after).toMatchObject({ strength: 0.5, hoverControl: false, siteOverrides: { 'example.org': 'on', 'photos.example': 'off' } });
  });

  // [stored object, what load() gives for the fields that differ from the defaults]
  it.each<[string, unknown, Record<string, unknown>]>([
    ['nothing stored', undefined, {}],
    ['not an object', 'garbage', {}],
    ['a bad strength, the rest kept', { strength: 'loud', everywhere: true, archiveSites: ['example.org'] }, { everywhere: true, archiveSites: ['example.org'] }],
    ['an out-of-range strength is clamped', { strength: 99, hoverControl: false }, { strength: 1.5, hoverControl: false }],
    ['a bad site list, overrides kept', { archiveSites: 'loc.gov', siteOverrides: { 'Example.ORG': 'on', 'x.example': 'maybe' } }, { siteOverrides: { 'example.org': 'on' } }],
    ['a bad everywhere', { everywhere: 'yes', strength: 0.25 }, { strength: 0.25 }],
  ])('%s: repaired field by field and written back', async (_name, stored, kept) => {
    const area = memoryArea(stored);
    const store = createSettingsStore(area, undefined, sharedLock());
    const read = await store.load();
    expect(read).toEqual({ ...defaultSettings(), ...kept });
    expect(area.writes).toBe(0); // reading never writes (content scripts read)
    expect(await store.repair()).toEqual(read);
    if (stored !== undefined) expect(area.value()).toEqual(read);
  });

  it('a valid stored object is not written again', async () => {
    const area = memoryArea({ ...defaultSettings(), strength: 0.75 });
    expect((await createSettingsStore(area, undefined, sharedLock()).repair()).strength).toBe(0.75);
    expect(area.writes).toBe(0);
  });

  it.each<[string, unknown, unknown, number]>([
    ['a legacy sync copy is taken when local has none', undefined, { version: SETTINGS_VERSION, strength: 0.3 }, 0.3],
    ['local is authoritative when both exist', { ...defaultSettings(), strength: 0.9 }, { version: SETTINGS_VERSION, strength: 0.3 }, 0.9],
  ])('%s', async (_name, local, sync, strength) => {
    const localArea = memoryArea(local);
    const store = createSettingsStore(localArea, memoryArea(sync), sharedLock());
    expect((await store.repair()).strength).toBe(strength);
    expect((localArea.value() as { strength: number }).strength).toBe(strength);
  });

  it('a refused write fails the change and writes nowhere else', async () => {
    const sync = memoryArea();
    const store = createSettingsStore(memoryArea(undefined, true), sync, sharedLock());
    await expect(store.update((s) => ({ ...s, strength: 0.1 }))).rejects.toThrow('quota');
    expect(sync.value()).toBeUndefined();
    // and the chain goes on after a failure
    await expect(store.load()).resolves.toEqual(defaultSettings());
  });
});
