// A page must not read, through Recolor, an image the same-origin policy hides from it. A photo
// from another site served without CORS is colorized on screen as a canvas in a closed shadow root:
// the page's scripts find no URL of ours in the DOM or in computed styles, their canvas stays
// tainted, and fetching what they can find fails. Images the page may read anyway (its own, or
// another site's served with CORS and asked for with crossorigin) keep the swap by URL.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { ARCHIVE_HOST, PHOTO_HOST } from './support/extension.ts';
import { boxes, collectPageErrors, isSwapped, onScreen, screenChroma, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

interface DomNode {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * The src of each <img> inside a shadow root, as the browser sees them (DevTools' view, which closed
 * roots do not hide): what the right-click menu would pass as the image's URL. Not a page's view.
 */
async function shadowImageUrls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const urls: string[] = [];
  const walk = (node: DomNode, inShadow: boolean) => {
    if (inShadow && node.nodeName === 'IMG') {
      const attributes = node.attributes ?? [];
      urls.push(attributes[attributes.indexOf('src') + 1]);
    }
    for (const child of node.children ?? []) walk(child, inShadow);
    for (const shadow of node.shadowRoots ?? []) walk(shadow, true);
  };
  walk(root, false);
  return urls;
}

const menuClick = (menuItemId: string, srcUrl: string, tabId: number) =>
  env.inWorker(
    ({ menuItemId, srcUrl, tabId }) =>
      (globalThis as unknown as { recolor: { handleMenuClick: Function } }).recolor.handleMenuClick({ menuItemId, srcUrl, frameId: 0 }, { id: tabId }),
    { menuItemId, srcUrl, tabId },
  );

const menuShowsOriginal = () =>
  env.inWorker(() => (globalThis as unknown as { recolor: { imageMenuState(): { showsColorized: boolean } } }).recolor.imageMenuState().showsColorized, null);

/** Everything a page script tries, to get at the pixels of the colorized cross-origin photo. */
const attack = () =>
  (async () => {
    const img = document.getElementById('cross') as HTMLImageElement;
    const found = new Set<string>();
    const urlIn = /(?:url\(\s*["']?)?((?:blob|data|https?):[^"')\s]+)/g;
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) for (const m of attribute.value.matchAll(urlIn)) found.add(m[1]);
      const style = getComputedStyle(element);
      for (const name of ['background-image', 'content', 'list-style-image', 'border-image-source', 'mask-image']) {
        for (const m of style.getPropertyValue(name).matchAll(urlIn)) found.add(m[1]);
      }
    }
    if (img.currentSrc) found.add(img.currentSrc);
    for (const entry of performance.getEntriesByType('resource')) found.add(entry.name);
    const fetched: Record<string, string> = {};
    for (const url of found) {
      try {
        const response = await fetch(url);
        fetched[url] = `${response.status} ${response.headers.get('content-type')}`;
      } catch (error) {
        fetched[url] = `refused: ${(error as Error).name}`;
      }
    }
    let canvasRead: string;
    try {
      const canvas = document.createElement('canvas');
      canvas.width = 8;
      canvas.height = 8;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0, 8, 8);
      context.getImageData(0, 0, 8, 8);
      canvasRead = 'read';
    } catch (error) {
      canvasRead = `refused: ${(error as Error).name}`;
    }
    const host = img.previousElementSibling as HTMLElement;
    return {
      found: [...found],
      fetched,
      canvasRead,
      currentSrc: img.currentSrc,
      hostShadow: host.shadowRoot === null ? 'hidden' : 'open',
      hostChildren: host.childElementCount,
    };
  })();

test('a cross-origin photo without CORS is colorized on screen, and the page can read nothing of it', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  const otherPort = new URL(env.servers.other).port;
  const photo = `http://${PHOTO_HOST}:${otherPort}/img/gray-3.jpg`;
  const body = html(`<p id="intro">From another site:</p><img id="cross" src="${photo}" alt="A photo from elsewhere"><p id="after">text</p>`);
  // The same page off the archive list first: the gray original and its layout.
  await page.goto(env.plainUrl('/elsewhere.html', { html: body }));
  const before = await boxes(page);
  const gray = await screenChroma(page, 'cross');

  await page.goto(env.archiveUrl('/elsewhere.html', { html: body }));
  await waitSwapped(page, 'cross');
  expect(await boxes(page)).toEqual(before);
  // Colorized on screen: a screenshot of the box the photo had.
  expect(await screenChroma(page, 'cross')).toBeGreaterThan(gray + 3);

  const seen = await page.evaluate(attack);
  // No URL of ours anywhere the page can look: only the photo's own address (and the page's).
  expect(seen.found.filter((url) => /^(blob|data):/.test(url))).toEqual([]);
  expect(seen.currentSrc).toBe(photo);
  // Fetching the photo from the page fails (no CORS), as it would without Recolor.
  expect(seen.fetched[photo]).toMatch(/^refused/);
  expect(seen.canvasRead).toBe('refused: SecurityError');
  expect(seen.hostShadow).toBe('hidden');
  expect(seen.hostChildren).toBe(0);

  // The right-click menu: over the stand-in it offers "Show original" (the browser sees the <img>
  // in the shadow root, and passes its URL), which puts the original back; "Colorize" brings ours back.
  const host = await onScreen(page, '#cross');
  const box = (await host.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
  await expect.poll(menuShowsOriginal).toBe(true);
  const [ours] = await shadowImageUrls(page);
  expect(ours).toMatch(/^(data|blob):/);
  const tabId = await env.tabIdOf(page);
  expect(await menuClick('recolor-show-original', ours, tabId)).toEqual({ ok: true });
  await expect.poll(() => isSwapped(page, 'cross')).toBe(false);
  expect(await screenChroma(page, 'cross')).toBeLessThan(gray + 1);
  expect(await menuClick('recolor-colorize', photo, tabId)).toEqual({ ok: true });
  await waitSwapped(page, 'cross');
  await page.mouse.move(0, 0);

  // The hover switch flips it to the original and back.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + 24, box.y + 14, { steps: 3 });
  await page.mouse.click(box.x + 24, box.y + 14);
  await expect.poll(() => isSwapped(page, 'cross')).toBe(false);
  expect(await screenChroma(page, 'cross')).toBeLessThan(gray + 1);
  await page.mouse.click(box.x + 24, box.y + 14);
  await waitSwapped(page, 'cross');
  expect(await screenChroma(page, 'cross')).toBeGreaterThan(gray + 3);
  expect(errors).toEqual([]);
  await page.close();
});

test('images the page may read itself keep the swap by URL: its own, and another site\'s with CORS', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  // The site server answers with access-control-allow-origin: *; cors.example (mapped to it) is
  // another, public-looking origin than the archive host (a loopback address would be refused).
  const corsPhoto = `http://cors.example:${env.servers.sitePort}/img/gray-2.jpg`;
  await page.goto(
    env.archiveUrl('/readable.html', {
      html: html(`<img id="own" src="/img/gray-1.jpg" alt="own"><img id="cors" crossorigin="anonymous" src="${corsPhoto}" alt="cors">`),
    }),
  );
  expect(new URL(page.url()).host).toBe(`${ARCHIVE_HOST}:${env.servers.sitePort}`);
  for (const id of ['own', 'cors']) {
    await waitSwapped(page, id);
    expect(await page.$eval(`#${id}`, (img) => (img as HTMLImageElement).currentSrc)).toMatch(/^(data|blob):/);
    expect(await page.$eval(`#${id}`, (img) => getComputedStyle(img).display)).not.toBe('none');
  }
  expect(errors).toEqual([]);
  await page.close();
});
