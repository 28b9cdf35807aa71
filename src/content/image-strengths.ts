// The strength the user gave one image from its hover control, remembered across reloads in
// extension storage (storage.local, its own key beside the settings). An entry's key is a hash of
// the tab's top site and the image's URL, so the stored list names no site or image in the clear
// and one site's choice never applies on another (a 53-bit hash: crypto.subtle, for SHA-256, is not
// there on a plain-http page). Nothing is written from a private (incognito) tab. At
// most MAX_ENTRIES are kept: the least recently set go first.
import { clampStrength, isStrength } from '../shared/strength.ts';

/** The part of storage.local used here. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const IMAGE_STRENGTHS_KEY = 'imageStrengths';
export const MAX_ENTRIES = 500;

/** key -> [strength, when it was set (ms)] */
export type StrengthEntries = Record<string, [number, number]>;

/** The entries with `key` set to `strength` (or removed, where null), pruned to MAX_ENTRIES newest. Pure. */
export function withStrength(entries: StrengthEntries, key: string, strength: number | null, now: number, max = MAX_ENTRIES): StrengthEntries {
  const next: StrengthEntries = { ...entries };
  delete next[key];
  if (strength !== null) next[key] = [clampStrength(strength), now];
  const keys = Object.keys(next);
  if (keys.length <= max) return next;
  keys.sort((a, b) => next[b][1] - next[a][1]);
  return Object.fromEntries(keys.slice(0, max).map((k) => [k, next[k]]));
}

/** The stored strength under `key`, if a valid one is there. Pure. */
export function strengthIn(entries: unknown, key: string): number | undefined {
  if (typeof entries !== 'object' || entries === null) return undefined;
  const entry = (entries as Record<string, unknown>)[key];
  return Array.isArray(entry) && isStrength(entry[0]) ? entry[0] : undefined;
}

/** A 53-bit hash of the text (two 32-bit multiply-xorshift lanes, mixed at the end), in base 36. Pure. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const keyOf = (site: string, url: string) => hash53(JSON.stringify([site, url]));

export class ImageStrengths {
  /** The stored entries, read once per page (this page's own changes are made to it too). */
  private entries: Promise<StrengthEntries> | undefined;

  constructor(
    /** The tab's top site (null: a page that is not on a site, where nothing is remembered). */
    private readonly site: string | null,
    /** storage.local. */
    private readonly area: StorageArea,
    /** False in a private (incognito) tab. */
    private readonly writable: boolean,
  ) {}

  private read(): Promise<StrengthEntries> {
    this.entries ??= this.area.get(IMAGE_STRENGTHS_KEY).then(
      (stored) => {
        const entries = stored[IMAGE_STRENGTHS_KEY];
        return typeof entries === 'object' && entries !== null ? (entries as StrengthEntries) : {};
      },
      () => ({}),
    );
    return this.entries;
  }

  async get(url: string): Promise<number | undefined> {
    if (this.site === null) return undefined;
    return strengthIn(await this.read(), keyOf(this.site, url));
  }

  /** Remembers the image's strength (null: forget it, the global setting applies again). */
  async set(url: string, strength: number | null): Promise<void> {
    if (this.site === null || !this.writable) return;
    try {
      const key = keyOf(this.site, url);
      // Read fresh: another tab may have set one meanwhile.
      this.entries = undefined;
      const entries = withStrength(await this.read(), key, strength, Date.now());
      this.entries = Promise.resolve(entries);
      await this.area.set({ [IMAGE_STRENGTHS_KEY]: entries });
    } catch {
      // Storage full or gone: the strength still applies on this page.
    }
  }
}
