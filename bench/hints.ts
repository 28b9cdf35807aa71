// From "a hint placed" to "result ready" (issue 14's colour editor; target 300 ms for a 1024x768
// photo on wasm on the 2-core machine), median of N after warm-up, each run with the hint at a new
// place (so every run misses the result cache, as a new hint does):
//   1. Node, tfjs wasm: the engine alone on pixels already decoded, and decode (sharp) + engine +
//      JPEG encode, what the background does for a request that is not the editor's.
//   2. Chromium, the extension's background (test build, dist/test/chrome): the colorize path a
//      content script's request with hints takes (bytes in, base64 JPEG out), through the worker
//      hook globalThis.recolor.colorize; no network (the bytes travel in the request): decoded
//      again per request (as a request from outside the editor), then as the editor's requests
//      (the image decoded once for its session, editor-image-keeper.ts). The backend is what the
//      extension picks on this machine (printed). Then the same hints again: a cache hit.
//   3. Chromium, the colour editor in a page (the extension's test build): a click on the photo
//      places a hint, to its result drawn on the editor's canvas (the content script's
//      `recolor:edit` User Timing measure: message to the background and back, decode, draw).
//   4. Chromium, the extension's background: the editor's suggested colours for a hint (the
//      suggest-colors path through the worker hook globalThis.recolor.suggest, the photo's URL as
//      source, served locally): the first for the image, then one at a new point per run; and how
//      many times the worker fetched the photo for them.
//   npm run bench:hints [-- --runs 10 --size 1024x768 --skip-extension | --suggestions-only]
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { decodeImage } from '../src/cli/image-io.ts';
import { DEFAULT_MODEL_DIR, fileModelHandler, readModelVersion } from '../src/cli/model-files.ts';
import { createEngine, type ColorHint } from '../src/engine/index.ts';
import type { ColorizeResponse } from '../src/shared/messages.ts';
import { ARCHIVE_HOST, DIST_CHROME } from '../test/e2e/support/extension.ts';
import { EditorDom } from '../test/e2e/support/editor-dom.ts';
import { launch, serviceWorker } from './lib/chromium.ts';
import { makePhoto, parseSize } from './lib/photos.ts';
import { startServer } from './lib/server.ts';
import { formatStats, stats } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    size: { type: 'string', default: '1024x768' },
    'skip-extension': { type: 'boolean', default: false },
    'suggestions-only': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs));
const WARM_UPS = 2;
const [width, height] = parseSize(values.size);
const modelDir = process.env.RECOLOR_MODEL_DIR ?? DEFAULT_MODEL_DIR;
if (!existsSync(path.join(modelDir, 'model.json'))) {
  console.error(`no model at ${modelDir} (set RECOLOR_MODEL_DIR)`);
  process.exit(1);
}
tf.enableProdMode();

/** Run i's hints: one blue hint in the top part, at a new place each run. */
const hintsFor = (i: number): ColorHint[] => [{ x: 0.1 + ((i * 0.037) % 0.8), y: 0.15, color: '#4a7ab5' }];
const photo = await makePhoto(width, height);
console.log(`model ${await readModelVersion(modelDir)}; node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`hint placed -> result ready, ${values.size} gray JPEG (${(photo.jpeg.length / 1024).toFixed(0)} KB), ms: median (min-max) of ${runs} after ${WARM_UPS} warm-ups\n`);

const only = values['suggestions-only'];
// ---- 1. Node, wasm
if (!only) {
  const engine = await createEngine({ model: fileModelHandler(path.join(modelDir, 'model.json')), backends: ['wasm'] });
  if (engine.backend.backend !== 'wasm') throw new Error(`asked for wasm, got ${engine.backend.backend}`);
  if (!engine.acceptsHints) console.log(`note: the model has no hint channel; hints are ignored (${engine.modelVersion})`);
  const decoded = await decodeImage(photo.jpeg);
  const engineOnly: number[] = [];
  const whole: number[] = [];
  for (let run = -WARM_UPS; run < runs; run++) {
    const t0 = performance.now();
    await engine.colorize(decoded, { hints: hintsFor(run + 100) });
    const t1 = performance.now();
    const image = await decodeImage(photo.jpeg);
    const colored = await engine.colorize(image, { hints: hintsFor(run + 200) });
    await sharp(Buffer.from(colored.data.buffer, colored.data.byteOffset, colored.data.length), { raw: { width, height, channels: 4 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    const t2 = performance.now();
    if (run < 0) continue;
    engineOnly.push(t1 - t0);
    whole.push(t2 - t1);
  }
  engine.dispose();
  console.log(`node wasm, engine only (decode kept):           ${formatStats(stats(engineOnly))}`);
  console.log(`node wasm, decode + engine + JPEG encode:      ${formatStats(stats(whole))}`);
}

// ---- 2. The extension's background in Chromium
if (!values['skip-extension'] && !only) {
  if (!existsSync(path.join(DIST_CHROME, 'manifest.json'))) throw new Error('dist/test/chrome is missing: run `npm run build` first');
  const bench = await launch({ extension: true, gpu: false });
  try {
    const worker = await serviceWorker(bench.context);
    const result = await worker.evaluate(
      async ([base64, hintLists, warmUps]) => {
        type Hooks = {
          loadEngine(): Promise<unknown>;
          engineStatus(): { backend?: string; reason?: string };
          colorize(source: unknown, automatic: boolean, hints: unknown, editor: boolean): Promise<ColorizeResponse>;
          lastJobTimings(): Record<string, number> | undefined;
          decodeCount(): number;
        };
        const { recolor } = globalThis as unknown as { recolor: Hooks };
        await recolor.loadEngine();
        const source = { kind: 'bytes', url: 'https://photos.example.org/bench.jpg', base64, mime: 'image/jpeg' };
        // Every run a new hint (a cache miss): first decoded per request, then as the editor asks.
        // (No named function in here: the bundler's name helper does not exist in the worker.)
        const series = [];
        for (const editor of [false, true]) {
          const misses: number[] = [];
          const stages: Record<string, number>[] = [];
          const decodesBefore = recolor.decodeCount();
          const lists = editor ? hintLists.slice(hintLists.length / 2) : hintLists.slice(0, hintLists.length / 2);
          for (const [i, hints] of lists.entries()) {
            const start = performance.now();
            const answer = await recolor.colorize(source, false, hints, editor);
            const ms = performance.now() - start;
            if (answer.outcome !== 'colorized' || answer.cached) throw new Error(`run ${i}: ${JSON.stringify(answer).slice(0, 200)}`);
            if (i < warmUps) continue;
            misses.push(ms);
            stages.push(recolor.lastJobTimings() ?? {});
          }
          series.push({ misses, stages, decodes: recolor.decodeCount() - decodesBefore });
        }
        const [perRequest, kept] = series;
        const start = performance.now();
        const hit = await recolor.colorize(source, false, hintLists[hintLists.length - 1], true);
        if (hit.outcome !== 'colorized' || !hit.cached) throw new Error('the repeated hints were not a cache hit');
        return { perRequest, kept, hitMs: performance.now() - start, backend: recolor.engineStatus() };
      },
      [photo.jpeg.toString('base64'), Array.from({ length: 2 * (WARM_UPS + runs) }, (_, i) => hintsFor(i)), WARM_UPS] as const,
    );
    console.log(`extension background (${result.backend.backend}: ${result.backend.reason}), bytes in -> JPEG out:`);
    for (const [label, series] of [['decoded per request', result.perRequest], ['as the editor asks, decoded once', result.kept]] as const) {
      const stageNames = Object.keys(series.stages[0] ?? {});
      const stageText = stageNames.map((name) => `${name} ${stats(series.stages.map((s) => s[name])).median.toFixed(0)}`).join(', ');
      console.log(`  ${label} (${series.decodes} decodes for ${WARM_UPS + runs} requests): ${formatStats(stats(series.misses))}`);
      console.log(`    stage medians: ${stageText}`);
    }
    console.log(`  the same hints again (cache hit): ${result.hitMs.toFixed(0)} ms`);
  } finally {
    await bench.close();
  }
}

// ---- 3. The colour editor in a page: a hint placed (a click) -> its result drawn
if (!values['skip-extension'] && !only) {
  const server = await startServer({});
  server.set('/photo.jpg', { body: photo.jpeg, type: 'image/jpeg' });
  server.set('/edit.html', { body: `<!doctype html><body style="margin:0"><img id="photo" src="/photo.jpg" alt="photo">`, type: 'text/html' });
  const bench = await launch({ extension: true, gpu: false });
  try {
    const page = await bench.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const url = `http://${ARCHIVE_HOST}:${server.port}/edit.html`;
    await page.goto(url);
    await page.waitForFunction(() => /^(blob|data):/.test((document.getElementById('photo') as HTMLImageElement).currentSrc), undefined, { timeout: 120_000 });
    const srcUrl = await page.$eval('#photo', (img) => (img as HTMLImageElement).currentSrc);
    const worker = await serviceWorker(bench.context);
    const dom = await EditorDom.attach(page);
    const opened = worker.evaluate(
      async ([target, srcUrl]) => {
        const [tab] = await chrome.tabs.query({ url: target });
        const { recolor } = globalThis as unknown as { recolor: { handleMenuClick: Function } };
        return recolor.handleMenuClick({ menuItemId: 'recolor-edit-colors', srcUrl, frameId: 0 }, { id: tab.id });
      },
      [url, srcUrl] as const,
    );
    await dom.waitOpen(120_000);
    await dom.waitIdle(120_000);
    await opened;
    for (let run = 0; run < WARM_UPS + runs; run++) {
      const { x, y } = hintsFor(run)[0];
      await dom.clickPhoto(x, y);
      await dom.waitIdle();
      await page.waitForTimeout(400); // the hint's suggested colours (one more model pass) before the next click
    }
    const measures = await page.evaluate(() => performance.getEntriesByName('recolor:edit').map((entry) => entry.duration));
    if (measures.length !== WARM_UPS + runs) throw new Error(`expected ${WARM_UPS + runs} edit measures, got ${measures.length}`);
    console.log(`the editor in a page: click -> result drawn (hints 1..${WARM_UPS + runs}):  ${formatStats(stats(measures.slice(WARM_UPS)))}`);
    await dom.detach();
  } finally {
    await bench.close();
    await server.close();
  }
}

// ---- 4. Suggested colours in the extension's background, for one image many times
if (!values['skip-extension']) {
  const server = await startServer({});
  let photoFetches = 0;
  server.set('/photo.jpg', { body: photo.jpeg, type: 'image/jpeg', onServe: () => (photoFetches += 1) });
  const bench = await launch({ extension: true, gpu: false });
  try {
    const worker = await serviceWorker(bench.context);
    const result = await worker.evaluate(
      async ([url, points]) => {
        type Hooks = {
          loadEngine(): Promise<unknown>;
          suggest(source: unknown, x: number, y: number, hints: unknown): Promise<{ ok: boolean; error?: string }>;
        };
        const { recolor } = globalThis as unknown as { recolor: Hooks };
        await recolor.loadEngine();
        const source = { kind: 'url', url };
        const times: number[] = [];
        for (const [x, y] of points) {
          const start = performance.now();
          const answer = await recolor.suggest(source, x, y, [{ x: 0.5, y: 0.9, color: '#4f9a3a' }]);
          if (!answer.ok) throw new Error(`suggestion at ${x}, ${y}: ${answer.error}`);
          times.push(performance.now() - start);
        }
        return times;
      },
      [`http://${ARCHIVE_HOST}:${server.port}/photo.jpg`, Array.from({ length: 1 + WARM_UPS + runs }, (_, i) => [0.05 + ((i * 0.089) % 0.9), 0.2] as const)] as const,
    );
    console.log(`suggested colours (extension background), first for the image: ${result[0].toFixed(0)} ms`);
    console.log(`suggested colours, same image at a new point each:              ${formatStats(stats(result.slice(1 + WARM_UPS)))}`);
    console.log(`  the photo fetched by the worker ${photoFetches} time(s) for ${result.length} suggestions`);
  } finally {
    await bench.close();
    await server.close();
  }
}
