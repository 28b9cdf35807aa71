// Why results are swapped in together under load (src/content/swap-batch.ts): what setting an
// <img>'s src to a fresh data: URL costs on the page's main thread when each write runs in a task
// of its own, against a few or many writes in one task. On an archive page of 300 loaded colour
// photos (the content script running, leaving them alone); each write a distinct JPEG data: URL of
// a 385x256 photo (as a result is: base64 from a message, joined to its prefix), to an image on
// screen. Median ms per write over 5 rounds of 30 writes.
//
//   npm run build && node --import tsx bench/swap-batch.ts
import { resolve } from 'node:path';
import { ARCHIVE_HOST } from '../test/e2e/support/extension.ts';
import { launch } from './lib/chromium.ts';
import { startServer } from './lib/server.ts';

const server = await startServer({ '/img/': resolve(process.cwd(), 'demo/photos') });
const cells = Array.from({ length: 300 }, (_, i) => `<img width="128" height="96" style="object-fit:cover" src="/img/fruits-color.jpg?n=${i}">`);
server.set('/page.html', { body: `<div style="display:flex;flex-wrap:wrap">${cells.join('')}</div>`, type: 'text/html' });
const bench = await launch({ extension: true, gpu: false });

// In the page, as a string: tsx would add helpers a page doesn't have to a function passed in.
const measure = (perTask: number) => `(async () => {
  const source = new Image();
  source.src = '/img/cat.jpg';
  await source.decode();
  const canvas = document.createElement('canvas');
  canvas.width = source.naturalWidth;
  canvas.height = source.naturalHeight;
  const context = canvas.getContext('2d');
  const fresh = (n) => {
    // Distinct bytes per URL (one pixel differs), so no write finds the URL in the memory cache.
    const base64 = [];
    for (let i = 0; i < n; i++) {
      context.drawImage(source, 0, 0);
      context.fillStyle = 'rgb(' + (i % 256) + ',' + ((i * 7) % 256) + ',0)';
      context.fillRect(i % 50, 0, 1, 1);
      base64.push(canvas.toDataURL('image/jpeg', 0.92).split(',')[1]);
    }
    return JSON.parse(JSON.stringify(base64));
  };
  const images = Array.from(document.images).slice(0, 40);
  const perWrite = [];
  let next = 0;
  for (let round = 0; round < 5; round++) {
    const base64 = fresh(30);
    let spent = 0;
    for (let i = 0; i < 30; i++) {
      if (i % ${perTask} === 0) await new Promise((resolve) => setTimeout(resolve, 30));
      const start = performance.now();
      images[next++ % images.length].setAttribute('src', 'data:image/jpeg;base64,' + base64[i]);
      spent += performance.now() - start;
    }
    perWrite.push(spent / 30);
  }
  return perWrite.sort((a, b) => a - b)[2];
})()`;

try {
  const page = await bench.context.newPage();
  await page.goto(`http://${ARCHIVE_HOST}:${server.port}/page.html`);
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.waitForTimeout(1000);
  console.log('| writes per task | ms per src write |\n| --- | --- |');
  for (const perTask of [1, 2, 3, 5, 30]) console.log(`| ${perTask} | ${((await page.evaluate(measure(perTask))) as number).toFixed(3)} |`);
} finally {
  await bench.close();
  await server.close();
}
