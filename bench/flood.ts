// A page of 300 large photos (3000x2000 gray JPEGs, each its own URL) on an archive site, scrolled
// from top to bottom: the service worker's memory while it works through them, sampled over CDP
// every 500 ms (V8 heap in use and ArrayBuffer backing stores): as found, garbage included, and
// every fifth sample after a forced GC (what is really held); the peaks, the end, and how many
// photos were colorized. Issue 11: bounded work (2 fetches, 2 images
// between fetch and queue, 1 decode, a queue bounded per tab and in bytes). Figures, not asserts.
//
//   node --import tsx bench/flood.ts [--seconds 120]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { ARCHIVE_HOST } from '../test/e2e/support/extension.ts';
import { photosDir } from '../test/e2e/support/fixtures.ts';
import { launch, withWorkerSession, workerHeap } from './lib/chromium.ts';
import { startServer } from './lib/server.ts';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 120;
const IMAGES = 300;
const MB = 2 ** 20;

const large = await sharp(readFileSync(resolve(photosDir, 'deb-000003.jpg'))).grayscale().resize(3000, 2000, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer();
const server = await startServer({});
server.set('/large.jpg', { body: large, type: 'image/jpeg' });
const cells = Array.from({ length: IMAGES }, (_, i) => `<img id="i${i}" src="/large.jpg?n=${i}" width="360" height="240" alt="">`).join('');
server.set('/flood.html', { body: `<!doctype html><meta charset="utf-8"><body style="margin:0">${cells}</body>`, type: 'text/html' });

const bench = await launch({ extension: true, gpu: false });
const samples: { at: number; used: number; backing: number }[] = [];
const live: typeof samples = [];
try {
  const page = await bench.context.newPage();
  const started = Date.now();
  await page.goto(`http://${ARCHIVE_HOST}:${server.port}/flood.html`);
  const colorized = () =>
    page.$$eval('img', (all) => all.filter((img) => /^(blob|data):/.test((img as HTMLImageElement).currentSrc)).length);
  let lastScroll = 0;
  while (Date.now() - started < seconds * 1000) {
    const usage = await withWorkerSession(bench, (session) => session.send('Runtime.getHeapUsage')).catch(() => undefined);
    if (usage) {
      const u = usage as { usedSize: number; backingStorageSize?: number };
      samples.push({ at: Date.now() - started, used: u.usedSize, backing: u.backingStorageSize ?? 0 });
    }
    if (samples.length % 5 === 0) {
      const held = await workerHeap(bench).catch(() => undefined);
      if (held) live.push({ at: Date.now() - started, used: held.usedBytes, backing: held.backingStoreBytes });
    }
    // Scroll a screen every 1.5 s: the whole page in about 75 s, as a reader skimming it would.
    if (Date.now() - lastScroll > 1500) {
      await page.mouse.wheel(0, 720);
      lastScroll = Date.now();
    }
    await page.waitForTimeout(500);
  }
  const done = await colorized();
  const end = await workerHeap(bench);
  const peakUsed = Math.max(...samples.map((s) => s.used));
  const peakBacking = Math.max(...samples.map((s) => s.backing));
  const peakSum = Math.max(...samples.map((s) => s.used + s.backing));
  console.log(`${IMAGES} photos of 3000x2000 (${(large.length / MB).toFixed(2)} MB each), ${seconds} s, ${samples.length} samples`);
  console.log(`colorized on screen: ${done}`);
  const livePeak = Math.max(...live.map((s) => s.used + s.backing));
  console.log(`worker peak after GC (held): ${(livePeak / MB).toFixed(1)} MB (heap and backing stores, ${live.length} samples)`);
  console.log(`worker peak as found (garbage included): V8 heap used ${(peakUsed / MB).toFixed(1)} MB, ArrayBuffer backing stores ${(peakBacking / MB).toFixed(1)} MB, both together ${(peakSum / MB).toFixed(1)} MB`);
  console.log(`worker at the end, after GC: heap ${(end.usedBytes / MB).toFixed(1)} MB, backing stores ${(end.backingStoreBytes / MB).toFixed(1)} MB`);
} finally {
  await bench.close();
  await server.close();
}
