// Colorized results in IndexedDB, so they survive the MV3 worker being stopped and a page reload.
// Private by default: an entry belongs to the top-level site that asked (another site never gets
// it, so it can't time whether you saw an image there), its key is a SHA-256 of what identifies it
// (the URL is never stored), it expires CACHE_TTL_MS after it was written, and nothing is written
// or read for a private (incognito) tab. The least recently used entries go when the total passes
// the cap. Sizes and times live in a small 'meta' store so that counting and evicting never read
// the image bytes back.
import { canonicalHints } from '../shared/hints.ts';
import type { ColorHint } from '../shared/hints.ts';

export const CACHE_MAX_BYTES = 128 * 1024 * 1024;
export const CACHE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface CachedResult {
  key: string;
  bytes: ArrayBuffer;
  mime: string;
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
}

interface Meta {
  key: string;
  size: number;
  lastUsed: number;
  /** When the entry was written: it expires CACHE_TTL_MS later. */
  stored: number;
}

const DB_NAME = 'recolor-cache';
/** 2: partitioned, hashed keys and expiry; version 1's entries (plain URLs in keys) are deleted. */
const DB_VERSION = 2;
const RESULTS = 'results';
const META = 'meta';

/** Whether the cache may be used for a request from this tab: never for a private (incognito) one. */
export function cacheAllowed(tab: { incognito?: boolean } | undefined): boolean {
  return tab !== undefined && tab.incognito !== true;
}

/** Whether an entry stored at `stored` has expired at `now`. */
export function expired(stored: number | undefined, now: number): boolean {
  return stored === undefined || !(now - stored < CACHE_TTL_MS) || stored > now + 60_000;
}

/**
 * The entry's key: SHA-256 (hex) of the partition (top-level site), the image's URL and content
 * hash, the model version, the strength and the user's colour hints in canonical form
 * (canonicalHints: the same hints written differently give the same key). No hints give the key an
 * automatic result has always had. The URL can't be read back from it.
 */
export async function cacheKey(
  partition: string,
  url: string,
  hash: string,
  modelVersion: string,
  strength: number,
  hints?: readonly ColorHint[],
): Promise<string> {
  const parts = [partition, url, hash, modelVersion, strength.toFixed(2)];
  const canonical = canonicalHints(hints);
  const text = JSON.stringify(canonical ? [...parts, canonical] : parts);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of Array.from(db.objectStoreNames)) db.deleteObjectStore(name);
      db.createObjectStore(RESULTS, { keyPath: 'key' });
      db.createObjectStore(META, { keyPath: 'key' }).createIndex('lastUsed', 'lastUsed');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }).catch((error) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export async function getCached(key: string): Promise<CachedResult | undefined> {
  const db = await open();
  const tx = db.transaction([RESULTS, META], 'readwrite');
  const meta = (await done(tx.objectStore(META).get(key))) as Meta | undefined;
  const now = Date.now();
  if (!meta || expired(meta.stored, now)) {
    tx.objectStore(RESULTS).delete(key);
    tx.objectStore(META).delete(key);
    await finished(tx);
    return undefined;
  }
  const entry = (await done(tx.objectStore(RESULTS).get(key))) as CachedResult | undefined;
  if (entry) tx.objectStore(META).put({ ...meta, lastUsed: now } satisfies Meta);
  await finished(tx);
  return entry;
}

export async function putCached(entry: CachedResult): Promise<void> {
  const db = await open();
  const tx = db.transaction([RESULTS, META], 'readwrite');
  const now = Date.now();
  tx.objectStore(RESULTS).put(entry);
  tx.objectStore(META).put({ key: entry.key, size: entry.bytes.byteLength, lastUsed: now, stored: now } satisfies Meta);
  await finished(tx);
  await evict(CACHE_MAX_BYTES);
}

async function allMeta(): Promise<Meta[]> {
  const db = await open();
  const tx = db.transaction(META, 'readonly');
  const metas = (await done(tx.objectStore(META).index('lastUsed').getAll())) as Meta[];
  await finished(tx);
  return metas;
}

/** Deletes expired entries, then least recently used ones until the total is at most maxBytes. */
export async function evict(maxBytes: number): Promise<void> {
  const now = Date.now();
  const metas = await allMeta(); // oldest first (index order)
  const doomed = metas.filter((meta) => expired(meta.stored, now)).map((meta) => meta.key);
  const live = metas.filter((meta) => !expired(meta.stored, now));
  let total = live.reduce((sum, meta) => sum + meta.size, 0);
  for (const meta of live) {
    if (total <= maxBytes) break;
    total -= meta.size;
    doomed.push(meta.key);
  }
  if (doomed.length === 0) return;
  const db = await open();
  const tx = db.transaction([RESULTS, META], 'readwrite');
  for (const key of doomed) {
    tx.objectStore(RESULTS).delete(key);
    tx.objectStore(META).delete(key);
  }
  await finished(tx);
}

export async function cacheStats(): Promise<{ entries: number; bytes: number; maxBytes: number }> {
  const metas = await allMeta();
  return { entries: metas.length, bytes: metas.reduce((sum, meta) => sum + meta.size, 0), maxBytes: CACHE_MAX_BYTES };
}

export async function clearCache(): Promise<void> {
  const db = await open();
  const tx = db.transaction([RESULTS, META], 'readwrite');
  tx.objectStore(RESULTS).clear();
  tx.objectStore(META).clear();
  await finished(tx);
}
