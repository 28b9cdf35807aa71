// On the page: the content script's main-thread time per candidate image (its User Timing
// measures, src/content/timing.ts) and long tasks on a 300-image page, scrolled top to bottom
// while the extension works, against the same page and scroll in a browser without it.
import type { Page } from '@playwright/test';
import { ARCHIVE_HOST } from '../../test/e2e/support/extension.ts';
import type { Bench } from '../lib/chromium.ts';
import type { BenchServer } from '../lib/server.ts';
import { coveredMs, stats } from '../lib/stats.ts';
import type { Stats } from '../lib/stats.ts';
import { traceMainThread } from '../lib/trace.ts';
import type { SuiteOptions } from './options.ts';

const IMAGES = 300;
const GRAY = ['astronaut.jpg', 'baboon.jpg', 'building.jpg', 'cat.jpg', 'coffee.jpg', 'rocket.jpg'];
const SCROLL_STEPS = 30;

function largePhotosPage(): string {
  const photos = ['3000x2000', '1024x768', '3000x2000', '1024x768'].map(
    (size, i) => `<img id="p${i}" src="/photos/${size}.jpg?large=${i}" width="560" alt="">`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>large photos</title></head><body style="margin:0">${photos.join('')}</body></html>`;
}

export function manyImagesPage(): string {
  const cells = Array.from({ length: IMAGES }, (_, i) => {
    const name = i % 3 === 2 ? 'fruits-color.jpg' : GRAY[i % GRAY.length];
    return `<img id="i${i}" src="/img/${name}?n=${i}" width="128" height="96" style="object-fit: cover" alt="">`;
  }).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>300 images</title>
<style>body { margin: 0; font: 14px sans-serif; } img { vertical-align: top; }</style></head>
<body><div style="display: flex; flex-wrap: wrap; gap: 4px; width: 1180px">${cells}</div></body></html>`;
}

interface Span {
  name: string;
  start: number;
  duration: number;
  item?: number;
}

export async function scrollThrough(page: Page, ms: number): Promise<void> {
  for (let step = 0; step < SCROLL_STEPS; step++) {
    await page.waitForTimeout(ms / SCROLL_STEPS);
    await page.evaluate((fraction) => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * fraction), (step + 1) / SCROLL_STEPS);
  }
  await page.waitForTimeout(1000);
}

async function visit(bench: Bench, url: string, ms: number) {
  const page = await bench.context.newPage();
  let timeline: { spans: Span[]; swapped: number } = { spans: [], swapped: 0 };
  const main = await traceMainThread(page, new URL(url).pathname, async () => {
    await page.goto(url);
    await page.waitForLoadState('load');
    await scrollThrough(page, ms);
    timeline = await page.evaluate(() => ({
      // The measures again from the page's timeline, for the image's number in their names.
      spans: performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('recolor:'))
        .map((entry) => {
          const [, stage, item] = entry.name.split(':');
          return { name: stage, start: entry.startTime, duration: entry.duration, item: item === undefined ? undefined : Number(item) };
        }),
      swapped: Array.from(document.images).filter((image) => /^(blob|data):/.test(image.currentSrc)).length,
    }));
  });
  await page.close();
  return { ...timeline, longTasks: main.longTasks, tracedSpans: main.spans, insideLongTasks: main.insideLongTasks };
}

export interface LongTasks {
  count: number;
  longest: number;
  totalMs: number;
}

function longTaskSummary(tasks: { duration: number }[]): LongTasks {
  return { count: tasks.length, longest: tasks.reduce((max, t) => Math.max(max, t.duration), 0), totalMs: tasks.reduce((sum, t) => sum + t.duration, 0) };
}

export interface ContentTime {
  /** Images the content script passed on to the detector (in the background, or here for data:/blob:). */
  candidates: number;
  colorized: number;
  /** Main-thread ms per candidate: its own measures plus an equal share of scanning and observers. */
  perCandidate: Stats;
  /** All of the content script's main-thread time divided by the candidates. */
  meanPerCandidate: number;
  /** Main-thread time per stage over the page: pieces, total and longest ms (stages nest: 'consider' holds 'send'). */
  stages: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** The longest single measure (one piece of our work in one task). */
  longestSpan: { name: string; ms: number };
  longTasks: LongTasks & {
    /** Long tasks with some of our measured work inside. */
    withOurWork: number;
    /** Of those, the ones that would not have been long without our part (< 50 ms without it). */
    causedByUs: number;
    longestCausedByUs: number;
  };
}

export interface PageFigure extends ContentTime {
  images: number;
  scrollMs: number;
  withoutExtension: LongTasks;
  /** A page of four large photos (2 of 3000x2000, 2 of 1024x768). */
  largePhotos: ContentTime;
}

function overlap(span: Span, task: { start: number; duration: number }): number {
  return Math.max(0, Math.min(span.start + span.duration, task.start + task.duration) - Math.max(span.start, task.start));
}

function contentTime(measured: Awaited<ReturnType<typeof visit>>): ContentTime {
  const spans: Span[] = measured.spans;
  const byItem = new Map<number, Span[]>();
  const stages: ContentTime['stages'] = {};
  for (const span of spans) {
    const stage = (stages[span.name] ??= { count: 0, totalMs: 0, maxMs: 0 });
    stage.count += 1;
    stage.totalMs += span.duration;
    stage.maxMs = Math.max(stage.maxMs, span.duration);
    if (span.item !== undefined) byItem.set(span.item, [...(byItem.get(span.item) ?? []), span]);
  }
  // Measures nest (a 'consider' holds the 'send' it starts): each item's time is what its spans
  // cover, and the work for no one image (scans, observers, overlay frames) is shared out.
  const perItem = new Map([...byItem].map(([item, own]) => [item, coveredMs(own)]));
  const total = coveredMs(spans);
  const shared = Math.max(0, total - [...perItem.values()].reduce((sum, ms) => sum + ms, 0));
  // Candidates: images sent to the background for the detector (and the model), or checked here.
  const candidates = new Set(spans.filter((s) => (s.name === 'detect' || s.name === 'send') && s.item !== undefined).map((s) => s.item!));
  const share = candidates.size ? shared / candidates.size : 0;
  const longest = spans.reduce((best, span) => (span.duration > best.duration ? span : best), { name: '-', duration: 0, start: 0 } as Span);
  const ours = measured.longTasks.map((task) => ({ task, mine: measured.tracedSpans.reduce((sum, span) => sum + overlap(span, task), 0) }));
  const withOurWork = ours.filter((entry) => entry.mine > 0);
  const causedByUs = withOurWork.filter((entry) => entry.task.duration - entry.mine < 50);
  return {
    candidates: candidates.size,
    colorized: measured.swapped,
    perCandidate: stats([...candidates].map((item) => (perItem.get(item) ?? 0) + share)),
    meanPerCandidate: candidates.size ? total / candidates.size : NaN,
    stages,
    longestSpan: { name: longest.name, ms: longest.duration },
    longTasks: {
      ...longTaskSummary(measured.longTasks),
      withOurWork: withOurWork.length,
      causedByUs: causedByUs.length,
      longestCausedByUs: Math.max(0, ...causedByUs.map((entry) => entry.task.duration)),
    },
  };
}

export async function onThePage(withExtension: Bench, without: Bench, server: BenchServer, options: SuiteOptions): Promise<PageFigure> {
  server.set('/many.html', { body: manyImagesPage(), type: 'text/html; charset=utf-8' });
  server.set('/large.html', { body: largePhotosPage(), type: 'text/html; charset=utf-8' });
  const archive = `http://${ARCHIVE_HOST}:${server.port}`;
  const reference = await visit(without, `${archive}/many.html`, options.pageMs);
  const figure: PageFigure = {
    images: IMAGES,
    scrollMs: options.pageMs,
    ...contentTime(await visit(withExtension, `${archive}/many.html`, options.pageMs)),
    withoutExtension: longTaskSummary(reference.longTasks),
    largePhotos: contentTime(await visit(withExtension, `${archive}/large.html`, 8000)),
  };
  options.log(
    `page: ${figure.candidates} candidates, ${figure.colorized} colorized, ${figure.meanPerCandidate.toFixed(2)} ms each; long tasks ${figure.longTasks.count} (ours ${figure.longTasks.causedByUs}) vs ${figure.withoutExtension.count} without; large photos ${figure.largePhotos.meanPerCandidate.toFixed(2)} ms each`,
  );
  return figure;
}
