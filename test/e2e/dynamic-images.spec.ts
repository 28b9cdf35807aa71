// Images that are not there (or not loaded) when the page first loads: lazy ones, ones added by
// script, and one removed while the background is still working on it.
import { expect, test } from '@playwright/test';
import { boxes, collectPageErrors, isSwapped, screenChroma, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

test('a lazy-loaded photo is colorized once scrolled near, one added by script too', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  const url = env.archiveUrl(
    '/dynamic.html',
    {
      html: html(`
      <img id="top" src="/img/gray-1.jpg" alt="top">
      <div id="spacer" style="height: 4000px">long text</div>
      <img id="lazy" loading="lazy" src="/img/gray-2.jpg" width="384" height="256" alt="lazy">
      <div id="later-box"></div>
      <script>
        setTimeout(() => {
          const img = new Image();
          img.id = 'later';
          img.src = '/img/gray-4.jpg';
          document.getElementById('later-box').append(img);
        }, 1500);
      </script>`),
    },
  );
  await page.goto(url);
  await waitSwapped(page, 'top');
  // Far below the fold, not loaded: not looked at yet.
  expect(await page.$eval('#lazy', (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(false);
  expect(await isSwapped(page, 'lazy')).toBe(false);

  await page.$eval('#lazy', (img) => img.scrollIntoView());
  await waitSwapped(page, 'lazy');
  await waitSwapped(page, 'later');
  expect(await screenChroma(page, 'lazy')).toBeGreaterThan(3);
  expect(errors).toEqual([]);
  await page.close();
});

test('a photo removed while it is being colorized leaves no trace and no error', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  // The worker's fetch of this image is held 3 s by the server, so the removal lands mid-work.
  const url = env.archiveUrl(
    '/removed.html',
    {
      html: html(`
      <div id="box"><img id="doomed" src="/img/gray-3.jpg?workerDelay=3000" alt="doomed"></div>
      <p id="after">after</p>
      <script>
        document.getElementById('doomed').addEventListener('load', () =>
          setTimeout(() => { window.removed = document.getElementById('doomed'); window.removed.remove(); }, 800));
      </script>`),
    },
  );
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('doomed'));
  const before = await boxes(page);
  await expect.poll(() => env.servers.workerFetches.get('/img/gray-3.jpg') ?? 0).toBeGreaterThan(0);
  await page.waitForTimeout(4000); // past the held fetch and the inference that follows it

  // The detached element was not touched, and the page looks the same.
  expect(await page.evaluate(() => (window as unknown as { removed: HTMLImageElement }).removed.getAttribute('src'))).toBe(
    '/img/gray-3.jpg?workerDelay=3000',
  );
  expect(await boxes(page)).toEqual(before);

  // The queue is not stuck: a new photo still gets colorized.
  await page.evaluate(() => {
    const img = new Image();
    img.id = 'next';
    img.src = '/img/gray-1.jpg';
    document.getElementById('box')!.append(img);
  });
  await waitSwapped(page, 'next');
  expect(errors).toEqual([]);
  await page.close();
});

test('the page changing an image later: the new one is looked at; a page that fights back wins', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(
    env.archiveUrl('/changing.html', {
      html: html(`
      <img id="slide" src="/img/gray-1.jpg" alt="slide">
      <img id="stubborn" src="/img/gray-2.jpg" alt="stubborn">
      <script>
        // Like a framework that insists on its own src: puts it back whenever it changes.
        window.restores = 0;
        const stubborn = document.getElementById('stubborn');
        new MutationObserver(() => {
          if (stubborn.getAttribute('src') !== '/img/gray-2.jpg') {
            window.restores += 1;
            stubborn.removeAttribute('srcset');
            stubborn.setAttribute('src', '/img/gray-2.jpg');
          }
        }).observe(stubborn, { attributes: true, attributeFilter: ['src'] });
      </script>`),
    }),
  );
  await waitSwapped(page, 'slide');
  // A carousel moves on: its new slide is the original now, and gets colorized in turn.
  await page.$eval('#slide', (img) => img.setAttribute('src', '/img/gray-4.jpg'));
  await expect.poll(() => page.$eval('#slide', (img) => (img as HTMLImageElement).currentSrc)).toMatch(/^data:/);
  expect(await page.$eval('#slide', (img) => img.getAttribute('alt'))).toBe('slide');

  await page.waitForTimeout(4000);
  const restores = await page.evaluate(() => (window as unknown as { restores: number }).restores);
  expect(restores).toBeGreaterThan(0);
  expect(restores).toBeLessThanOrEqual(3);
  expect(await page.$eval('#stubborn', (img) => img.getAttribute('src'))).toBe('/img/gray-2.jpg');
  expect(errors).toEqual([]);
  await page.close();
});
