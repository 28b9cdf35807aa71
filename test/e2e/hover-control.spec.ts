// The hover control and strength on an archive page (automatic colorizing on): a strength change in
// the settings or the popup re-renders colorized images in place from their results, with no new fetch; the
// control works by keyboard alone (Tab reaches it right after the image, arrows move inside it,
// Enter presses), names its buttons, marks the show-original toggle pressed, shows a focus ring,
// and passes axe-core while open; one image's own strength survives a reload; a colorized image
// keeps its alt and gets an accessible description; an image the detector left alone says why and
// offers "Colorize anyway". The control's shadow root is open in the test build only, so that these
// checks and axe can see inside it.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { axeViolations, openPopup } from './support/extension-pages.ts';
import { collectPageErrors, isSwapped, screenChroma, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

const DESCRIPTION = 'Colorized by Recolor; the original is black and white';

async function setStrength(strength: number): Promise<void> {
  await env.inWorker(async (value) => {
    const { settings } = (await chrome.storage.local.get('settings')) as { settings?: object };
    await chrome.storage.local.set({ settings: { ...settings, strength: value } });
  }, strength);
}

/** The toolbar next to an image (its host follows the image in the page), as the page's code sees it in the test build. */
async function toolbar(page: Page, id: string) {
  return page.evaluate((id) => {
    const host = document.getElementById(id)?.nextElementSibling;
    const bar = host?.shadowRoot?.querySelector('[role="toolbar"]');
    if (!bar) return null;
    const focused = host!.shadowRoot!.activeElement as HTMLElement | null;
    return {
      name: bar.getAttribute('aria-label'),
      shown: bar.classList.contains('shown'),
      note: bar.querySelector('.note')?.textContent ?? null,
      buttons: Array.from(bar.querySelectorAll('button'), (b) => ({ text: b.textContent, name: b.getAttribute('aria-label'), pressed: b.getAttribute('aria-pressed') })),
      value: bar.querySelector('output')?.textContent ?? null,
      focused: focused ? { text: focused.textContent, name: focused.getAttribute('aria-label'), pressed: focused.getAttribute('aria-pressed'), outline: getComputedStyle(focused).outlineStyle } : null,
    };
  }, id);
}

/** Tabs from the page's start until focus is inside the toolbar after `id` (at most `max` presses). */
async function tabInto(page: Page, id: string, max = 4): Promise<void> {
  // The tab stop is added when the page is next idle after the swap.
  await page.waitForFunction((id) => document.getElementById(id)?.nextElementSibling?.shadowRoot?.querySelector('button'), id);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await toolbar(page, id))?.focused) return;
  }
  throw new Error(`Tab did not reach the control of #${id}`);
}

test.afterEach(async () => setStrength(1));

test('a strength change in the settings re-renders colorized images in place, with no new fetch', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.archiveUrl('/live-strength.html', { html: html('<img id="photo" src="/img/gray-1.jpg" alt="photo">') }));
  await waitSwapped(page, 'photo');
  await page.mouse.move(0, 0);
  const before = await screenChroma(page, 'photo');
  const fetched = env.servers.workerFetches.get('/img/gray-1.jpg');
  expect(fetched).toBe(1);

  await setStrength(0.3);
  await expect.poll(() => screenChroma(page, 'photo'), { timeout: 15_000 }).toBeLessThan(before * 0.6);
  const low = await screenChroma(page, 'photo');
  expect(low).toBeGreaterThan(0.5); // still colorized, only less
  expect(await isSwapped(page, 'photo')).toBe(true);

  await setStrength(1.5);
  await expect.poll(() => screenChroma(page, 'photo'), { timeout: 15_000 }).toBeGreaterThan(before * 1.15);
  expect(env.servers.workerFetches.get('/img/gray-1.jpg')).toBe(fetched);
  expect(errors).toEqual([]);
  await page.close();
});

test('the popup\'s strength slider changes an already colorized image on the open tab, without a reload or a fetch', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.archiveUrl('/popup-strength.html', { html: html('<img id="photo" src="/img/gray-3.jpg" alt="photo">') }));
  await waitSwapped(page, 'photo');
  await page.mouse.move(0, 0);
  const before = await screenChroma(page, 'photo');
  const fetched = env.servers.workerFetches.get('/img/gray-3.jpg');
  const popup = await openPopup(env.browser.context, env.browser.extensionId, await env.tabIdOf(page));
  await popup.locator('#strength').focus();
  for (let i = 0; i < 12; i++) await popup.keyboard.press('ArrowLeft'); // 100% -> 40%
  await expect(popup.locator('#strength-value')).toHaveText('40%');
  await expect.poll(() => screenChroma(page, 'photo'), { timeout: 15_000 }).toBeLessThan(before * 0.6);
  expect(await screenChroma(page, 'photo')).toBeGreaterThan(0.5); // still colorized, only less
  expect(await isSwapped(page, 'photo')).toBe(true);
  expect(env.servers.workerFetches.get('/img/gray-3.jpg')).toBe(fetched);
  expect(errors).toEqual([]);
  await popup.close();
  await page.close();
});

test('keyboard only: Tab reaches the control after a colorized image; it toggles the original, sets the image strength (kept across a reload) and passes axe', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  // A page of its own with no axe findings (a lang, a main landmark), so what axe finds is ours.
  const body = html('<main><p><a id="before" href="#b">before</a></p><img id="photo" src="/img/gray-2.jpg" alt="A street"><p><a id="after" href="#a">after</a></p></main>').replace('<html>', '<html lang="en">');
  await page.goto(env.archiveUrl('/keyboard.html', { html: body }));
  await waitSwapped(page, 'photo');
  await page.mouse.move(0, 0);

  // Its alt is the page's; the description says it was colorized.
  expect(await page.$eval('#photo', (img) => [img.getAttribute('alt'), img.getAttribute('aria-description')])).toEqual(['A street', DESCRIPTION]);

  await tabInto(page, 'photo');
  let bar = (await toolbar(page, 'photo'))!;
  expect(bar.shown).toBe(true);
  expect(bar.name).toBe('Recolor');
  expect(bar.focused).toMatchObject({ text: 'Show original', pressed: 'false', outline: 'solid' });
  expect(bar.buttons.map((b) => b.name ?? b.text)).toEqual(['Show original', 'Less color', 'More color', 'Edit colors…']);
  expect(bar.value).toBe('100%');

  const violations = await axeViolations(page);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // Enter shows the original, and again the colorized image.
  await page.keyboard.press('Enter');
  await expect.poll(() => isSwapped(page, 'photo')).toBe(false);
  expect((await toolbar(page, 'photo'))!.focused).toMatchObject({ text: 'Show original', pressed: 'true' });
  await page.keyboard.press('Enter');
  await waitSwapped(page, 'photo');
  const full = await screenChroma(page, 'photo');

  // An arrow moves to "Less color"; three presses take this image to 70%.
  await page.keyboard.press('ArrowRight');
  expect((await toolbar(page, 'photo'))!.focused).toMatchObject({ name: 'Less color' });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect.poll(async () => (await toolbar(page, 'photo'))!.value).toBe('70%');
  await expect.poll(() => screenChroma(page, 'photo')).toBeLessThan(full * 0.85);
  const reduced = await screenChroma(page, 'photo');

  // Tab leaves the control for the page's next link: one tab stop per image.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('after');

  // Remembered for this image: after a reload it comes back at 70%.
  await page.reload();
  await waitSwapped(page, 'photo');
  await page.mouse.move(0, 0);
  await tabInto(page, 'photo');
  bar = (await toolbar(page, 'photo'))!;
  expect(bar.value).toBe('70%');
  await page.keyboard.press('Escape');
  await expect.poll(() => screenChroma(page, 'photo')).toBeLessThan(full * 0.85);
  expect(Math.abs((await screenChroma(page, 'photo')) - reduced)).toBeLessThan(full * 0.1);
  expect(errors).toEqual([]);
  await page.close();
});

test('an image the detector left alone says why on hover and offers "Colorize anyway"', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.archiveUrl('/anyway.html', { html: html('<img id="color" src="/img/color.jpg" alt="color">') }));
  // Its box once it has loaded (before that it may be the size of its alt text).
  await page.waitForFunction(() => (document.getElementById('color') as HTMLImageElement).naturalWidth > 0);
  let box = (await page.locator('#color').boundingBox())!;
  // Hovered until the detector's answer is in and the control appears.
  await expect
    .poll(async () => {
      box = (await page.locator('#color').boundingBox())!;
      await page.mouse.move(0, 0);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
      return (await toolbar(page, 'color'))?.note ?? null;
    }, { timeout: 60_000 })
    .toBe('Not colorized: already in color');
  expect((await toolbar(page, 'color'))!.buttons.map((b) => b.text)).toEqual(['Colorize anyway']);
  expect(await isSwapped(page, 'color')).toBe(false);

  // Reached with the pointer from the image (the control sits at its top-left corner).
  const button = { x: box.x + 40, y: box.y + 40 };
  const at = await page.evaluate(() => {
    const host = document.getElementById('color')!.nextElementSibling!;
    const rect = host.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  Object.assign(button, at);
  await page.mouse.move(button.x, button.y, { steps: 3 });
  await page.mouse.click(button.x, button.y);
  await waitSwapped(page, 'color');
  expect(errors).toEqual([]);
  await page.close();
});
