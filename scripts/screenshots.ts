// npm run screenshots: the README's pictures of the toolbar popup and the options page, taken in
// Debian's Chromium with the built extension (npm run build first) on the demo page: the popup as
// it shows for the demo's tab once its photos are colorized, the options page in full; and the
// colour editor on the gray landscape of test/fixtures/editor with two hints, its before/after
// slider a third of the way. Writes docs/popup.png, docs/options.png and docs/editor.jpg.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import sharp from 'sharp';
import { ARCHIVE_HOST, launchWithExtension } from '../test/e2e/support/extension.ts';
import { EditorDom } from '../test/e2e/support/editor-dom.ts';
import { startServers } from '../test/e2e/support/server.ts';
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

  await editorShot(context, worker);
  console.log(`screenshots: ${join(docs, 'popup.png')}, ${join(docs, 'options.png')} and ${join(docs, 'editor.jpg')} written`);
} finally {
  await browser.close();
  server.close();
}

/** The colour editor with a blue hint in the sky and a green one on the grass. */
async function editorShot(context: BrowserContext, worker: Worker): Promise<void> {
  const servers = await startServers();
  try {
    servers.setPage('/editor.html', { html: '<!doctype html><body style="margin:0"><img id="photo" src="/img/landscape.jpg" alt="Mountains">' });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`http://${ARCHIVE_HOST}:${servers.sitePort}/editor.html`);
    await page.waitForFunction(() => /^(data|blob):/.test((document.getElementById('photo') as HTMLImageElement).currentSrc), undefined, { timeout: 120_000 });
    const srcUrl = await page.$eval('#photo', (img) => (img as HTMLImageElement).currentSrc);
    const dom = await EditorDom.attach(page);
    const opened = worker.evaluate(
      async ([url, srcUrl]) => {
        const [tab] = await chrome.tabs.query({ url });
        const { recolor } = globalThis as unknown as { recolor: { handleMenuClick: Function } };
        return recolor.handleMenuClick({ menuItemId: 'recolor-edit-colors', srcUrl, frameId: 0 }, { id: tab.id });
      },
      [page.url(), srcUrl] as const,
    );
    await dom.waitOpen();
    await dom.waitIdle();
    await opened;
    for (const [x, y, color] of [[0.08, 0.08, '#3f7fcf'], [0.75, 0.8, '#4f9a3a']] as const) {
      await dom.clickPhoto(x, y);
      await dom.waitIdle();
      await dom.pickColor(color);
      await dom.waitIdle();
    }
    await dom.compare(33);
    await page.waitForTimeout(1500); // the grass hint's suggested colours
    await sharp(await page.screenshot()).jpeg({ quality: 86 }).toFile(join(docs, 'editor.jpg'));
    await dom.detach();
  } finally {
    await servers.close();
  }
}

/** A thin gray border, so the white page stands out on the README's white. */
async function framed(png: Buffer, file: string): Promise<void> {
  await sharp(png)
    .extend({ top: 1, bottom: 1, left: 1, right: 1, background: '#bbbbbb' })
    .png({ compressionLevel: 9, palette: true, quality: 90 })
    .toFile(file);
}
