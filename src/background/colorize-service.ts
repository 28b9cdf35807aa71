// The background's two jobs for content scripts: a tiny thumbnail for the detector (probe) and the
// colorized image (colorize), each from bytes it fetched or bytes the content script read.
import { base64ToBytes, bytesToBase64 } from '../shared/base64.ts';
import type { ColorizeResponse, ImageSource, Priority, ProbeResponse } from '../shared/messages.ts';
import { DETECT_MAX_SIDE } from '../detect/index.ts';
import { loadEngine, modelVersion } from './engine-host.ts';
import { decodeImage, encodeImage, hasTransparency } from './image-codec.ts';
import { fetchImage, imageFromBytes } from './image-fetch.ts';
import type { FetchedImage } from './image-fetch.ts';
import { MAX_WORK_SIDE } from './image-policy.ts';
import { JobQueue } from './job-queue.ts';
import { cacheKey, getCached, putCached } from './result-cache.ts';
import type { CachedResult } from './result-cache.ts';

const queue = new JobQueue<CachedResult>();

function load(source: ImageSource): Promise<FetchedImage> {
  if (source.kind === 'url') return fetchImage(source.url);
  return imageFromBytes(source.url, base64ToBytes(source.base64), source.mime);
}

/** The tab closed or navigated: its waiting work is no longer wanted. */
export function cancelTab(tabId: number): void {
  queue.cancelOwner(tabId);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function probe(url: string): Promise<ProbeResponse> {
  try {
    const image = await fetchImage(url);
    const { image: thumb, sourceWidth, sourceHeight } = await decodeImage(image.bytes, image.mime, DETECT_MAX_SIDE, image);
    return {
      ok: true,
      width: thumb.width,
      height: thumb.height,
      sourceWidth,
      sourceHeight,
      pixels: bytesToBase64(thumb.data),
    };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

export async function colorize(source: ImageSource, priority: Priority, strength: number, tabId: number): Promise<ColorizeResponse> {
  try {
    const image = await load(source);
    const key = cacheKey(source.url, image.hash, await modelVersion(), strength);
    const cached = await getCached(key).catch(() => undefined);
    const result =
      cached ??
      (await queue.run(key, priority, async () => {
        const engine = await loadEngine();
        const { image: pixels, sourceWidth, sourceHeight } = await decodeImage(image.bytes, image.mime, MAX_WORK_SIDE);
        const colored = await engine.colorize(pixels, { strength });
        const encoded = await encodeImage(colored, hasTransparency(pixels));
        const entry: CachedResult = {
          key,
          bytes: encoded.bytes.buffer,
          mime: encoded.mime,
          width: colored.width,
          height: colored.height,
          sourceWidth,
          sourceHeight,
        };
        // A full or unavailable cache must not cost the user the result.
        await putCached(entry).catch(() => undefined);
        return entry;
      }, tabId));
    return {
      ok: true,
      cached: cached !== undefined,
      base64: bytesToBase64(new Uint8Array(result.bytes)),
      mime: result.mime,
      width: result.width,
      height: result.height,
      sourceWidth: result.sourceWidth,
      sourceHeight: result.sourceHeight,
    };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
