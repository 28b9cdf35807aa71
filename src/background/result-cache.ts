// Colorized results in IndexedDB, so they survive the MV3 worker being stopped and a page reload.
// Keyed by image URL, content hash, model version and strength; the least recently used entries
// go when the total passes the cap. Sizes and use times live in a small 'meta' store so that
// counting and evicting never read the image bytes back.
export const CACHE_MAX_BYTES = 128 * 1024 * 1024;

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
}

const DB_NAME = 'recolor-cache';
const RESULTS = 'results';
const META = 'meta';

export function cacheKey(url: string, hash: string, modelVersion: string, strength: number): string {
  return JSON.stringify([modelVersion, strength.toFixed(2), hash, url]);
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(RESULTS, { keyPath: 'key' });
      request.result.createObjectStore(META, { keyPath: 'key' }).createIndex('lastUsed', 'lastUsed');
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
  const entry = (await done(tx.objectStore(RESULTS).get(key))) as CachedResult | undefined;
  if (entry) tx.objectStore(META).put({ key, size: entry.bytes.byteLength, lastUsed: Date.now() } satisfies Meta);
  await finished(tx);
  return entry;
}

export async function putCached(entry: CachedResult): Promise<void> {
  const db = await open();
  const tx = db.transaction([RESULTS, META], 'readwrite');
  tx.objectStore(RESULTS).put(entry);
  tx.objectStore(META).put({ key: entry.key, size: entry.bytes.byteLength, lastUsed: Date.now() } satisfies Meta);
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

/** Deletes least recently used entries until the total is at most maxBytes. */
export async function evict(maxBytes: number): Promise<void> {
  const metas = await allMeta(); // oldest first (index order)
  let total = metas.reduce((sum, meta) => sum + meta.size, 0);
  const doomed: string[] = [];
  for (const meta of metas) {
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
