// Cold start: the service worker stopped and the result cache empty (as after the browser idled),
// then a page with one gray photo opens. Timed from the worker's start (its performance.timeOrigin)
// to the colorized photo on screen (src swapped, decoded, and the next frame drawn).
import { ARCHIVE_HOST } from '../../test/e2e/support/extension.ts';
import type { Bench } from '../lib/chromium.ts';
import { inWorker } from '../lib/chromium.ts';
import type { BenchServer } from '../lib/server.ts';
import { stats } from '../lib/stats.ts';
import type { Stats } from '../lib/stats.ts';
import type { SuiteOptions } from './options.ts';

/** In the page: the wall-clock time the first swapped-in image was drawn. */
function watchFirstSwap(): void {
  const target = window as unknown as { benchSwappedAt?: number };
  new MutationObserver((records, observer) => {
    for (const record of records) {
      const image = record.target;
      if (!(image instanceof HTMLImageElement) || !/^(blob|data):/.test(image.getAttribute('src') ?? '')) continue;
      observer.disconnect();
      void image
        .decode()
        .catch(() => undefined)
        .then(() => requestAnimationFrame(() => (target.benchSwappedAt = performance.timeOrigin + performance.now())));
      return;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['src'] });
}

export interface ColdStartFigure {
  photo: string;
  /** Worker start -> colorized photo on screen. */
  total: Stats;
  /** Worker start -> the engine starts loading (the first colorize request, after fetch and cache miss). */
  untilEngineLoad: Stats;
  /** Backend init, model load and warm-up pass. */
  engineLoad: Stats;
  /** Engine ready -> on screen (this image's decode, model, compose, encode, message, swap). */
  afterEngine: Stats;
  /** Navigation start -> on screen, for reference (the worker starts during navigation). */
  fromNavigation: Stats;
}

let unique = 0;

export async function coldStart(bench: Bench, server: BenchServer, photo: string, options: SuiteOptions): Promise<ColdStartFigure> {
  const samples: { total: number; until: number; load: number; after: number; nav: number }[] = [];
  for (let run = -1; run < options.runs; run++) {
    const path = `/cold-${++unique}.html`;
    server.set(path, {
      body: `<!doctype html><meta charset="utf-8"><title>cold</title><body style="margin:0"><img id="photo" src="/photos/${photo}?cold=${unique}" width="512" alt="">`,
      type: 'text/html; charset=utf-8',
    });
    const oldOrigin = await inWorker<number>(bench, 'recolor.clearCache().then(() => performance.timeOrigin)');
    const page = await bench.context.newPage();
    const cdp = await bench.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.addInitScript(watchFirstSwap);
    await page.goto(`http://${ARCHIVE_HOST}:${server.port}${path}`);
    const swapped = await page.waitForFunction(() => (window as unknown as { benchSwappedAt?: number }).benchSwappedAt, null, { timeout: 120_000 });
    const swappedAt = (await swapped.jsonValue()) as number;
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    const times = await inWorker<{ origin: number; load?: { started: number; ready?: number } }>(
      bench,
      '({ origin: performance.timeOrigin, load: recolor.engineLoadTimes() })',
    );
    await page.close();
    if (times.origin <= oldOrigin) throw new Error('cold start: the service worker was not restarted');
    if (!times.load?.ready) throw new Error('cold start: the engine did not load in the restarted worker');
    const readyAt = times.origin + times.load.ready;
    if (run >= 0) {
      samples.push({
        total: swappedAt - times.origin,
        until: times.load.started,
        load: times.load.ready - times.load.started,
        after: swappedAt - readyAt,
        nav: swappedAt - navigationStart,
      });
    }
  }
  const figure: ColdStartFigure = {
    photo,
    total: stats(samples.map((s) => s.total)),
    untilEngineLoad: stats(samples.map((s) => s.until)),
    engineLoad: stats(samples.map((s) => s.load)),
    afterEngine: stats(samples.map((s) => s.after)),
    fromNavigation: stats(samples.map((s) => s.nav)),
  };
  options.log(`cold start: ${figure.total.median.toFixed(0)} ms (engine load ${figure.engineLoad.median.toFixed(0)} ms)`);
  return figure;
}
