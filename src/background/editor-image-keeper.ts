// The colour editor's image, decoded once for its session: the first colorize or suggestion the
// editor asks for decodes the image (fitted within MAX_WORK_SIDE) and makes its network input
// (the engine's preparedImage); later ones, for each hint placed, moved or recoloured and each
// strength, find both kept (editor-images.ts: per tab, frame, partition and editor session, dropped
// when the session's editor closes, its tab closes or navigates, by LRU and bytes, or when idle).
// Only the model, the compose and the encode run again. A request of a closed session (one that
// was on its way when the editor closed) is answered as ever, but keeps nothing. No browser API
// here: the decoder is passed in (colorize-service.ts).
import { preparedImage } from '../engine/index.ts';
import type { PreparedImage, RgbaImage } from '../engine/index.ts';
import type { ImageSource } from '../shared/messages.ts';
import { EditorImages } from './editor-images.ts';
import type { EditorFrame, EditorImageLimits } from './editor-images.ts';
import type { FetchedImage } from './image-fetch.ts';
import { hasTransparency } from './image-codec.ts';

/** What a colorize needs before the network runs, and what a suggestion needs. */
export interface EditorImage {
  prepared: PreparedImage;
  /** The decoded image's own size (before fitting): the answer reports it. */
  sourceWidth: number;
  sourceHeight: number;
  /** Whether the result must be PNG (image-codec.ts encodeImage). */
  transparent: boolean;
  /** The bytes' SHA-256 (image-fetch.ts): an entry kept by URL serves only while the URL gives these bytes. */
  hash: string;
}

/** Decodes fetched bytes fitted within the working size (image-codec.ts decodeImage, in its decode slot). */
export type Decode = (bytes: Uint8Array<ArrayBuffer>, mime: string) => Promise<{ image: RgbaImage; sourceWidth: number; sourceHeight: number }>;

/** Bytes an entry holds: its RGBA pixels and its lightness plane. */
export const entryBytes = (entry: EditorImage): number => entry.prepared.pixels.data.byteLength + entry.prepared.plane.byteLength;

/** The key of a source: its URL (found before any fetch), or the hash of the bytes sent along. */
function keyOf(source: ImageSource, hash: string): string {
  return source.kind === 'url' ? `url ${source.url}` : `bytes ${hash}`;
}

export class EditorImageKeeper {
  private readonly kept: EditorImages<EditorImage>;
  /**
   * Decodes under way, by session, image and bytes: a suggestion asked while the hint's colorize
   * decodes waits for that decode. One whose tab closed or navigated meanwhile is not kept (`keep`
   * false); one whose session closed is refused by the store.
   */
  private readonly pending = new Map<string, { tabId: number; decoding: Promise<EditorImage>; keep: boolean }>();

  constructor(
    private readonly decode: Decode,
    limits?: EditorImageLimits,
    now?: () => number,
  ) {
    this.kept = new EditorImages(entryBytes, limits, now);
  }

  /** The image kept for a URL, found without fetching it (suggestions: the URL's bytes are not checked again). */
  byUrl(frame: EditorFrame, url: string): EditorImage | undefined {
    return this.kept.get(frame, keyOf({ kind: 'url', url }, ''));
  }

  /** The image of fetched bytes: the kept one if it was made from these bytes, else decoded, made ready and kept. */
  async of(frame: EditorFrame, source: ImageSource, fetched: FetchedImage): Promise<EditorImage> {
    const key = keyOf(source, fetched.hash);
    const kept = this.kept.get(frame, key);
    if (kept?.hash === fetched.hash) return kept;
    const id = JSON.stringify([frame.tabId, frame.frameId, frame.partition, frame.session, key, fetched.hash]);
    const under = this.pending.get(id);
    if (under) return under.decoding;
    const pending = { tabId: frame.tabId, decoding: this.make(fetched), keep: true };
    this.pending.set(id, pending);
    try {
      const image = await pending.decoding;
      if (pending.keep) this.kept.put(frame, key, image);
      return image;
    } finally {
      this.pending.delete(id);
    }
  }

  private async make(fetched: FetchedImage): Promise<EditorImage> {
    const decoded = await this.decode(fetched.bytes, fetched.mime);
    return {
      prepared: preparedImage(decoded.image),
      sourceWidth: decoded.sourceWidth,
      sourceHeight: decoded.sourceHeight,
      transparent: hasTransparency(decoded.image),
      hash: fetched.hash,
    };
  }

  /** The session's editor closed: its images go, and its requests still on their way keep nothing. */
  close(tabId: number, frameId: number, session: string): void {
    this.kept.close(tabId, frameId, session);
  }

  /** The tab closed or navigated: its editors' images go, decodes under way for them included. */
  forgetTab(tabId: number): void {
    for (const pending of this.pending.values()) if (pending.tabId === tabId) pending.keep = false;
    this.kept.dropTab(tabId);
  }

  get size(): number {
    return this.kept.size;
  }
}
