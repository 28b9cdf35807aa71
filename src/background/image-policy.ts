// Which fetched files the background agrees to decode, and how big it lets them get. Pure: the
// limits keep a service worker's memory bounded and refuse what can't be a photo.
import { MAX_SOURCE_PIXELS, MIN_SOURCE_SIDE } from '../shared/limits.ts';
import type { Sniffed, RasterFormat } from './image-sniff.ts';

/** Larger downloads are refused (a photo on a web page is rarely over a few MB). */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Images are colorized at most this large on their long side; bigger ones are scaled down first. */
export const MAX_WORK_SIDE = 3072;

const BINARY_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', '']);

export type ImageJudgement = { ok: true; format: RasterFormat } | { ok: false; reason: string };

/** Declared Content-Type, lowercased and without parameters. */
export function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

export function judgeImage(sniffed: Sniffed, declaredType: string, byteLength: number): ImageJudgement {
  if (byteLength > MAX_IMAGE_BYTES) return { ok: false, reason: `too large (${byteLength} bytes)` };
  if (!declaredType.startsWith('image/') && !BINARY_TYPES.has(declaredType)) {
    return { ok: false, reason: `not an image (${declaredType})` };
  }
  if (sniffed.format === 'svg' || declaredType === 'image/svg+xml') return { ok: false, reason: 'vector image (svg)' };
  if (sniffed.format === null) return { ok: false, reason: `not an image (bytes do not match ${declaredType || 'any image format'})` };
  if (sniffed.animated) return { ok: false, reason: `animated ${sniffed.format}` };
  const { width, height } = sniffed;
  // A size the header does not state is refused: the decoder might read one past the limit.
  if (width === undefined || height === undefined) return { ok: false, reason: `size unreadable before decoding (${sniffed.format})` };
  if (width * height > MAX_SOURCE_PIXELS) return { ok: false, reason: `too large (${width}x${height})` };
  if (Math.min(width, height) < MIN_SOURCE_SIDE) return { ok: false, reason: `too small (${width}x${height})` };
  return { ok: true, format: sniffed.format };
}
