// Pages whose CSP forbids data: images (img-src 'self' blob:), or data: and blob: both. A load our
// content script starts gets past the page's CSP; one the page starts itself (here: its script
// setting an image's src again) does not, and our image would break. The result then moves to a
// blob: URL, or to a canvas in the image's place: always colorized on screen, nothing moved, the
// original always restorable.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { boxes, collectPageErrors, screenChroma, selectorChroma, waitSwapped } from './support/page-checks.ts';
import type { Boxes } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

const body = html(`<p id="intro">photos:</p>
  <img id="photo" src="/img/gray-1.jpg" alt="A cat">
  <img id="fitted" src="/img/gray-2.jpg" alt="A cup" style="width: 260px; height: 260px; object-fit: cover; border: 3px solid #333">
  <p id="caption">caption</p>`);

/** The names of the images in Chromium's accessibility tree (closed shadow roots included). */
async function imageNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
  await cdp.detach();
  return nodes.filter((node) => !node.ignored && node.role?.value === 'image').map((node) => node.name?.value ?? '');
}

/** What the page's own script would do: load each image again, from the page's world. */
const pageReloadsImages = (page: Page) =>
  page.evaluate(() => {
    for (const img of Array.from(document.images)) img.src = img.getAttribute('src')!;
  });

const shown = (page: Page, id: string) => page.$eval(`#${id}`, (img) => (img as HTMLImageElement).currentSrc.slice(0, 5));

async function pageOriginals(tabId: number) {
  return env.inWorker(
    (tabId) =>
      (globalThis as unknown as { recolor: { handleMenuClick: Function } }).recolor.handleMenuClick(
        { menuItemId: 'recolor-page-originals' },
        { id: tabId },
      ),
    tabId,
  );
}

async function expectColorized(page: Page, before: Boxes) {
  expect(await boxes(page)).toEqual(before);
  for (const id of ['photo', 'fitted']) expect(await screenChroma(page, id)).toBeGreaterThan(3);
}

async function load(page: Page, csp: string, path: string) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(env.archiveUrl(path, { html: body, headers: { 'content-security-policy': `default-src 'none'; ${csp}; style-src 'unsafe-inline'` } }));
  await page.waitForLoadState('load');
  const before = await boxes(page);
  await waitSwapped(page, 'photo');
  await waitSwapped(page, 'fitted');
  expect(await shown(page, 'photo')).toBe('data:');
  await expectColorized(page, before);
  // Our own loads raised no violation.
  expect(violations).toEqual([]);
  return before;
}

test("img-src 'self' blob:: a page that loads our data: image again gets a blob: URL", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  const before = await load(page, "img-src 'self' blob:", '/csp-blob.html');

  await pageReloadsImages(page);
  await expect.poll(() => shown(page, 'photo')).toBe('blob:');
  await expect.poll(() => shown(page, 'fitted')).toBe('blob:');
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
  await expectColorized(page, before);

  // The page may load it again as often as it likes now.
  await pageReloadsImages(page);
  await page.waitForTimeout(500);
  expect(await shown(page, 'photo')).toBe('blob:');
  await expectColorized(page, before);
  expect(errors).toEqual([]);
  await page.close();
});

test("img-src 'self': data: and then blob: refused, a canvas stands in with the same box", async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  const before = await load(page, "img-src 'self'", '/csp-self.html');
  const tabId = await env.tabIdOf(page);

  await pageReloadsImages(page);
  await expect.poll(() => shown(page, 'photo')).toBe('blob:');
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
  await expectColorized(page, before);

  // blob: refused too: canvases in the images' places (each in a closed shadow root, its host just
  // before the hidden image), announced as the images were. (Not the hover control's zero-size
  // host, which follows each colorized image.)
  await pageReloadsImages(page);
  const standIns = 'span:has(+ img):not([style*="position: absolute"])';
  const canvases = page.locator(standIns);
  await expect(canvases).toHaveCount(2);
  expect(await imageNames(page)).toEqual(['A cat', 'A cup']);
  const hidden = await page.$$eval('img', (all) => all.map((img) => getComputedStyle(img).display));
  expect(hidden).toEqual(['none', 'none']);
  // The images are hidden (their original src back); the stand-ins have their boxes; nothing else moved.
  expect(await boxes(page)).toEqual(before);
  expect(await page.$eval('#photo', (img) => [img.getAttribute('src'), getComputedStyle(img).objectFit])).toEqual(['/img/gray-1.jpg', 'fill']);
  for (const index of [0, 1]) expect(await selectorChroma(page, `${standIns} >> nth=${index}`)).toBeGreaterThan(3);

  // The hover switch flips the canvas and the original as it does an image.
  const canvasBox = (await canvases.first().boundingBox())!;
  const flip = async () => {
    await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
    await page.mouse.move(canvasBox.x + 24, canvasBox.y + 14, { steps: 3 });
    await page.mouse.click(canvasBox.x + 24, canvasBox.y + 14);
  };
  await flip();
  await expect(canvases).toHaveCount(1);
  expect(await screenChroma(page, 'photo')).toBeLessThan(2);
  await flip();
  await expect(canvases).toHaveCount(2);
  await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height + 200);

  // The originals come back exactly, and the canvases again after.
  expect(await pageOriginals(tabId)).toEqual({ ok: true });
  await expect(canvases).toHaveCount(0);
  expect(await boxes(page)).toEqual(before);
  expect(await page.$eval('#photo', (img) => img.getAttribute('style'))).toBeNull();
  expect(await screenChroma(page, 'photo')).toBeLessThan(2);
  expect(await pageOriginals(tabId)).toEqual({ ok: true });
  await expect(canvases).toHaveCount(2);
  expect(errors).toEqual([]);
  await page.close();
});
