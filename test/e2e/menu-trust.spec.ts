// Only the user's own pointer, in the tab in front, sets the right-click menu's image entries: a
// page script's synthetic events are ignored (isTrusted), and so is a tab in the background.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectPageErrors, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

const body = html(`<img id="gray" src="/img/gray-1.jpg" alt="gray"><p id="caption" style="height: 200px">caption</p>`);

const menuShowsOriginal = () =>
  env.inWorker(() => (globalThis as unknown as { recolor: { imageMenuState(): { showsColorized: boolean } } }).recolor.imageMenuState().showsColorized, null);

async function pointAt(page: Page, id: string) {
  const box = (await page.locator(`#${id}`).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
}

/** What a page script can do: mouse events of its own making on any element. */
const synthetic = (page: Page, id: string, type: string) =>
  page.$eval(`#${id}`, (element, type) => element.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true })), type);

test("a page's synthetic mouse events do not steer the menu", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.archiveUrl('/trust.html', { html: body }));
  await waitSwapped(page, 'gray');
  await pointAt(page, 'caption');
  await expect.poll(menuShowsOriginal).toBe(false);
  for (const type of ['mouseover', 'contextmenu']) await synthetic(page, 'gray', type);
  await page.waitForTimeout(500);
  expect(await menuShowsOriginal()).toBe(false);
  await pointAt(page, 'gray'); // the user's pointer: it counts
  await expect.poll(menuShowsOriginal).toBe(true);
  await synthetic(page, 'caption', 'mouseover');
  await page.waitForTimeout(500);
  expect(await menuShowsOriginal()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('a tab in the background does not set the menu', async () => {
  const behind = await env.browser.context.newPage();
  await behind.goto(env.archiveUrl('/behind.html', { html: body }));
  await waitSwapped(behind, 'gray');
  await pointAt(behind, 'caption');
  const front = await env.browser.context.newPage();
  await front.goto(env.archiveUrl('/front.html', { html: html('<p id="text">another page</p>') }));
  await front.bringToFront();
  const behindId = await env.tabIdOf(behind);
  await expect.poll(() => env.inWorker(async (id) => (await chrome.tabs.get(id)).active, behindId)).toBe(false);
  await expect.poll(menuShowsOriginal).toBe(false);
  await pointAt(behind, 'gray'); // input sent to the tab behind
  await behind.waitForTimeout(700);
  expect(await menuShowsOriginal()).toBe(false);
  await behind.bringToFront();
  await pointAt(behind, 'caption');
  await pointAt(behind, 'gray');
  await expect.poll(menuShowsOriginal).toBe(true);
  await front.close();
  await behind.close();
});
