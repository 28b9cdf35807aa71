// Colour hints through the background (issue 14's groundwork, before the editor UI): the colorize
// path a content script's request takes, called through the test build's worker hook with the
// photo's bytes, on the real shipped model. A blue hint in the sky makes the sky bluer than the
// automatic result, the same request again is a cache hit with the same result, and hints written
// differently (key order, hex case) hit the same cache entry.
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { resolve } from 'node:path';
import { repoRoot } from './support/fixtures.ts';
import { useExtension } from './support/setup.ts';
import { describeColor, hexColor, hueDistance, regionColor } from '../support/hint-measure.ts';

const env = useExtension();

interface Answer {
  outcome: string;
  cached?: boolean;
  base64?: string;
  width?: number;
  height?: number;
  detail?: string;
}

type Hint = Record<string, unknown>;

async function colorizeInWorker(base64: string, hints?: Hint[]): Promise<Answer> {
  return env.inWorker(
    async ([data, list]) => {
      const recolor = (globalThis as unknown as { recolor: { colorize(source: unknown, auto: boolean, hints?: unknown): Promise<Answer> } }).recolor;
      // `detect` on, as automatic colorizing asks: a request with hints must skip the detector.
      return recolor.colorize({ kind: 'bytes', url: 'https://photos.example.org/china.jpg', base64: data, mime: 'image/jpeg' }, true, list);
    },
    [base64, hints] as const,
  );
}

async function decoded(answer: Answer) {
  const { data, info } = await sharp(Buffer.from(answer.base64!, 'base64')).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

test('a blue hint in the sky makes the sky bluer; the same hints again are a cache hit', async () => {
  const photo = resolve(repoRoot, 'test/fixtures/cli/input/more/china-gray.tiff');
  const jpeg = (await sharp(photo).grayscale().jpeg({ quality: 92 }).toBuffer()).toString('base64');
  const [x, y, color] = [0.8, 0.15, '#4a7ab5'];

  const plain = await colorizeInWorker(jpeg);
  const hinted = await colorizeInWorker(jpeg, [{ x, y, color }]);
  expect(plain.outcome, plain.detail).toBe('colorized');
  expect(hinted.outcome, hinted.detail).toBe('colorized');
  expect(hinted.cached).toBe(false);

  const [before, after] = await Promise.all([decoded(plain), decoded(hinted)]);
  expect([after.width, after.height]).toEqual([before.width, before.height]);
  const want = hexColor(color);
  const [b, a] = [regionColor(before, x, y, 0.05), regionColor(after, x, y, 0.05)];
  console.log(`hint in the worker: the sky near it, ${describeColor(b)} -> ${describeColor(a)}; the hint ${describeColor(want)}`);
  expect(hueDistance(a.hue, want.hue)).toBeLessThan(hueDistance(b.hue, want.hue));
  expect(a.chroma).toBeGreaterThan(b.chroma);

  // The same hints, written with keys in another order and the hex in upper case: a cache hit.
  const again = await colorizeInWorker(jpeg, [{ color: color.toUpperCase(), y, x }]);
  expect(again.outcome).toBe('colorized');
  expect(again.cached).toBe(true);
  expect(again.base64).toBe(hinted.base64);
  // Another hint is another result, not the cached one.
  const red = await colorizeInWorker(jpeg, [{ x, y, color: '#c0392b' }]);
  expect(red.cached).toBe(false);
  expect(red.base64).not.toBe(hinted.base64);
});

test('a request with hints never runs the detector: a colour photo is colorized as asked', async () => {
  const photo = resolve(repoRoot, 'test/fixtures/cli/input/fruits-color.jpg');
  const jpeg = (await sharp(photo).jpeg({ quality: 90 }).toBuffer()).toString('base64');
  const automatic = await colorizeInWorker(jpeg);
  expect(automatic.outcome).toBe('skipped');
  const hinted = await colorizeInWorker(jpeg, [{ x: 0.5, y: 0.5, color: '#2e7d32' }]);
  expect(hinted.outcome, hinted.detail).toBe('colorized');
});

test('malformed hints through the hook are refused, not colorized', async () => {
  const jpeg = (await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 90, b: 90 } } }).jpeg().toBuffer()).toString('base64');
  await expect(colorizeInWorker(jpeg, [{ x: 2, y: 0, color: '#fff' }])).rejects.toThrow(/hints\[0\]: x must be a number from 0 to 1/);
});
