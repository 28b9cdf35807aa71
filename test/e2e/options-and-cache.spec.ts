// The options page (site list, engine report, cache) and the result cache surviving the service
// worker being stopped, which MV3 does whenever the worker is idle.
import { expect, test } from '@playwright/test';
import { isSwapped, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();
const body = html('<img id="photo" src="/img/gray-4.jpg" alt="photo"><img id="color" src="/img/color.jpg" alt="color">');

test('options: the engine reports wasm and why; the site list saves itself and decides where colorizing is automatic', async () => {
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  // Rendered from storage: its listeners are attached in the same task, so the click is heard.
  await expect(options.locator('#sites')).toHaveValue(/www\.loc\.gov/);
  const load = options.getByRole('button', { name: 'Load the model now' });
  await load.click();
  await expect(options.locator('#engine-state')).toHaveText('ready', { timeout: 60_000 });
  await expect(options.locator('#engine-backend')).toHaveText('wasm');
  // Loaded: the button says so and can't be pressed again.
  await expect(options.locator('#engine-load')).toHaveText('Model loaded');
  await expect(options.locator('#engine-load')).toBeDisabled();
  // No GPU here: the reason in words, the engine's own account (what was skipped) under Details.
  await expect(options.locator('#engine-reason')).toHaveText('WebAssembly on the processor (no usable graphics card found)');
  await expect(options.locator('#engine-reason-full')).toContainText('wasm');
  await expect(options.locator('#engine-model')).not.toHaveText('—');

  // No "Save" button: the list is stored once typing pauses.
  await expect(options.getByRole('button', { name: /save/i })).toHaveCount(0);
  const sites = options.getByRole('textbox', { name: 'Archive sites' });
  await expect(sites).toHaveValue(/^www\.loc\.gov\nloc\.gov\n/);
  await sites.fill('127.0.0.1\nnot a host\narchive.org');
  await expect(options.locator('#sites-saved')).toHaveText('Saved; ignored: not a host');
  const stored = await env.inWorker(() => chrome.storage.local.get('settings'), null);
  expect((stored.settings as { archiveSites: string[] }).archiveSites).toEqual(['127.0.0.1', 'archive.org']);

  const page = await env.browser.context.newPage();
  await page.goto(env.plainUrl('/listed.html', { html: body }));
  await waitSwapped(page, 'photo');

  await options.locator('#reset-sites').click();
  await expect(sites).toHaveValue(/^www\.loc\.gov\n/);
  await page.reload();
  await page.waitForTimeout(2000);
  expect(await isSwapped(page, 'photo')).toBe(false);
  await Promise.all([page.close(), options.close()]);
});

test('cache: results survive the worker being stopped, and the options page can clear them', async () => {
  const first = await env.browser.context.newPage();
  await first.goto(env.archiveUrl('/cached.html', { html: body }));
  await waitSwapped(first, 'photo');
  await first.close();
  const options = await env.browser.context.newPage();
  await options.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await expect(options.locator('#cache-size')).toContainText(/^images: [1-9]\d*, /);

  // Stop the worker, as the browser does when it is idle. The restarted one has no engine loaded.
  const cdp = await env.browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.close();

  const second = await env.browser.context.newPage();
  await second.goto(env.archiveUrl('/cached.html', { html: body }));
  await waitSwapped(second, 'photo');
  // Served from IndexedDB: the new worker never needed the model.
  const state = await env.inWorker(() => (globalThis as unknown as { recolor: { engineStatus(): { state: string } } }).recolor.engineStatus().state, null);
  expect(state).toBe('not-loaded');

  const again = await env.browser.context.newPage();
  await again.goto(`chrome-extension://${env.browser.extensionId}/options.html`);
  await expect(again.locator('#cache-size')).toContainText(/^images: [1-9]/);
  await again.locator('#cache-clear').click();
  await expect(again.locator('#cache-size')).toContainText(/^images: 0, 0 B/);
  await Promise.all([second.close(), again.close()]);
});
