// Fetches the bytes of an image a content script reported, checks them (image-policy.ts), and
// shares one download between concurrent and back-to-back requests (an image shown twice on a
// page, a right-click on one being colorized, a retry). The URL is untrusted: url-policy.ts decides
// whether it may be fetched for the page that asked; redirects are not followed (SECURITY.md);
// at most MAX_FETCHES downloads run at once.
import pLimit from 'p-limit';
import { sniffImage } from './image-sniff.ts';
import type { RasterFormat } from './image-sniff.ts';
import { judgeImage, MAX_IMAGE_BYTES, mediaType } from './image-policy.ts';
import { checkImageUrl } from './url-policy.ts';

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
/** Downloads at once: more only adds memory while one model runs at a time. */
export const MAX_FETCHES = 2;
const fetchSlots = pLimit(MAX_FETCHES);
const RECENT_MAX_BYTES = 48 * 1024 * 1024;
const RECENT_TTL_MS = 120_000;

const inFlight = new Map<string, Promise<FetchedImage>>();
const recent = new Map<string, { image: FetchedImage; at: number }>();
let recentBytes = 0;

/**
 * The image at `url`, for a content script whose tab shows `pageUrl` (its top-level document).
 * Downloads are shared only within one top-level site, so one site can't time another's.
 */
export function fetchImage(url: string, pageUrl: string | undefined, pageSite: string): Promise<FetchedImage> {
  const verdict = checkImageUrl(url, pageUrl);
  if (!verdict.ok) return Promise.reject(new ImageRejected(verdict.reason));
  const key = `${pageSite} ${verdict.url}`;
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < RECENT_TTL_MS) return Promise.resolve(hit.image);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchSlots(() => download(verdict.url)).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
    pending.then((image) => remember(key, image), () => undefined);
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
  // Credentials omitted: the extension asks as itself, not as the user on that site. Redirects are
  // not followed: their target can't be checked before the request is made (SECURITY.md).
  const response = await fetch(url, {
    credentials: 'omit',
    redirect: 'manual',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (isRedirect(response)) throw new ImageRejected('redirected (redirects are not followed)');
  // Not a refusal: the page, with the user's cookies, may get what we did not (colorize-service.ts).
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = mediaType(response.headers.get('content-type'));
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_IMAGE_BYTES) throw new ImageRejected(`too large (${length} bytes)`);
  const bytes = await readCapped(response, MAX_IMAGE_BYTES);
  return imageFromBytes(url, bytes, declared);
}

/** Browsers answer a manual redirect with an opaque response (type 'opaqueredirect', status 0). */
export function isRedirect(response: Pick<Response, 'type' | 'status'>): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
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

function remember(key: string, image: FetchedImage): void {
  const old = recent.get(key);
  if (old) recentBytes -= old.image.bytes.byteLength;
  recent.delete(key);
  recent.set(key, { image, at: Date.now() });
  recentBytes += image.bytes.byteLength;
  for (const [key, entry] of recent) {
    if (recentBytes <= RECENT_MAX_BYTES) break;
    recent.delete(key);
    recentBytes -= entry.image.bytes.byteLength;
  }
}
