// Entry points on a site that is not in the archive list: the context menu colorizes the image the
// user picked (even one the detector would skip) and "Show original" restores it, each entry shown
// only where it applies; the toolbar popup's switch turns the site on and off, and the choice is
// remembered; the button's own menu shows a page's originals.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openPopup } from './support/extension-pages.ts';
import { boxes, collectPageErrors, isSwapped, screenChroma, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

const body = html(`
  <img id="gray" src="/img/gray-1.jpg" alt="gray">
  <img id="color" src="/img/color.jpg" alt="color">
  <p id="caption">caption</p>`);

async function menuClick(menuItemId: string, srcUrl: string, tabId: number) {
  return env.inWorker(
    ({ menuItemId, srcUrl, tabId }) =>
      (globalThis as unknown as { recolor: { handleMenuClick: Function } }).recolor.handleMenuClick(
        { menuItemId, srcUrl: srcUrl || undefined, frameId: 0 },
        { id: tabId },
      ),
    { menuItemId, srcUrl, tabId },
  );
}

/** Whether the image entries are set for a colorized image ("Show original") or not ("Colorize this image"). */
const menuShowsOriginal = () =>
  env.inWorker(() => (globalThis as unknown as { recolor: { imageMenuState(): { showsColorized: boolean } } }).recolor.imageMenuState().showsColorized, null);

async function pointAt(page: Page, id: string) {
  const box = (await page.locator(`#${id}`).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
}

test('context menu: colorize a chosen image on an ordinary site, then show the original', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.plainUrl('/menu.html', { html: body }));
  const before = await boxes(page);
  await page.waitForTimeout(1500);
  expect(await isSwapped(page, 'gray')).toBe(false); // not an archive site: nothing automatic

  const tabId = await env.tabIdOf(page);
  const grayUrl = `${env.servers.site}/img/gray-1.jpg`;
  // The pointer on an image of the page's own: "Colorize this image" only.
  await pointAt(page, 'gray');
  await page.waitForTimeout(300);
  expect(await menuShowsOriginal()).toBe(false);
  expect(await menuClick('recolor-colorize', grayUrl, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'gray');
  expect(await screenChroma(page, 'gray')).toBeGreaterThan(3);
  // Now it shows ours (the pointer never moved): "Show original" only; back on other images and text.
  await expect.poll(menuShowsOriginal).toBe(true);
  await pointAt(page, 'caption');
  await expect.poll(menuShowsOriginal).toBe(false);
  await pointAt(page, 'gray');
  await expect.poll(menuShowsOriginal).toBe(true);

  // The user asked, so even a color photo is recolored.
  expect(await menuClick('recolor-colorize', `${env.servers.site}/img/color.jpg`, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'color');
  expect(await boxes(page)).toEqual(before);

  // "Show original" is offered on the colorized image, whose URL is now our data: URL.
  const resultUrl = await page.$eval('#gray', (img) => (img as HTMLImageElement).currentSrc);
  expect(await menuClick('recolor-show-original', resultUrl, tabId)).toEqual({ ok: true });
  await expect.poll(() => page.$eval('#gray', (img) => (img as HTMLImageElement).currentSrc)).toBe(grayUrl);
  expect(await page.$eval('#gray', (img) => [img.getAttribute('src'), img.getAttribute('srcset')])).toEqual(['/img/gray-1.jpg', null]);
  expect(await screenChroma(page, 'gray')).toBeLessThan(2);
  await expect.poll(menuShowsOriginal).toBe(false);

  // And back again from the same menu.
  expect(await menuClick('recolor-colorize', grayUrl, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'gray');
  await expect.poll(menuShowsOriginal).toBe(true);
  expect(await boxes(page)).toEqual(before);
  expect(errors).toEqual([]);
  await page.close();
});

/** Opens the toolbar popup for the tab, flips "this site" and closes it; says whether it is on now. */
async function toolbarSwitch(tabId: number): Promise<boolean> {
  const popup = await openPopup(env.browser.context, env.browser.extensionId, tabId);
  const toggle = popup.locator('#site-toggle');
  await expect(popup.locator('#site')).not.toBeEmpty();
  const was = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  await expect(toggle).not.toHaveAttribute('aria-pressed', was!);
  const on = (await toggle.getAttribute('aria-pressed')) === 'true';
  await popup.close();
  return on;
}

const badge = (tabId: number) =>
  env.inWorker(async (id) => [await chrome.action.getBadgeText({ tabId: id }), await chrome.action.getTitle({ tabId: id })], tabId);

const storedOverrides = async () =>
  ((await env.inWorker(() => chrome.storage.local.get('settings'), null)).settings as { siteOverrides: object }).siteOverrides;

test('toolbar popup: its switch turns the site on and off, remembered across pages and worker restarts', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.plainUrl('/toolbar.html', { html: body }));
  const tabId = await env.tabIdOf(page);
  await expect.poll(() => badge(tabId)).toEqual(['', 'Recolor: off for 127.0.0.1 (not in the archive site list). Click for the Recolor panel.']);

  expect(await toolbarSwitch(tabId)).toBe(true);
  await waitSwapped(page, 'gray');
  await page.waitForTimeout(1000);
  expect(await isSwapped(page, 'color')).toBe(false);
  await expect
    .poll(() => badge(tabId))
    .toEqual(['1', 'Recolor: on for 127.0.0.1 (you turned it on). Images colorized on this page: 1. Click for the Recolor panel.']);
  expect(await storedOverrides()).toEqual({ '127.0.0.1': 'on' });

  // Remembered, also by a worker the browser stopped and started again: a fresh page on the site
  // is colorized without asking.
  const cdp = await env.browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const again = await env.browser.context.newPage();
  await again.goto(env.plainUrl('/toolbar-2.html', { html: body }));
  await waitSwapped(again, 'gray');

  // Off again: the automatic results are put back on both pages, and the setting is stored.
  expect(await toolbarSwitch(tabId)).toBe(false);
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  await expect.poll(() => isSwapped(again, 'gray')).toBe(false);
  expect(await storedOverrides()).toEqual({});
  await expect.poll(async () => (await badge(tabId))[0]).toBe('');

  // The options page lists the choices made with the button, and can forget one.
  await toolbarSwitch(tabId);
  await waitSwapped(page, 'gray');
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await expect(options.locator('#overrides li')).toHaveText(['127.0.0.1: onForget']);
  await options.getByRole('button', { name: 'Forget the choice for 127.0.0.1' }).click();
  await expect(options.locator('#overrides li')).toHaveCount(0);
  await expect(options.locator('#overrides-none')).toBeVisible();
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  expect(await storedOverrides()).toEqual({});
  await Promise.all([page.close(), again.close(), options.close()]);
});

test('toolbar button menu: "Show originals on this page" restores the whole page and back', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.plainUrl('/originals.html', { html: body }));
  const tabId = await env.tabIdOf(page);
  // The content script starts at document_idle, which may come after the load event goto waits
  // for: until it answers, the click finds no receiving end.
  await expect.poll(() => menuClick('recolor-colorize', `${env.servers.site}/img/gray-1.jpg`, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'gray');
  const status = () => env.inWorker((id) => (globalThis as unknown as { recolor: { tabStatus: Function } }).recolor.tabStatus(id), tabId);
  expect(await menuClick('recolor-page-originals', '', tabId)).toEqual({ ok: true });
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  await expect.poll(async () => (await status()).showingOriginals).toBe(true);
  expect(await menuClick('recolor-page-originals', '', tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'gray');
  await expect.poll(async () => (await status()).showingOriginals).toBe(false);
  await page.close();
});

test('hover switch: flips one image between original and colorized', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.archiveUrl('/hover.html', { html: html('<p id="p">photo:</p><img id="photo" src="/img/gray-2.jpg" alt="photo">') }));
  await waitSwapped(page, 'photo');
  const box = (await page.locator('#photo').boundingBox())!;
  // The switch sits in the image's top-left corner while the pointer is over the image.
  const switchAt = { x: box.x + 24, y: box.y + 14 };
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(switchAt.x, switchAt.y, { steps: 3 });
  await page.mouse.click(switchAt.x, switchAt.y);
  await expect.poll(() => isSwapped(page, 'photo')).toBe(false);
  expect(await screenChroma(page, 'photo')).toBeLessThan(2);

  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(switchAt.x, switchAt.y, { steps: 3 });
  await page.mouse.click(switchAt.x, switchAt.y);
  await waitSwapped(page, 'photo');
  expect(errors).toEqual([]);
  await page.close();
});
