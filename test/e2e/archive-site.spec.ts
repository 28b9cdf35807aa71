// On an archive site (www.loc.gov, pointed at the local server), black-and-white and sepia photos
// turn into colorized ones in place; color photos, logos, icons and line art stay as they are.
import { expect, test } from '@playwright/test';
import { ARCHIVE_HOST, launchWithExtension } from './support/extension.ts';
import type { Launched } from './support/extension.ts';
import { boxes, collectPageErrors, isSwapped, screenChroma, waitSwapped } from './support/page-checks.ts';
import { startServers } from './support/server.ts';
import type { TestServers } from './support/server.ts';

let servers: TestServers;
let browser: Launched;

test.beforeAll(async () => {
  servers = await startServers();
  browser = await launchWithExtension();
});

test.afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

const gallery = (other: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Archive</title>
<style>
  body { margin: 0; font: 14px sans-serif; }
  .grid { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px; padding: 8px; }
  .fit { width: 300px; height: 200px; object-fit: cover; }
  .bg { width: 300px; height: 200px; background: url("/img/gray-3.jpg") center / cover; }
</style></head>
<body>
  <h1 id="title">Photographs</h1>
  <div class="grid" id="grid">
    <img id="gray-natural" src="/img/gray-1.jpg" alt="A cat, 1900s">
    <img id="gray-fit" class="fit" src="/img/gray-2.jpg" alt="Coffee">
    <img id="sepia" width="320" src="/img/sepia.jpg" alt="Sepia">
    <img id="gray-srcset" srcset="/img/gray-4.jpg 2x" alt="Two x">
    <img id="gray-sizes" srcset="/img/gray-2.jpg 300w" sizes="200px" alt="Width descriptor">
    <picture id="pic"><source srcset="/img/gray-2.jpg" type="image/jpeg"><img id="gray-picture" src="/img/gray-1.jpg" alt="In a picture"></picture>
    <div id="bg" class="bg" role="img" aria-label="Background photo"></div>
    <img id="cross" src="${other}/img/gray-3.jpg" alt="From another origin">
    <img id="color" src="/img/color.jpg" alt="Color">
    <img id="logo" src="/img/logo.png" alt="Logo">
    <img id="line-art" src="/img/line-art.png" alt="Drawing">
    <img id="icon" src="/img/icon.png" alt="Icon">
  </div>
  <p id="text">Text after the images.</p>
</body></html>`;

test('archive page: gray and sepia photos are colorized in place, nothing else changes', async () => {
  const page = await browser.context.newPage();
  const errors = collectPageErrors(page);
  servers.setPage('/gallery.html', { html: gallery(servers.other) });
  // The same page on a host that is not in the list shows the layout without the extension's work.
  await page.goto(`${servers.site}/gallery.html`);
  const before = await boxes(page);
  const grayChroma = await screenChroma(page, 'gray-natural');
  expect(await isSwapped(page, 'gray-natural')).toBe(false);

  const started = Date.now();
  await page.goto(`http://${ARCHIVE_HOST}:${servers.sitePort}/gallery.html`);

  for (const id of ['gray-natural', 'gray-fit', 'sepia', 'gray-srcset', 'gray-sizes', 'gray-picture', 'bg', 'cross']) {
    await waitSwapped(page, id);
  }
  console.log(`archive gallery: 8 photos swapped ${((Date.now() - started) / 1000).toFixed(1)} s after navigation (model load included)`);
  // Leave time for any wrong swap of the others to happen before checking they did not.
  await page.waitForTimeout(1500);
  for (const id of ['color', 'logo', 'line-art', 'icon']) {
    expect(await isSwapped(page, id), `${id} must stay untouched`).toBe(false);
  }

  expect(await boxes(page)).toEqual(before);
  const after = await screenChroma(page, 'gray-natural');
  expect(after).toBeGreaterThan(grayChroma + 3);
  expect(await page.$eval('#gray-natural', (img) => img.getAttribute('alt'))).toBe('A cat, 1900s');
  expect(errors).toEqual([]);
  if (process.env.RECOLOR_SHOT) await page.screenshot({ path: process.env.RECOLOR_SHOT, fullPage: true });
  await page.close();
});

test('frames: a photo in a cross-origin iframe of an archive page is colorized too', async () => {
  const page = await browser.context.newPage();
  const errors = collectPageErrors(page);
  servers.setPage('/frame.html', { html: '<!doctype html><body style="margin:0"><img id="framed" src="/img/gray-2.jpg" alt="framed"></body>' });
  servers.setPage('/framed-page.html', {
    html: `<!doctype html><body><h1 id="t">Frames</h1><iframe id="f" src="${servers.other}/frame.html" width="420" height="300"></iframe></body>`,
  });
  await page.goto(`http://${ARCHIVE_HOST}:${servers.sitePort}/framed-page.html`);
  const frame = page.frames().find((f) => f.url().startsWith(servers.other));
  expect(frame).toBeDefined();
  await waitSwapped(frame!, 'framed');
  expect(errors).toEqual([]);
  await page.close();
});
