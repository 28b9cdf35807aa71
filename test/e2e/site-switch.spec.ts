// Switching a site off ends everything the content script hung on the page (its observers and
// listeners, counted by the test build's census: src/content/test-hooks.ts) and puts the originals
// back; switching it on again finds and colorizes the photos again.
import { expect, test } from '@playwright/test';
import { census, collectPageErrors, isSwapped, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

/** The popup's site switch, through the worker's test entry (the page is on 127.0.0.1). */
const setSite = (on: boolean) =>
  env.inWorker((enabled) => (globalThis as unknown as { recolor: { setSite(host: string, on: boolean): Promise<void> } }).recolor.setSite('127.0.0.1', enabled), on);

test('switching a site off leaves no observer or listener of ours; switching it on again works', async () => {
  const page = await env.browser.context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(env.plainUrl('/switch.html', { html: html('<img id="gray" src="/img/gray-1.jpg" alt="gray"><p id="p">text</p>') }));
  await page.waitForTimeout(500);
  expect(await census(page)).toEqual({ listeners: 0, observers: 0 }); // not on the list: nothing started

  await setSite(true); // on
  await waitSwapped(page, 'gray');
  const on = await census(page);
  console.log(`site on: ${on.listeners} listeners, ${on.observers} observers of ours`);
  expect(on.observers).toBeGreaterThanOrEqual(3); // mutations, intersections, resizes (and the overlay's)
  expect(on.listeners).toBeGreaterThan(0);

  await setSite(false); // off
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  await expect.poll(() => census(page)).toEqual({ listeners: 0, observers: 0 });

  await setSite(true); // on again
  await waitSwapped(page, 'gray');
  expect((await census(page)).observers).toBeGreaterThanOrEqual(3);
  await setSite(false); // off: the settings as they were
  expect(errors).toEqual([]);
  await page.close();
});
