// The background's job for content scripts: the colorized image, from bytes it fetched or bytes the
// content script read; for automatic requests, only once the detector has called the image a
// black-and-white or toned photo (so the page's main thread never decodes or measures it).
// Bounded: fetches are limited in image-fetch.ts, decodes run one at a time with a watchdog, and
// the model's jobs wait in a bounded queue (job-queue.ts). The colour editor's requests find the
// image decoded and made ready once for its session (editor-image-keeper.ts).
import pLimit from 'p-limit';
import { base64ToBytes, bytesToBase64 } from '../shared/base64.ts';
import type { ColorHint } from '../shared/hints.ts';
import type { ColorizeResponse, ImageSource, Priority } from '../shared/messages.ts';
import { CodedFailure, detailOf, failed, skipOfDetection } from '../shared/result.ts';
import type { FailCode } from '../shared/result.ts';
import { DETECT_MAX_SIDE, detectImageKind } from '../detect/index.ts';
import type { Detection } from '../detect/index.ts';
import { lastTimings } from '../engine/index.ts';
import type { PreparedImage, RgbaImage } from '../engine/index.ts';
import { EditorImageKeeper } from './editor-image-keeper.ts';
import type { EditorFrame } from './editor-images.ts';
import { loadEngine, modelVersion } from './engine-host.ts';
import { decodeBitmap, decodeImage, encodeImage, hasTransparency, pixelsOf } from './image-codec.ts';
import { recallEdit, rememberEdit } from './hint-memory.ts';
import { fetchImage, imageFromBytes, ImageRejected } from './image-fetch.ts';
import type { FetchedImage } from './image-fetch.ts';
import { MAX_WORK_SIDE } from './image-policy.ts';
import { JobCancelled, JobDropped, JobQueue } from './job-queue.ts';
import { cacheKey, getCached, putCached } from './result-cache.ts';
import type { CachedResult } from './result-cache.ts';

const queue = new JobQueue<CachedResult>();

/** Decodes at once: each holds up to MAX_SOURCE_PIXELS of RGBA. */
export const MAX_DECODES = 1;
/** A decode that takes longer fails and frees its slot (the browser's decoder may have hung). */
const DECODE_TIMEOUT_MS = 30_000;
const decodeSlots = pLimit(MAX_DECODES);
/** Images being fetched or looked at by the detector at once (the fetches themselves: image-fetch.ts). */
const MAX_INTAKE = 2;
const intake = pLimit(MAX_INTAKE);

/** How many times the background decoded an image for the model (end-to-end tests: the test build's hook). */
let decodes = 0;

/** The bytes decoded and fitted within MAX_WORK_SIDE, in a decode slot. */
function decodeForWork(bytes: Uint8Array<ArrayBuffer>, mime: string) {
  decodes += 1;
  return decoding(() => decodeImage(bytes, mime, MAX_WORK_SIDE));
}

/** The colour editors' images, decoded once per editor session (colorizes and suggestions share them). */
export const editorImages = new EditorImageKeeper(decodeForWork);

/** An editor session closed ('editor-closed'): its images go, and its late requests keep none. */
export function closeEditorSession(tabId: number, frameId: number, session: string): void {
  editorImages.close(tabId, frameId, session);
}

/** The tab closed or navigated: its editors' images go. */
export function forgetEditorImages(tabId: number): void {
  editorImages.forgetTab(tabId);
}

/** How many images are kept for editors now, and how many decodes for the model so far (test build hooks). */
export function editorImageCount(): number {
  return editorImages.size;
}
export function decodeCount(): number {
  return decodes;
}

/** `work`, limited to MAX_DECODES at once; its slot is freed after DECODE_TIMEOUT_MS whatever happens. */
export function decoding<T>(work: () => Promise<T>, dispose?: (late: T) => void): Promise<T> {
  return decodeSlots(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`decode timed out after ${DECODE_TIMEOUT_MS / 1000} s`));
      }, DECODE_TIMEOUT_MS);
    });
    // A decode that ends after its watchdog fired is released at once (nobody is waiting for it).
    const decoded = work().then((value) => {
      if (timedOut) dispose?.(value);
      return value;
    });
    return Promise.race([decoded, watchdog]).finally(() => clearTimeout(timer));
  });
}

/** Milliseconds per stage of the last colorize that ran the model (read by `npm run bench`; test build only). */
export interface JobTimings {
  /** Fetch (or base64 decode) and hashing of the source bytes. */
  load: number;
  /** Automatic requests: the detector's verdict (its decode and thumbnail included); 0 otherwise. */
  detect: number;
  cacheGet: number;
  /** Waiting for the engine (model load on the first job) and for earlier jobs. */
  engineWait: number;
  decode: number;
  /** Lightness of every pixel, reduced to the working input. */
  prepare: number;
  model: number;
  /** ab upsampling and Lab -> sRGB at full resolution. */
  compose: number;
  encode: number;
  cachePut: number;
}

let lastJob: JobTimings | undefined;

export function lastJobTimings(): JobTimings | undefined {
  return lastJob && { ...lastJob };
}

export function load(source: ImageSource, options: Pick<ColorizeOptions, 'pageUrl' | 'partition'>): Promise<FetchedImage> {
  if (source.kind === 'url') return fetchImage(source.url, options.pageUrl, options.partition);
  return imageFromBytes(source.url, base64ToBytes(source.base64), source.mime);
}

/** The tab closed or navigated: its waiting work is no longer wanted. */
export function cancelTab(tabId: number): void {
  queue.cancelOwner(tabId);
  tabGenerations.set(tabId, (tabGenerations.get(tabId) ?? 0) + 1);
}

/**
 * The failure code for an error on the way to a result. Fetching, decoding and the model each
 * throw their own kind (image-fetch.ts: ImageRejected for a refusal by policy, anything else for a
 * fetch that did not get the image).
 */
function failureCode(error: unknown, stage: 'load' | 'decode' | 'engine'): FailCode {
  if (error instanceof CodedFailure) return error.code;
  if (error instanceof ImageRejected) return 'refused';
  if (stage === 'load') return 'unreachable';
  return stage === 'decode' ? 'undecodable' : 'engine';
}

/** Runs one stage, giving an error the stage's failure code. */
export async function stage<T>(name: 'load' | 'decode' | 'engine', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof CodedFailure ? error : new CodedFailure(failureCode(error, name), detailOf(error));
  }
}

/** Bumped when a tab closes or navigates: its requests still waiting to start are dropped. */
const tabGenerations = new Map<number, number>();

/**
 * The detector's call on a decoded image, from a thumbnail scaled from it. The whole image is
 * decoded for this: Chromium's createImageBitmap decodes in full even when asked for a 64 px
 * result (as slow as the full decode: `node --import tsx bench/thumbnail-decode.ts`), and the full
 * decode can then serve the model too.
 */
export async function detect(bitmap: ImageBitmap): Promise<Detection> {
  const thumb = await pixelsOf(bitmap, DETECT_MAX_SIDE);
  return detectImageKind(thumb.data, thumb.width, thumb.height);
}

export interface ColorizeOptions {
  priority: Priority;
  strength: number;
  /** The tab that asked: its waiting jobs are dropped when it closes or navigates. */
  tabId: number;
  /** Colorize only a black-and-white or toned photo (automatic colorizing); ignored with hints. */
  detect?: boolean;
  /**
   * The user's colour hints (checked on arrival, messages.ts); [] is automatic colorizing, and
   * undefined too unless an edit is remembered for the image's content (hint-memory.ts).
   */
  hints?: ColorHint[];
  /** Keep these hints and strength for the image's content (the editor's Apply). */
  remember?: boolean;
  /** The tab's top-level page: which addresses it may name (url-policy.ts). */
  pageUrl: string | undefined;
  /** The top-level site the work is done for: cache entries and shared downloads stay within it. */
  partition: string;
  /** Whether the persistent cache may be used (not for a private tab: result-cache.ts). */
  useCache: boolean;
  /** The frame whose colour editor asks, and its session: the decoded image is kept for that session (editor-image-keeper.ts). */
  editor?: EditorFrame;
}

/**
 * What the model's job colorizes: an editor's kept image (decoded on its first request), else the
 * automatic request's decode, else a decode now.
 */
async function workImage(source: ImageSource, fetched: FetchedImage, decoded: ImageBitmap | undefined, editor: EditorFrame | undefined): Promise<{
  work: RgbaImage | PreparedImage;
  transparent: boolean;
  sourceWidth: number;
  sourceHeight: number;
}> {
  if (editor) {
    const kept = await editorImages.of(editor, source, fetched);
    return { work: kept.prepared, transparent: kept.transparent, sourceWidth: kept.sourceWidth, sourceHeight: kept.sourceHeight };
  }
  const { image, sourceWidth, sourceHeight } = decoded
    ? { image: await pixelsOf(decoded, MAX_WORK_SIDE), sourceWidth: decoded.width, sourceHeight: decoded.height }
    : await decodeForWork(fetched.bytes, fetched.mime);
  return { work: image, transparent: hasTransparency(image), sourceWidth, sourceHeight };
}

export async function colorize(source: ImageSource, options: ColorizeOptions): Promise<ColorizeResponse> {
  const { priority, tabId } = options;
  let { strength } = options;
  let hints = options.hints ?? [];
  let runDetector = options.detect === true;
  /** An automatic request's full decode, kept for the model when its job runs at once. */
  let decoded: ImageBitmap | undefined;
  try {
    const t0 = performance.now();
    // At most MAX_INTAKE images between the start of their fetch and the queue, so fetched images
    // can't pile up waiting for the decoder.
    const generation = tabGenerations.get(tabId);
    const { image, tLoaded, skip } = await intake(async () => {
      if (tabGenerations.get(tabId) !== generation) throw new JobCancelled();
      const image = await stage('load', () => load(source, options));
      const tLoaded = performance.now();
      // An edit the user applied to this image earlier (the same bytes) is shown again.
      const remembered = options.hints === undefined && options.useCache ? await recallEdit(options.partition, image.hash).catch(() => undefined) : undefined;
      if (remembered) {
        hints = remembered.hints;
        strength = remembered.strength ?? strength;
      }
      if (options.remember && options.useCache) await rememberEdit(options.partition, image.hash, hints, strength).catch(() => undefined);
      // The user placed colours on this image: it is colorized whatever the detector would say.
      runDetector &&= hints.length === 0;
      if (!runDetector) return { image, tLoaded };
      const bitmap = await stage('decode', () => decoding(() => decodeBitmap(image.bytes, image.mime), (late) => late.close()));
      decoded = bitmap;
      const detection = await stage('decode', () => detect(bitmap));
      return { image, tLoaded, skip: skipOfDetection(detection) };
    });
    if (skip) return skip;
    const key = await cacheKey(options.partition, source.url, image.hash, await modelVersion(), strength, hints);
    const t1 = performance.now();
    const cached = options.useCache ? await getCached(key).catch(() => undefined) : undefined;
    const t2 = performance.now();
    // The model's job starts on this decode only if nothing is ahead of it (checked here, where no
    // other request can slip in before it is queued): decoded photos waiting in the queue would
    // hold up to 25 MB each. A job that waits decodes again when its turn comes.
    if (queue.size > 0 || cached) {
      decoded?.close();
      decoded = undefined;
    }
    const result =
      cached ??
      (await queue.run(key, priority, async () => {
        const engine = await stage('engine', () => loadEngine());
        const t4 = performance.now();
        const { work, transparent, sourceWidth, sourceHeight } = await stage('decode', () => workImage(source, image, decoded, options.editor));
        const t5 = performance.now();
        const colored = await stage('engine', () => engine.colorize(work, { strength, hints }));
        const stages = lastTimings(engine);
        const t6 = performance.now();
        const encoded = await encodeImage(colored, transparent);
        const t7 = performance.now();
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
        if (options.useCache) await putCached(entry).catch(() => undefined);
        if (__RECOLOR_TEST__) lastJob = {
          load: tLoaded - t0,
          detect: runDetector ? t1 - tLoaded : 0,
          cacheGet: t2 - t1,
          engineWait: t4 - t2,
          decode: t5 - t4,
          prepare: stages?.prepare ?? 0,
          model: stages?.model ?? t6 - t5,
          compose: stages?.compose ?? 0,
          encode: t7 - t6,
          cachePut: performance.now() - t7,
        };
        return entry;
      }, tabId, image.bytes.byteLength));
    return {
      outcome: 'colorized',
      cached: cached !== undefined,
      base64: bytesToBase64(new Uint8Array(result.bytes)),
      mime: result.mime,
      width: result.width,
      height: result.height,
      sourceWidth: result.sourceWidth,
      sourceHeight: result.sourceHeight,
      strength,
      ...(hints.length > 0 ? { hints } : {}),
    };
  } catch (error) {
    // Work dropped by the bounded queue or for a page that is gone: nothing broke, it was not done.
    const code = error instanceof CodedFailure ? error.code : error instanceof JobCancelled || error instanceof JobDropped ? 'refused' : 'internal';
    return failed(code, detailOf(error));
  } finally {
    decoded?.close();
  }
}
