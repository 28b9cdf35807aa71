// What a large result costs the page's main thread on its way in (bench/README.md, "The content
// script"): a 3000x2000 JPEG made in the page (a textured, slightly toned photo-like image, q 0.92),
// its base64 as a message would carry it, then each step of the blob: route (bytes, Blob, URL,
// src) and the data: route (src), each in a task of its own. Four rounds, ms per step.
//
//   node --import tsx bench/large-result.ts
import { launch } from './lib/chromium.ts';
import { startServer } from './lib/server.ts';

const server = await startServer({});
server.set('/page.html', { body: '<img id="blob" width="560" alt=""><img id="data" width="560" alt="">', type: 'text/html' });
const bench = await launch({ extension: false, gpu: false });

// In the page, as a string: tsx would add helpers a page doesn't have to a function passed in.
const steps = `(async () => {
  const canvas = document.createElement('canvas');
  canvas.width = 3000;
  canvas.height = 2000;
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(3000, 2000);
  for (let i = 0; i < pixels.data.length; i += 4) {
    const p = i / 4, x = p % 3000, y = (p / 3000) | 0;
    const v = 128 + 100 * Math.sin(x / 40) * Math.cos(y / 33) + (Math.random() * 30 - 15);
    pixels.data.set([v, v * 0.9, v * 0.8, 255], i);
  }
  context.putImageData(pixels, 0, 0);
  const task = () => new Promise((resolve) => setTimeout(resolve, 100));
  const time = (work) => { const start = performance.now(); const value = work(); return [performance.now() - start, value]; };
  const rows = [];
  for (let round = 0; round < 4; round++) {
    const url = canvas.toDataURL('image/jpeg', 0.92 - round * 0.001); // a new URL each round
    const base64 = JSON.parse(JSON.stringify(url.slice(url.indexOf(',') + 1)));
    await task();
    const [fromBase64, bytes] = time(() => Uint8Array.fromBase64(base64));
    await task();
    const [blob, made] = time(() => new Blob([bytes], { type: 'image/jpeg' }));
    await task();
    const [objectUrl, blobUrl] = time(() => URL.createObjectURL(made));
    await task();
    const [blobSrc] = time(() => document.getElementById('blob').setAttribute('src', blobUrl));
    await task();
    const [dataSrc] = time(() => document.getElementById('data').setAttribute('src', 'data:image/jpeg;base64,' + base64));
    await task();
    URL.revokeObjectURL(blobUrl);
    rows.push({ kb: Math.round(base64.length / 1024), fromBase64, blob, objectUrl, blobSrc, dataSrc });
  }
  return rows;
})()`;

try {
  const page = await bench.context.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/page.html`);
  const rows = (await page.evaluate(steps)) as Record<string, number>[];
  console.log('| base64 KB | fromBase64 | new Blob | createObjectURL | src = blob: URL | src = data: URL |\n| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const ms = (key: string) => row[key].toFixed(1);
    console.log(`| ${row.kb} | ${ms('fromBase64')} | ${ms('blob')} | ${ms('objectUrl')} | ${ms('blobSrc')} | ${ms('dataSrc')} |`);
  }
} finally {
  await bench.close();
  await server.close();
}
