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
  .grid { display: flex; flex-wrap: wrap; gap: 8px; padding: 8px; }
  .fit { width: 300px; height: 200px; object-fit: cover; }
  .bg { width: 300px; height: 200px; background: url("/img/gray-3.jpg") center / cover; }
</style></head>
<body>
  <h1 id="title">Photographs</h1>
  <div class="grid" id="grid">
    <img id="gray-natural" src="/img/gray-1.jpg" alt="A cat, 1900s">
    <img id="gray-fit" class="fit" src="/img/gray-2.jpg" alt="Coffee">
    <img id="sepia" width="320" src="/img/sepia.jpg" alt="Sepia">
    <img id="gray-srcset" src="/img/gray-4.jpg" srcset="/img/gray-4.jpg 2x" alt="Two x">
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
  await page.goto(`http://${ARCHIVE_HOST}:${servers.sitePort}/gallery.html`);
  await page.waitForLoadState('load');
  const before = await boxes(page);
  const grayChroma = await screenChroma(page, 'gray-natural');

  for (const id of ['gray-natural', 'gray-fit', 'sepia', 'gray-srcset', 'gray-picture', 'bg', 'cross']) {
    await waitSwapped(page, id);
  }
  // Leave time for any wrong swap of the others to happen before checking they did not.
  await page.waitForTimeout(1500);
  for (const id of ['color', 'logo', 'line-art', 'icon']) {
    expect(await isSwapped(page, id), `${id} must stay untouched`).toBe(false);
  }

  expect(await boxes(page)).toEqual(before);
  const after = await screenChroma(page, 'gray-natural');
  console.log('chroma', grayChroma, after);
  expect(after).toBeGreaterThan(grayChroma + 3);
  expect(await page.$eval('#gray-natural', (img) => img.getAttribute('alt'))).toBe('A cat, 1900s');
  expect(errors).toEqual([]);
  await page.close();
});
