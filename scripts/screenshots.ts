// npm run screenshots: the README's pictures of the toolbar popup and the options page, taken in
// Debian's Chromium with the built extension (npm run build first) on the demo page: the popup as
// it shows for the demo's tab once its photos are colorized, the options page in full. Writes
// docs/popup.png and docs/options.png.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { launchWithExtension } from '../test/e2e/support/extension.ts';
import { openOptions, openPopup } from '../test/e2e/support/extension-pages.ts';
// @ts-expect-error plain JavaScript helper (npm start runs it before node_modules exist), no type declarations
import { serveDemo } from './demo-server.mjs';

const root = resolve(import.meta.dirname, '..');
const docs = join(root, 'docs');
/** The demo photos automatic colorizing takes (the fruit bowl is in color and is skipped). */
const DEMO_PHOTOS = ['cat', 'coffee', 'astronaut', 'rocket', 'building', 'baboon', 'home'];

const server = await serveDemo();
const browser = await launchWithExtension();
try {
  const { context, worker, extensionId } = browser;
  await worker.evaluate(() => (globalThis as unknown as { recolor: { setSite(h: string, on: boolean): Promise<void> } }).recolor.setSite('127.0.0.1', true));
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
  await page.waitForFunction(
    (ids) => ids.every((id) => {
      const img = document.getElementById(id) as HTMLImageElement | null;
      return img !== null && /^(data|blob):/.test(img.currentSrc) && img.complete;
    }),
    DEMO_PHOTOS,
    { timeout: 120_000, polling: 250 },
  );
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  if (tabId === undefined) throw new Error('no tab for the demo page');

  mkdirSync(docs, { recursive: true });
  const popup = await openPopup(context, extensionId, tabId);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.waitForFunction(() => /colorized/.test(document.getElementById('counts')?.textContent ?? ''));
  await popup.waitForFunction(() => /ready/.test(document.getElementById('engine')?.textContent ?? ''));
  await popup.locator('#skips summary').click();
  const popupHeight = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const popupShot = await popup.screenshot({ clip: { x: 0, y: 0, width: 320, height: popupHeight } });
  await framed(popupShot, join(docs, 'popup.png'));

  const options = await openOptions(context, extensionId);
  await options.setViewportSize({ width: 760, height: 900 });
  await options.emulateMedia({ colorScheme: 'light' });
  await options.waitForFunction(() => document.getElementById('engine-state')?.textContent === 'ready');
  await options.waitForFunction(() => /\d/.test(document.getElementById('cache-size')?.textContent ?? ''));
  await framed(await options.screenshot({ fullPage: true }), join(docs, 'options.png'));
  console.log(`screenshots: ${join(docs, 'popup.png')} and ${join(docs, 'options.png')} written`);
} finally {
  await browser.close();
  server.close();
}

/** A thin gray border, so the white page stands out on the README's white. */
async function framed(png: Buffer, file: string): Promise<void> {
  await sharp(png)
    .extend({ top: 1, bottom: 1, left: 1, right: 1, background: '#bbbbbb' })
    .png({ compressionLevel: 9, palette: true, quality: 90 })
    .toFile(file);
}
