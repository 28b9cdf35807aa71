// A page going into the back/forward cache: on `pagehide` everything of ours on it stops (the test
// build's census, asked by the page in its own pagehide listener, counts nothing running), and when
// it comes back (`pageshow`, persisted) automatic colorizing and the hover control start again.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { census, collectPageErrors, isSwapped, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension({ backForwardCache: true });

/** The census once it holds still for 300 ms (listeners for work under way come and go). */
async function settledCensus(page: Page): Promise<{ listeners: number; observers: number }> {
  let last = await census(page);
  for (;;) {
    await page.waitForTimeout(300);
    const now = await census(page);
    if (now.listeners === last.listeners && now.observers === last.observers) return now;
    last = now;
  }
}

test('pagehide stops everything of ours; a page restored from the back/forward cache starts again', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  // Cacheable (the test server's pages are no-store, which Chromium keeps out of the back/forward cache).
  const headers = { 'cache-control': 'max-age=0' };
  await page.goto(env.archiveUrl('/bfcache.html', { html: html('<img id="gray" src="/img/gray-1.jpg" alt="gray"><div id="more"></div>'), headers }));
  await waitSwapped(page, 'gray');
  // The page asks for the census in its own pagehide listener, added after ours (which runs
  // first), and notes whether it came back from the cache.
  await page.evaluate(() => {
    const w = window as unknown as { hiddenCensus?: unknown; restored?: boolean };
    addEventListener('pagehide', () => {
      document.addEventListener('recolor-test:census-answer', (e) => (w.hiddenCensus = JSON.parse((e as CustomEvent<string>).detail)), { once: true });
      document.dispatchEvent(new Event('recolor-test:census'));
    });
    addEventListener('pageshow', (e) => (w.restored = (e as PageTransitionEvent).persisted));
  });
  const running = await settledCensus(page);
  expect(running.observers).toBeGreaterThanOrEqual(3);

  await page.goto(env.archiveUrl('/elsewhere.html', { html: html('<p>elsewhere</p>'), headers }));
  // Why a page was not restored from the cache, if it was not (Chromium says).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  const notRestored: string[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (event) => notRestored.push(...event.notRestoredExplanations.map((e) => e.reason)));
  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored).catch(() => undefined)).toBe(true);
  expect(notRestored).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { hiddenCensus?: unknown }).hiddenCensus)).toEqual({ listeners: 0, observers: 0 });

  // Back: still colorized, discovery running again (a new photo is found), the control works.
  expect(await isSwapped(page, 'gray')).toBe(true);
  expect(await settledCensus(page)).toEqual(running);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.id = 'added';
    img.src = '/img/gray-2.jpg';
    img.alt = 'added';
    document.getElementById('more')!.append(img);
  });
  await waitSwapped(page, 'added');
  const box = (await page.locator('#gray').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + 24, box.y + 14, { steps: 3 });
  await page.mouse.click(box.x + 24, box.y + 14);
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
});
