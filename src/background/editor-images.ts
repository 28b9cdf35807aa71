// The colour editor's images, decoded and made ready for the network (editor-image-keeper.ts),
// kept for the editor's session so that colorize after colorize (one per hint or strength) and
// suggestion after suggestion on one image do not decode it again (suggestions do not fetch it
// either). An entry belongs to the frame whose editor asked (tab, frame, top-level site; a private
// tab's site is its own, index.ts partitionOf) and to the image (its URL, or the hash of bytes sent
// along). Its lifetime: until that frame's editor closes (the 'editor-closed' message), its tab
// closes or navigates, it is pushed out by newer ones (MAX_ENTRIES, MAX_BYTES), or it goes unused
// for IDLE_MS (checked whenever the store is used: the background itself is unloaded when idle).
// No browser API here: editor-image-keeper.ts and index.ts feed it.

/** The frame whose editor asked. */
export interface EditorFrame {
  tabId: number;
  frameId: number;
  partition: string;
}

export interface EditorImageLimits {
  entries: number;
  bytes: number;
  idleMs: number;
}

/** One editor open at a time per frame; two covers a second frame or tab with its own. */
export const MAX_ENTRIES = 2;
/**
 * An entry is the editor's image decoded and fitted within MAX_WORK_SIDE (RGBA: at most 3072x3072,
 * 36 MiB) with its 256x256 lightness plane (256 KiB): editor-image-keeper.ts. 40 MiB (41,943,040
 * bytes) holds the largest such image, or two of up to 20 MiB each (2560x1920); a larger second
 * image pushes the first out, which is then decoded again if its editor asks again.
 */
export const MAX_BYTES = 40 * 1024 * 1024;
export const IDLE_MS = 10 * 60_000;

interface Entry<V> {
  tabId: number;
  frameId: number;
  value: V;
  bytes: number;
  usedAt: number;
}

export class EditorImages<V> {
  /** Least recently used first (a Map keeps insertion order; a use re-inserts). */
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;

  constructor(
    private readonly sizeOf: (value: V) => number,
    private readonly limits: EditorImageLimits = { entries: MAX_ENTRIES, bytes: MAX_BYTES, idleMs: IDLE_MS },
    private readonly now: () => number = Date.now,
  ) {}

  get(frame: EditorFrame, image: string): V | undefined {
    this.expire();
    const key = keyOf(frame, image);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.usedAt = this.now();
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` for the frame's image; a value larger than the byte limit is not kept. */
  put(frame: EditorFrame, image: string, value: V): void {
    this.expire();
    const key = keyOf(frame, image);
    this.remove(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.limits.bytes || this.limits.entries < 1) return;
    this.entries.set(key, { tabId: frame.tabId, frameId: frame.frameId, value, bytes, usedAt: this.now() });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.remove(oldest);
    }
  }

  /** The frame's editor closed. */
  dropFrame(tabId: number, frameId: number): void {
    for (const [key, entry] of this.entries) if (entry.tabId === tabId && entry.frameId === frameId) this.remove(key);
  }

  /** The tab closed or navigated: its frames' editors are gone. */
  dropTab(tabId: number): void {
    for (const [key, entry] of this.entries) if (entry.tabId === tabId) this.remove(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private expire(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (now - entry.usedAt >= this.limits.idleMs) this.remove(key);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

function keyOf(frame: EditorFrame, image: string): string {
  return JSON.stringify([frame.tabId, frame.frameId, frame.partition, image]);
}
