// Where the content script's main-thread time goes on the 300-image page (bench/suites/page.ts):
// a V8 CPU profile of the page while it is scrolled top to bottom, and the content script's own
// measures. Prints the measures per stage, then the functions under content.js by self time
// (native calls they make, like setAttribute or fetch, count as theirs).
//
//   npm run build                      # RECOLOR_NO_MINIFY=1 npm run build for readable names
//   node --import tsx bench/profile-page.ts [scroll ms, default 30000] [--warm]
//
// --warm scrolls the page once first, so the profiled visit gets every result from the cache
// (no model work beside it).
import { resolve } from 'node:path';
import { ARCHIVE_HOST } from '../test/e2e/support/extension.ts';
import { launch } from './lib/chromium.ts';
import { startServer } from './lib/server.ts';
import { manyImagesPage, scrollThrough } from './suites/page.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const scrollMs = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 30_000);
const warm = process.argv.includes('--warm');
const server = await startServer({ '/img/': resolve(process.cwd(), 'demo/photos') });
server.set('/many.html', { body: manyImagesPage(), type: 'text/html; charset=utf-8' });
const url = `http://${ARCHIVE_HOST}:${server.port}/many.html`;
const bench = await launch({ extension: true, gpu: false });

try {
  if (warm) {
    const first = await bench.context.newPage();
    await first.goto(url);
    await scrollThrough(first, scrollMs);
    await first.close();
  }
  const page = await bench.context.newPage();
  const cdp = await bench.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  await scrollThrough(page, scrollMs);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const stages = await page.evaluate(() => {
    const totals: Record<string, number> = {};
    for (const entry of performance.getEntriesByType('measure')) {
      const [prefix, stage] = entry.name.split(':');
      if (prefix === 'recolor') totals[stage] = (totals[stage] ?? 0) + entry.duration;
    }
    return totals;
  });
  const swapped = await page.evaluate(() => Array.from(document.images).filter((image) => /^(blob|data):/.test(image.currentSrc)).length);
  console.log(`${warm ? 'second (cached) visit' : 'first visit'}, ${scrollMs} ms of scrolling, ${swapped} images colorized`);
  console.log('measures, ms per stage:', Object.entries(stages).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`).join(', '));

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (nodes.get(at)!.callFrame.url.includes('chrome-extension://')) return true;
    return false;
  };
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (!ours(id)) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { functionName, url: file, lineNumber } = nodes.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'} ${file.split('/').pop() || '(native)'}:${lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
  });
  console.log(`samples with the content script on the stack: ${total.toFixed(0)} ms; by self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
} finally {
  await bench.close();
  await server.close();
}
