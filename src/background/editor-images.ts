// The colour editor's images, decoded and made ready for the network (editor-image-keeper.ts),
// kept for the editor's session so that colorize after colorize (one per hint or strength) and
// suggestion after suggestion on one image do not decode it again (suggestions do not fetch it
// either). An entry belongs to one editor session: the frame whose editor asked (tab, frame,
// top-level site; a private tab's site is its own, index.ts partitionOf) and the session id the
// editor made when it opened (content/editor/open.ts), and to the image (its URL, or the hash of
// bytes sent along). Its lifetime: until that session's editor closes (the 'editor-closed'
// message), a new session starts in the frame (one editor at a time per frame), its tab closes or
// navigates, it is pushed out by newer ones (MAX_ENTRIES, MAX_BYTES), or it goes unused for IDLE_MS
// (checked whenever the store is used: the background itself is unloaded when idle). A closed
// session is remembered (the last MAX_CLOSED): a request of it that arrives late, or a decode of it
// that ends late, keeps nothing. No browser API here: editor-image-keeper.ts and index.ts feed it.

/** The frame whose editor asked, and that editor's session. */
export interface EditorFrame {
  tabId: number;
  frameId: number;
  partition: string;
  /** The editor's session id: made when it opens, sent with each of its requests and with 'editor-closed'. */
  session: string;
}

export interface EditorImageLimits {
  entries: number;
  bytes: number;
  idleMs: number;
  /** Closed sessions remembered (the oldest forgotten first). */
  closed: number;
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
/**
 * Closed sessions remembered: a late request comes within moments of its editor's close (it was
 * already on its way, or its decode was under way), not after 32 more editors closed.
 */
export const MAX_CLOSED = 32;

interface Entry<V> {
  tabId: number;
  frameId: number;
  session: string;
  value: V;
  bytes: number;
  usedAt: number;
}

export class EditorImages<V> {
  /** Least recently used first (a Map keeps insertion order; a use re-inserts). */
  private readonly entries = new Map<string, Entry<V>>();
  private bytes = 0;
  /** Closed sessions (sessionKeyOf), oldest first. */
  private readonly closed = new Set<string>();

  constructor(
    private readonly sizeOf: (value: V) => number,
    private readonly limits: EditorImageLimits = { entries: MAX_ENTRIES, bytes: MAX_BYTES, idleMs: IDLE_MS, closed: MAX_CLOSED },
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

  /**
   * Keeps `value` for the session's image; not kept for a closed session or when larger than the
   * byte limit. The frame's entries of other sessions go, those sessions closed: the frame has one
   * editor at a time, so its earlier editor is gone (its 'editor-closed' may have been lost).
   */
  put(frame: EditorFrame, image: string, value: V): void {
    this.expire();
    if (this.isClosed(frame)) return;
    const key = keyOf(frame, image);
    this.remove(key);
    for (const [other, entry] of this.entries) {
      if (entry.tabId !== frame.tabId || entry.frameId !== frame.frameId || entry.session === frame.session) continue;
      this.remove(other);
      this.remember(sessionKeyOf(entry.tabId, entry.frameId, entry.session));
    }
    const bytes = this.sizeOf(value);
    if (bytes > this.limits.bytes || this.limits.entries < 1) return;
    this.entries.set(key, { tabId: frame.tabId, frameId: frame.frameId, session: frame.session, value, bytes, usedAt: this.now() });
    this.bytes += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.remove(oldest);
    }
  }

  /** The session's editor closed: its entries go, and nothing is kept for it from now on. */
  close(tabId: number, frameId: number, session: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.tabId === tabId && entry.frameId === frameId && entry.session === session) this.remove(key);
    }
    this.remember(sessionKeyOf(tabId, frameId, session));
  }

  /** Whether the session's editor closed (among the last `limits.closed`). */
  isClosed(frame: EditorFrame): boolean {
    return this.closed.has(sessionKeyOf(frame.tabId, frame.frameId, frame.session));
  }

  /** The tab closed or navigated: its frames' editors are gone (their sessions closed too). */
  dropTab(tabId: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.tabId !== tabId) continue;
      this.remove(key);
      this.remember(sessionKeyOf(entry.tabId, entry.frameId, entry.session));
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private expire(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (now - entry.usedAt >= this.limits.idleMs) this.remove(key);
  }

  /** Remembers a closed session, forgetting the oldest beyond `limits.closed`. */
  private remember(closed: string): void {
    this.closed.delete(closed);
    this.closed.add(closed);
    for (const oldest of this.closed) {
      if (this.closed.size <= this.limits.closed) break;
      this.closed.delete(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

function keyOf(frame: EditorFrame, image: string): string {
  return JSON.stringify([frame.tabId, frame.frameId, frame.partition, frame.session, image]);
}

function sessionKeyOf(tabId: number, frameId: number, session: string): string {
  return JSON.stringify([tabId, frameId, session]);
}
