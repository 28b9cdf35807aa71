// Settings that stick (issue 11, part 6): changes made in quick succession, from the options page
// and from the worker (the toolbar button's path) at the same moment, all persist across a worker
// restart; a corrupt stored field is repaired and the rest kept.
import { expect, test } from '@playwright/test';
import { currentWorker } from './support/extension.ts';
import { useExtension } from './support/setup.ts';

const env = useExtension();

const stored = async () => (await env.inWorker(() => chrome.storage.local.get('settings'), null)).settings as Record<string, unknown>;

test('two quick changes from two contexts both persist across a worker restart', async () => {
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  // Rendered from storage, so its listeners are attached (in the same task as the first render).
  await expect(options.locator('#sites')).toHaveValue(/www\.loc\.gov/);
  await expect(options.locator('#everywhere')).not.toBeChecked();
  // Two options-page changes in the same task (element.click() toggles and fires 'change' at once)
  // and a toolbar-style change from the worker, all at the same moment. (Turning an archive site
  // off needs its override whatever "everywhere" is, so the outcome does not depend on the order.)
  await Promise.all([
    options.evaluate(() => ['everywhere', 'hover'].forEach((id) => (document.getElementById(id) as HTMLInputElement).click())),
    env.inWorker(() => (globalThis as unknown as { recolor: { setSite(host: string, on: boolean): Promise<void> } }).recolor.setSite('www.loc.gov', false), null),
  ]);
  await expect.poll(stored).toMatchObject({ everywhere: true, hoverControl: false, siteOverrides: { 'www.loc.gov': 'off' } });

  const cdp = await env.browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await currentWorker(env.browser.context);
  await options.reload();
  await expect(options.locator('#everywhere')).toBeChecked();
  await expect(options.locator('#hover')).not.toBeChecked();
  await expect(options.locator('#overrides li')).toHaveText(['www.loc.gov: offForget']);
  expect(await stored()).toMatchObject({ everywhere: true, hoverControl: false, siteOverrides: { 'www.loc.gov': 'off' } });
  await options.close();
});

test('a corrupt stored field is repaired to its default, the rest kept', async () => {
  await env.inWorker(
    () => chrome.storage.local.set({ settings: { version: 1, strength: 'loud', everywhere: true, archiveSites: ['example.org'], siteOverrides: { 'a.example': 'sideways' } } }),
    null,
  );
  // Pages only read; the worker repairs what is stored when it starts, woken here by the options
  // page's requests.
  const options = await env.browser.context.newPage();
  const cdp = await env.browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await expect(options.locator('#everywhere')).toBeChecked();
  await expect(options.locator('#sites')).toHaveValue('example.org');
  await expect.poll(stored).toEqual({ version: 1, strength: 1, everywhere: true, archiveSites: ['example.org'], siteOverrides: {}, hoverControl: true });
  await options.close();
});
