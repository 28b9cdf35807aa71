// The page-side costs behind two content-script choices, measured in Debian's Chromium:
// - a colorized result (base64, as messages carry it) put into an <img> of a 300-image page as a
//   data: URL, against bytes -> Blob -> blob: URL (result-forms.ts), with the extension otherwise
//   idle (no model running on the other core);
// - one request from an extension context by runtime.sendMessage, against a post on an open port
//   (messages.ts, REQUEST_PORT).
// Main-thread milliseconds per item: median (min-max) of 10 rounds, each the mean of 30 items.
//
//   npm run build && npm run bench:content
import { launch } from './lib/chromium.ts';
import { makePhoto } from './lib/photos.ts';
import { formatStats, stats } from './lib/stats.ts';

const ROUNDS = 10;
const PER_ROUND = 30;

const bench = await launch({ extension: true, gpu: false });
try {
  const worker = bench.context.serviceWorkers()[0] ?? (await bench.context.waitForEvent('serviceworker'));
  const page = await bench.context.newPage();
  await page.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  // (tsx names functions with a helper the page lacks)
  await page.evaluate('globalThis.__name = (f) => f');
  const rows: string[] = [];
  for (const [width, height] of [[256, 256], [512, 512], [1024, 768]]) {
    const photo = await makePhoto(width, height);
    const base64 = photo.jpeg.toString('base64');
    const times = await page.evaluate(
      async ({ base64, rounds, perRound }) => {
        document.body.innerHTML = `<div style="display:flex;flex-wrap:wrap">${'<img width="128" height="96">'.repeat(300)}</div>`;
        const images = Array.from(document.images);
        const fromBase64 = (Uint8Array as unknown as { fromBase64: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
        const out = { data: [] as number[], blob: [] as number[] };
        for (let round = 0; round < rounds; round++) {
          for (const form of ['data', 'blob'] as const) {
            const start = performance.now();
            for (let i = 0; i < perRound; i++) {
              const url =
                form === 'data'
                  ? `data:image/jpeg;base64,${base64}`
                  : URL.createObjectURL(new Blob([fromBase64(base64)], { type: 'image/jpeg' }));
              // As swap.ts shows a 1x result: src alone.
              images[(round * perRound + i) % images.length].setAttribute('src', url);
            }
            out[form].push((performance.now() - start) / perRound);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        return out;
      },
      { base64, rounds: ROUNDS, perRound: PER_ROUND },
    );
    rows.push(`| result ${width}x${height} (${Math.round(base64.length / 1024)} KB base64) as data: URL | ${formatStats(stats(times.data), 2)} ms |`);
    rows.push(`| result ${width}x${height} as bytes -> Blob -> blob: URL | ${formatStats(stats(times.blob), 2)} ms |`);
  }
  const messaging = await page.evaluate(
    async ({ rounds, perRound }) => {
      const chrome = (globalThis as unknown as { chrome: typeof globalThis.chrome }).chrome;
      const request = { type: 'colorize', source: { kind: 'url', url: 'https://example.org/archive/photo-0001.jpg' }, priority: 'visible', detect: true };
      const out = { sendMessage: [] as number[], port: [] as number[] };
      // A port of another name: the background keeps it open and answers nothing (only the sending side is measured).
      const port = chrome.runtime.connect({ name: 'bench-unanswered' });
      for (let round = 0; round < rounds; round++) {
        let start = performance.now();
        for (let i = 0; i < perRound; i++) void chrome.runtime.sendMessage({ type: 'cache-stats' }).catch(() => undefined);
        out.sendMessage.push((performance.now() - start) / perRound);
        start = performance.now();
        for (let i = 0; i < perRound; i++) port.postMessage({ id: round * perRound + i, request });
        out.port.push((performance.now() - start) / perRound);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return out;
    },
    { rounds: ROUNDS, perRound: PER_ROUND },
  );
  rows.push(`| one request by runtime.sendMessage | ${formatStats(stats(messaging.sendMessage), 3)} ms |`);
  rows.push(`| one request posted on an open port | ${formatStats(stats(messaging.port), 3)} ms |`);
  console.log(`| main-thread cost per item | median (min–max) of ${ROUNDS} rounds of ${PER_ROUND} |\n| --- | --- |\n${rows.join('\n')}`);
} finally {
  await bench.close();
}
