// The colour editor's image kept for its session: a second colorize (or suggestion) of the same
// image in the same editor does not decode it again (decodes counted through the decoder passed
// in: sharp on a real photo file), anything else does; and the kept image colorizes to exactly the
// pixels a fresh decode gives (the shipped model on wasm, the same hints).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../cli/image-io.ts';
import { createEngine, type ColorHint, type Engine } from '../engine/index.ts';
import type { ImageSource } from '../shared/messages.ts';
import { engineConfig, HAS_MODEL } from '../../test/support/engine-test-images.ts';
import { REPO_ROOT } from '../../test/support/model-files.ts';
import { EditorImageKeeper, entryBytes } from './editor-image-keeper.ts';
import type { Decode } from './editor-image-keeper.ts';
import { MAX_BYTES } from './editor-images.ts';
import type { EditorFrame } from './editor-images.ts';
import type { FetchedImage } from './image-fetch.ts';
import { MAX_WORK_SIDE } from './image-policy.ts';

const LANDSCAPE = readFileSync(path.join(REPO_ROOT, 'test/fixtures/editor/landscape-gray.jpg'));
const PHOTO_URL = 'https://a.org/photo.jpg';

function fetched(bytes: Buffer, url = PHOTO_URL): FetchedImage {
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  copy.set(bytes);
  return { url, bytes: copy, format: 'jpeg', mime: 'image/jpeg', hash: createHash('sha256').update(bytes).digest('hex') };
}

/** A real decode (sharp), counted; the fixture is within the working size, so it is not scaled. */
function countingDecoder(): { decode: Decode; count: () => number } {
  let count = 0;
  const decode: Decode = async (bytes) => {
    count += 1;
    const image = await decodeImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (Math.max(image.width, image.height) > MAX_WORK_SIDE) throw new Error('fixture larger than the working size');
    return { image, sourceWidth: image.width, sourceHeight: image.height };
  };
  return { decode, count: () => count };
}

const A: EditorFrame = { tabId: 1, frameId: 0, partition: 'a.org', session: 's1' };
/** A later editor in the same frame: its own session. */
const A_AGAIN: EditorFrame = { ...A, session: 's2' };
const A_FRAME: EditorFrame = { tabId: 1, frameId: 2, partition: 'a.org', session: 's3' };
const A_PRIVATE: EditorFrame = { tabId: 1, frameId: 0, partition: 'private a.org', session: 's4' };
const B: EditorFrame = { tabId: 2, frameId: 0, partition: 'a.org', session: 's5' };
const BY_URL: ImageSource = { kind: 'url', url: PHOTO_URL };
const BY_BYTES: ImageSource = { kind: 'bytes', url: 'blob:https://a.org/1', base64: '(not read here)', mime: 'image/png' };
/** The same URL serving other bytes later (the photo re-encoded). */
const CHANGED = Buffer.concat([LANDSCAPE, Buffer.from([0])]);

type Step =
  | ['colorize', EditorFrame, ImageSource, Buffer, number]
  | ['suggest', EditorFrame, string, boolean]
  | ['close', EditorFrame]
  | ['forgetTab', number]
  | ['kept', number];

describe('EditorImageKeeper: decodes per editor session', () => {
  it.each<{ name: string; steps: Step[] }>([
    { name: 'the same editor, the same URL: decoded once', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A, BY_URL, LANDSCAPE, 1]] },
    { name: 'the same editor, bytes sent along: found by their hash', steps: [['colorize', A, BY_BYTES, LANDSCAPE, 1], ['colorize', A, BY_BYTES, LANDSCAPE, 1]] },
    { name: 'the URL gives other bytes now: decoded again', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A, BY_URL, CHANGED, 2], ['colorize', A, BY_URL, CHANGED, 2]] },
    { name: 'suggestions find the image the colorize kept, by URL without a fetch', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['suggest', A, PHOTO_URL, true], ['suggest', A_FRAME, PHOTO_URL, false], ['suggest', A_AGAIN, PHOTO_URL, false]] },
    { name: 'another frame of the tab: its own decode', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A_FRAME, BY_URL, LANDSCAPE, 2], ['colorize', A, BY_URL, LANDSCAPE, 2]] },
    { name: 'another tab: its own decode', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', B, BY_URL, LANDSCAPE, 2]] },
    { name: 'a private tab (its own partition): its own decode', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A_PRIVATE, BY_URL, LANDSCAPE, 2], ['suggest', A_PRIVATE, PHOTO_URL, true]] },
    { name: 'the editor closed, opened again: a new session, decoded again', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['close', A], ['kept', 0], ['suggest', A_AGAIN, PHOTO_URL, false], ['colorize', A_AGAIN, BY_URL, LANDSCAPE, 2], ['kept', 1]] },
    { name: 'a second editor in the frame, the first not closed: the first one\'s image not found, and dropped', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A_AGAIN, BY_URL, LANDSCAPE, 2], ['kept', 1], ['suggest', A, PHOTO_URL, false]] },
    { name: 'a request of the closed session, late: answered, decoded, not kept', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['close', A], ['colorize', A, BY_URL, LANDSCAPE, 2], ['kept', 0], ['colorize', A, BY_BYTES, LANDSCAPE, 3], ['kept', 0], ['suggest', A, PHOTO_URL, false]] },
    { name: 'another frame\'s editor closed: still kept', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['colorize', A_FRAME, BY_URL, LANDSCAPE, 2], ['close', A_FRAME], ['kept', 1], ['colorize', A, BY_URL, LANDSCAPE, 2]] },
    { name: 'the tab closed or navigated: decoded again', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['forgetTab', 1], ['kept', 0], ['colorize', A_AGAIN, BY_URL, LANDSCAPE, 2]] },
    { name: 'another tab closed: still kept', steps: [['colorize', A, BY_URL, LANDSCAPE, 1], ['forgetTab', 2], ['colorize', A, BY_URL, LANDSCAPE, 1]] },
  ])('$name', async ({ steps }) => {
    const { decode, count } = countingDecoder();
    const keeper = new EditorImageKeeper(decode);
    for (const step of steps) {
      if (step[0] === 'colorize') {
        const image = await keeper.of(step[1], step[2], fetched(step[3]));
        expect([image.sourceWidth, image.sourceHeight, image.transparent]).toEqual([800, 600, false]);
        expect(count(), JSON.stringify(step.slice(0, 3))).toBe(step[4]);
      } else if (step[0] === 'suggest') {
        expect(keeper.byUrl(step[1], step[2]) !== undefined, JSON.stringify(step)).toBe(step[3]);
      } else if (step[0] === 'close') {
        keeper.close(step[1].tabId, step[1].frameId, step[1].session);
      } else if (step[0] === 'forgetTab') {
        keeper.forgetTab(step[1]);
      } else {
        expect(keeper.size, 'entries kept').toBe(step[1]);
      }
    }
  });

  it('a suggestion asked while the hint\'s colorize decodes waits for that decode', async () => {
    const { decode, count } = countingDecoder();
    const keeper = new EditorImageKeeper(decode);
    const [colorize, suggestion] = await Promise.all([keeper.of(A, BY_URL, fetched(LANDSCAPE)), keeper.of(A, BY_URL, fetched(LANDSCAPE))]);
    expect(count()).toBe(1);
    expect(suggestion).toBe(colorize);
  });

  it.each<{ name: string; end: (keeper: EditorImageKeeper) => void; kept: number }>([
    { name: 'its editor closed: not kept', end: (keeper) => keeper.close(A.tabId, A.frameId, A.session), kept: 0 },
    { name: 'its tab closed or navigated: not kept', end: (keeper) => keeper.forgetTab(A.tabId), kept: 0 },
    { name: 'another frame\'s editor closed: kept', end: (keeper) => keeper.close(A_FRAME.tabId, A_FRAME.frameId, A_FRAME.session), kept: 1 },
    { name: 'another tab closed: kept', end: (keeper) => keeper.forgetTab(B.tabId), kept: 1 },
  ])('while the image decodes, $name', async ({ end, kept }) => {
    const { decode, count } = countingDecoder();
    const keeper = new EditorImageKeeper(decode);
    const decoding = keeper.of(A, BY_URL, fetched(LANDSCAPE));
    end(keeper);
    const image = await decoding;
    expect([image.sourceWidth, count(), keeper.size, keeper.byUrl(A, PHOTO_URL) !== undefined]).toEqual([800, 1, kept, kept === 1]);
  });

  it('keeps one image of the largest working size (the byte cap), and the fixture\'s entry is its pixels and plane', async () => {
    const largest = MAX_WORK_SIDE * MAX_WORK_SIDE * 4 + 256 * 256 * 4;
    expect(largest).toBeLessThanOrEqual(MAX_BYTES);
    const keeper = new EditorImageKeeper(countingDecoder().decode);
    const image = await keeper.of(A, BY_URL, fetched(LANDSCAPE));
    expect(entryBytes(image)).toBe(800 * 600 * 4 + 256 * 256 * 4);
  });
});

describe.skipIf(!HAS_MODEL)('the kept image colorizes as a fresh decode does (shipped model, wasm)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine(await engineConfig());
  });
  afterAll(() => engine?.dispose());

  it.each<{ name: string; hints: ColorHint[]; strength?: number }>([
    { name: 'no hints', hints: [] },
    { name: 'a blue hint in the sky', hints: [{ x: 0.08, y: 0.08, color: '#4a7ab5' }] },
    { name: 'two hints, half strength', hints: [{ x: 0.08, y: 0.08, color: '#4a7ab5' }, { x: 0.75, y: 0.8, color: '#c0392b' }], strength: 0.5 },
  ])('$name: the same pixels, with one decode for all requests', async ({ hints, strength }) => {
    const { decode, count } = countingDecoder();
    const keeper = new EditorImageKeeper(decode);
    await keeper.of(A, BY_URL, fetched(LANDSCAPE)); // the editor's first request
    const kept = await keeper.of(A, BY_URL, fetched(LANDSCAPE)); // this hint's
    expect(count()).toBe(1);
    const cached = await engine.colorize(kept.prepared, { hints, strength });
    const fresh = await decodeImage(LANDSCAPE);
    const uncached = await engine.colorize(fresh, { hints, strength });
    expect([cached.width, cached.height]).toEqual([uncached.width, uncached.height]);
    expect(Buffer.from(cached.data).equals(Buffer.from(uncached.data))).toBe(true);
    // And the kept pixels are the decode's, untouched by the colorizes.
    expect(Buffer.from(kept.prepared.pixels.data).equals(Buffer.from(fresh.data))).toBe(true);
  });
});
