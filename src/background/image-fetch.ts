// Fetches the bytes of an image a content script reported, checks them (image-policy.ts), and
// shares one download between concurrent and back-to-back requests (an image shown twice on a
// page, a right-click on one being colorized, a retry).
import { sniffImage } from './image-sniff.ts';
import type { RasterFormat } from './image-sniff.ts';
import { judgeImage, MAX_IMAGE_BYTES, mediaType } from './image-policy.ts';

export interface FetchedImage {
  url: string;
  bytes: Uint8Array<ArrayBuffer>;
  format: RasterFormat;
  mime: string;
  width?: number;
  height?: number;
  /** SHA-256 of the bytes, hex: part of the result cache key, so a changed file is recolored. */
  hash: string;
}

export class ImageRejected extends Error {}

const FETCH_TIMEOUT_MS = 30_000;
const RECENT_MAX_BYTES = 48 * 1024 * 1024;
const RECENT_TTL_MS = 120_000;

const inFlight = new Map<string, Promise<FetchedImage>>();
const recent = new Map<string, { image: FetchedImage; at: number }>();
let recentBytes = 0;

/** Only web images: http(s) and data: URLs. blob: URLs belong to the page and arrive as bytes. */
export function isFetchableUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) || /^data:image\//i.test(url);
}

export function fetchImage(url: string): Promise<FetchedImage> {
  const hit = recent.get(url);
  if (hit && Date.now() - hit.at < RECENT_TTL_MS) return Promise.resolve(hit.image);
  let pending = inFlight.get(url);
  if (!pending) {
    pending = download(url).finally(() => inFlight.delete(url));
    inFlight.set(url, pending);
    pending.then(remember, () => undefined);
  }
  return pending;
}

export async function imageFromBytes(url: string, bytes: Uint8Array<ArrayBuffer>, declaredType: string): Promise<FetchedImage> {
  const sniffed = sniffImage(bytes);
  const verdict = judgeImage(sniffed, declaredType, bytes.byteLength);
  if (!verdict.ok) throw new ImageRejected(verdict.reason);
  return {
    url,
    bytes,
    format: verdict.format,
    mime: declaredType.startsWith('image/') ? declaredType : `image/${verdict.format}`,
    width: sniffed.width,
    height: sniffed.height,
    hash: await sha256Hex(bytes),
  };
}

async function download(url: string): Promise<FetchedImage> {
  if (!isFetchableUrl(url)) throw new ImageRejected('not a web image URL');
  // Credentials omitted: the extension asks as itself, not as the user on that site.
  const response = await fetch(url, {
    credentials: 'omit',
    redirect: 'follow',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  // Not a refusal: the page, with the user's cookies, may get what we did not (colorize-service.ts).
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = mediaType(response.headers.get('content-type'));
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_IMAGE_BYTES) throw new ImageRejected(`too large (${length} bytes)`);
  const bytes = await readCapped(response, MAX_IMAGE_BYTES);
  return imageFromBytes(url, bytes, declared);
}

async function readCapped(response: Response, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw new ImageRejected(`too large (over ${cap} bytes)`);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function remember(image: FetchedImage): void {
  const old = recent.get(image.url);
  if (old) recentBytes -= old.image.bytes.byteLength;
  recent.delete(image.url);
  recent.set(image.url, { image, at: Date.now() });
  recentBytes += image.bytes.byteLength;
  for (const [key, entry] of recent) {
    if (recentBytes <= RECENT_MAX_BYTES) break;
    recent.delete(key);
    recentBytes -= entry.image.bytes.byteLength;
  }
}
