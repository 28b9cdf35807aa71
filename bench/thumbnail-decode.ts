// What the detector's thumbnail costs to decode (bench/README.md, "What is left"): a 64 px
// createImageBitmap of a gray JPEG, as the background does for automatic requests, against the full
// decode it does again for the model, and WebCodecs' ImageDecoder asked for 1/8 size (a scaled
// JPEG decode) or full size. In a page (median of 6, ms); then whether the extension's service
// worker has ImageDecoder at all.
//
//   npm run build && node --import tsx bench/thumbnail-decode.ts
import { inWorker, launch, serviceWorker } from './lib/chromium.ts';
import { makePhoto } from './lib/photos.ts';
import { startServer } from './lib/server.ts';

const SIZES = [[1024, 768], [3000, 2000]];
const server = await startServer({});
for (const [width, height] of SIZES) {
  const photo = await makePhoto(width, height);
  server.set(`/${photo.name}`, { body: photo.jpeg, type: 'image/jpeg' });
}
server.set('/page.html', { body: '<!doctype html><title>decode</title>', type: 'text/html' });
const bench = await launch({ extension: true, gpu: false });

// In the page, as a string: tsx would add helpers a page doesn't have to a function passed in.
const decodes = (width: number, height: number) => `(async () => {
  const bytes = new Uint8Array(await (await fetch('/${width}x${height}.jpg')).arrayBuffer());
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  const times = { full: [], thumbnail: [], eighth: [], decoderFull: [] };
  const time = async (key, work) => { const start = performance.now(); await work(); times[key].push(performance.now() - start); };
  const viaDecoder = async (options) => {
    const decoder = new ImageDecoder({ data: bytes, type: 'image/jpeg', ...options });
    const { image } = await decoder.decode();
    image.close();
    decoder.close();
  };
  for (let i = 0; i < 6; i++) {
    await time('full', async () => (await createImageBitmap(blob)).close());
    await time('thumbnail', async () => (await createImageBitmap(blob, { resizeWidth: 64, resizeHeight: ${Math.round((64 * height) / width)}, resizeQuality: 'high' })).close());
    await time('eighth', () => viaDecoder({ desiredWidth: ${Math.ceil(width / 8)}, desiredHeight: ${Math.ceil(height / 8)} }));
    await time('decoderFull', () => viaDecoder({}));
  }
  const median = (list) => list.sort((a, b) => a - b)[3].toFixed(1);
  return Object.fromEntries(Object.entries(times).map(([key, list]) => [key, median(list)]));
})()`;

try {
  const page = await bench.context.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/page.html`);
  console.log('| photo | createImageBitmap, full | createImageBitmap, 64 px | ImageDecoder, 1/8 size | ImageDecoder, full |\n| --- | --- | --- | --- | --- |');
  for (const [width, height] of SIZES) {
    const ms = (await page.evaluate(decodes(width, height))) as Record<string, string>;
    console.log(`| ${width}x${height} | ${ms.full} | ${ms.thumbnail} | ${ms.eighth} | ${ms.decoderFull} |`);
  }
  await serviceWorker(bench.context);
  console.log(`\nin the extension's service worker: ImageDecoder is ${await inWorker<string>(bench, 'typeof ImageDecoder')}`);
} finally {
  await bench.close();
  await server.close();
}
