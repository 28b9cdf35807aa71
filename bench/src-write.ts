// One line of bench/README.md's content-script analysis: what setting an <img>'s src to a data: URL
// (a 256x256 colorized result, as swap.ts does) costs from the page's main world, from a plain
// isolated world, and from Recolor's own content-script world, on a 300-image page whose images
// are loaded and on screen. Median ms per write over 5 rounds of 20 writes, each world its own images.
//
//   npm run build && node --import tsx bench/src-write.ts
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from './lib/chromium.ts';
import { startServer } from './lib/server.ts';

interface Context {
  id: number;
  name: string;
  auxData?: { type?: string };
}

const base64 = readFileSync(resolve(process.cwd(), 'demo/photos/cat.jpg')).toString('base64');
const server = await startServer({ '/img/': resolve(process.cwd(), 'demo/photos') });
const cells = Array.from({ length: 300 }, (_, i) => `<img width="128" height="96" style="object-fit:cover" src="/img/cat.jpg?n=${i}">`);
server.set('/page.html', { body: `<div style="display:flex;flex-wrap:wrap">${cells.join('')}</div>`, type: 'text/html' });
const bench = await launch({ extension: true, gpu: false });
try {
  const page = await bench.context.newPage();
  const cdp = await bench.context.newCDPSession(page);
  const contexts: Context[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as Context));
  await cdp.send('Runtime.enable');
  // Not an archive site: the content script is loaded but colorizes nothing by itself.
  await page.goto(`http://127.0.0.1:${server.port}/page.html`);
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.waitForTimeout(500);
  const recolor = contexts.find((context) => context.auxData?.type === 'isolated' && /recolor/i.test(context.name));
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId: plain } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench' });
  const writes = (offset: number) => `(async () => {
    const images = Array.from(document.images), url = 'data:image/jpeg;base64,' + ${JSON.stringify(base64)}, perWrite = [];
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      for (let i = 0; i < 20; i++) images[${offset} + round * 20 + i].setAttribute('src', url);
      perWrite.push((performance.now() - start) / 20);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return perWrite.sort((a, b) => a - b)[2];
  })()`;
  const run = async (offset: number, contextId?: number) =>
    ((await cdp.send('Runtime.evaluate', { expression: writes(offset), contextId, awaitPromise: true, returnByValue: true })).result.value as number).toFixed(3);
  console.log(`| world | ms per src write (${Math.round(base64.length / 1024)} KB data: URL) |\n| --- | --- |`);
  console.log(`| the page's main world | ${await run(0)} |`);
  console.log(`| a plain isolated world | ${await run(100, plain)} |`);
  console.log(`| Recolor's content-script world | ${recolor ? await run(200, recolor.id) : 'not found'} |`);
} finally {
  await bench.close();
  await server.close();
}
