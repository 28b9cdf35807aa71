// Entry points on a site that is not in the archive list: the context menu colorizes the image the
// user picked (even one the detector would skip) and "Show original" restores it; the toolbar
// popup's switch turns the site on and off, and the choice is remembered.
import { expect, test } from '@playwright/test';
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
        { menuItemId, srcUrl, frameId: 0 },
        { id: tabId },
      ),
    { menuItemId, srcUrl, tabId },
  );
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
  expect(await menuClick('recolor-colorize', grayUrl, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'gray');
  expect(await screenChroma(page, 'gray')).toBeGreaterThan(3);

  // The user asked, so even a color photo is recolored.
  expect(await menuClick('recolor-colorize', `${env.servers.site}/img/color.jpg`, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'color');
  expect(await boxes(page)).toEqual(before);

  // "Show original" is offered on the colorized image, whose URL is now our blob: URL.
  const blobUrl = await page.$eval('#gray', (img) => (img as HTMLImageElement).currentSrc);
  expect(await menuClick('recolor-show-original', blobUrl, tabId)).toEqual({ ok: true });
  await expect.poll(() => page.$eval('#gray', (img) => (img as HTMLImageElement).currentSrc)).toBe(grayUrl);
  expect(await page.$eval('#gray', (img) => [img.getAttribute('src'), img.getAttribute('srcset')])).toEqual(['/img/gray-1.jpg', null]);
  expect(await screenChroma(page, 'gray')).toBeLessThan(2);

  // And back again from the same menu.
  expect(await menuClick('recolor-colorize', grayUrl, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'gray');
  expect(await boxes(page)).toEqual(before);
  expect(errors).toEqual([]);
  await page.close();
});

test('toolbar popup: turns the site on and off, remembered across pages', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.plainUrl('/toolbar.html', { html: body }));
  const tabId = await env.tabIdOf(page);
  const popup = await env.browser.context.newPage();
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
  const toggle = popup.locator('#site-toggle');
  await expect(popup.locator('#site')).toHaveText('127.0.0.1');
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeEnabled();

  await toggle.click();
  await expect(toggle).toBeChecked();
  await waitSwapped(page, 'gray');
  await page.waitForTimeout(1000);
  expect(await isSwapped(page, 'color')).toBe(false);
  await expect.poll(() => env.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('1');
  await expect(popup.locator('#counts')).toHaveText('1 colorized');

  // Remembered: a fresh page on the site is colorized without asking, and the popup says on.
  const again = await env.browser.context.newPage();
  await again.goto(env.plainUrl('/toolbar-2.html', { html: body }));
  await waitSwapped(again, 'gray');
  await popup.reload();
  await expect(toggle).toBeChecked();
  await expect(popup.locator('#reason')).toContainText('you turned it on');

  // Off again: the automatic result is put back, and the setting is stored.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  const stored = await env.inWorker(() => chrome.storage.sync.get('settings'), null);
  expect((stored.settings as { siteOverrides: object }).siteOverrides).toEqual({});
  await expect.poll(() => env.inWorker((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
  await Promise.all([page.close(), again.close(), popup.close()]);
});

test('popup: "show originals" restores the whole page and back', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.plainUrl('/originals.html', { html: body }));
  const tabId = await env.tabIdOf(page);
  await menuClick('recolor-colorize', `${env.servers.site}/img/gray-1.jpg`, tabId);
  await waitSwapped(page, 'gray');
  const popup = await env.browser.context.newPage();
  await popup.goto(`chrome-extension://${env.browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('#originals').click();
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  await expect(popup.locator('#originals')).toHaveText('Show colorized');
  await popup.locator('#originals').click();
  await waitSwapped(page, 'gray');
  await Promise.all([page.close(), popup.close()]);
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
