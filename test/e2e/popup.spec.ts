// The toolbar popup, opened as popup.html?tab=<id> for a page's tab: it switches the site and
// "colorize everywhere" (the choices persist: stored, and shown again when the popup reopens),
// saves the strength, shows and hides the page's originals, and reports what happened on the tab
// (colorized, skipped and why, the engine). Both extension pages pass an axe-core check.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { axeViolations, openOptions, openPopup } from './support/extension-pages.ts';
import { isSwapped, waitSwapped } from './support/page-checks.ts';
import { html, useExtension } from './support/setup.ts';

const env = useExtension();

const body = html('<img id="gray" src="/img/gray-1.jpg" alt="gray"><img id="color" src="/img/color.jpg" alt="color">');

const stored = async () =>
  (await env.inWorker(() => chrome.storage.local.get('settings'), null)).settings as {
    siteOverrides: Record<string, string>;
    everywhere: boolean;
    strength: number;
  };

const pressed = (popup: Page, id: string) => popup.locator(`#${id}`).getAttribute('aria-pressed');

test('popup: switches the site and "everywhere", and both persist', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.plainUrl('/popup.html', { html: body }));
  const tabId = await env.tabIdOf(page);

  let popup = await openPopup(env.browser.context, env.browser.extensionId, tabId);
  await expect(popup.locator('#site')).toHaveText('127.0.0.1');
  const siteToggle = popup.getByRole('button', { name: 'Colorize photos on this site' });
  await expect(siteToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(popup.locator('#site-reason')).toHaveText('not in the archive site list');
  await expect(popup.locator('#counts')).toHaveText('No photos colorized on this page yet.');
  await expect(popup.locator('#originals')).toBeDisabled();

  // This site on: the page is colorized, the color photo skipped with the detector's reason.
  await siteToggle.click();
  await expect(siteToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(popup.locator('#site-reason')).toHaveText('you turned it on');
  await waitSwapped(page, 'gray');
  expect(await isSwapped(page, 'color')).toBe(false);
  expect((await stored()).siteOverrides).toEqual({ '127.0.0.1': 'on' });
  await expect(popup.locator('#counts')).toHaveText('1 colorized · 1 skipped');
  await popup.locator('#skips summary').click();
  await expect(popup.locator('#skip-list li')).toHaveText([/^color\.jpg: .+\(several hues\)$/]);
  await expect(popup.locator('#engine')).toHaveText('Engine: wasm (ready)');
  const badge = await env.inWorker(async (id) => [await chrome.action.getBadgeText({ tabId: id }), await chrome.action.getTitle({ tabId: id })], tabId);
  expect(badge).toEqual(['1', 'Recolor: on for 127.0.0.1 (you turned it on). Images colorized on this page: 1. Click for the Recolor panel.']);

  // Show originals and back, from the popup.
  await popup.getByRole('button', { name: 'Show originals' }).click();
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  await expect(popup.locator('#originals')).toHaveText('Show colors');
  await expect
    .poll(() => env.inWorker((id) => chrome.action.getTitle({ tabId: id }), tabId))
    .toContain('Originals shown on this page (1 colorized).');
  await popup.getByRole('button', { name: 'Show colors' }).click();
  await waitSwapped(page, 'gray');
  await expect(popup.locator('#originals')).toHaveText('Show originals');

  // "Everywhere" on, then the popup closed and opened again: both still on.
  await popup.getByRole('button', { name: 'Colorize everywhere' }).click();
  await expect.poll(async () => (await stored()).everywhere).toBe(true);
  await popup.close();
  popup = await openPopup(env.browser.context, env.browser.extensionId, tabId);
  expect([await pressed(popup, 'site-toggle'), await pressed(popup, 'everywhere')]).toEqual(['true', 'true']);
  // With "everywhere" on, the site's own choice is redundant and dropped; turning it off is remembered.
  await expect.poll(async () => (await stored()).siteOverrides).toEqual({ '127.0.0.1': 'on' });
  await popup.locator('#site-toggle').click();
  await expect.poll(() => isSwapped(page, 'gray')).toBe(false);
  expect(await stored()).toMatchObject({ everywhere: true, siteOverrides: { '127.0.0.1': 'off' } });
  await popup.close();
  popup = await openPopup(env.browser.context, env.browser.extensionId, tabId);
  expect([await pressed(popup, 'site-toggle'), await pressed(popup, 'everywhere')]).toEqual(['false', 'true']);
  await expect(popup.locator('#site-reason')).toHaveText('you turned it off');

  // Strength from the keyboard: saved as the setting (applied to new results).
  await popup.locator('#strength').focus();
  await popup.keyboard.press('ArrowLeft');
  await expect(popup.locator('#strength-value')).toHaveText('95%');
  await expect.poll(async () => (await stored()).strength).toBe(0.95);

  // Back to where the other tests start.
  await popup.locator('#site-toggle').click();
  await popup.getByRole('button', { name: 'Colorize everywhere' }).click();
  await expect.poll(async () => (await stored()).everywhere).toBe(false);
  await Promise.all([page.close(), popup.close()]);
});

test('popup on a page that is no web site: says so, nothing to switch', async () => {
  // The options page's tab: an extension page, no web site.
  const options = await openOptions(env.browser.context, env.browser.extensionId);
  const popup = await openPopup(env.browser.context, env.browser.extensionId, await env.tabIdOf(options));
  await expect(popup.locator('#no-site')).toHaveText('Recolor does not work on this page.');
  await expect(popup.locator('#site-toggle')).toBeHidden();
  await expect(popup.getByRole('button', { name: 'Colorize everywhere' })).toBeVisible();
  await Promise.all([popup.close(), options.close()]);
});

test('accessibility: axe-core finds no serious or critical problem on the popup and the options page; focus is visible', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.archiveUrl('/a11y.html', { html: body }));
  await waitSwapped(page, 'gray');
  const popup = await openPopup(env.browser.context, env.browser.extensionId, await env.tabIdOf(page));
  await expect(popup.locator('#counts')).toContainText('1 colorized');
  await popup.locator('#skips').evaluate((details) => ((details as HTMLDetailsElement).open = true));
  const options = await openOptions(env.browser.context, env.browser.extensionId);
  await expect(options.locator('#engine-state')).not.toBeEmpty();
  for (const [name, target] of [['popup', popup], ['options', options]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await target.emulateMedia({ colorScheme });
      const violations = await axeViolations(target);
      const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe, `${name}, ${colorScheme}: ${JSON.stringify(severe, null, 1)}`).toEqual([]);
    }
    // Every control has a name.
    const unnamed = await target.evaluate(() =>
      [...document.querySelectorAll('button, input, textarea, select, a[href]')]
        .filter((el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null)
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label') && !el.textContent?.trim())
        .map((el) => el.outerHTML),
    );
    expect(unnamed, name).toEqual([]);
  }
  // The strength slider is named by its label alone (not its value), on both pages.
  for (const target of [popup, options]) await expect(target.getByRole('slider', { name: 'Color strength', exact: true })).toBeVisible();
  // The keyboard reaches the first control, and it shows a focus ring.
  await popup.keyboard.press('Tab');
  const ring = await popup.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { id: document.activeElement!.id, outline: style.outlineStyle, width: style.outlineWidth };
  });
  expect(ring).toEqual({ id: 'site-toggle', outline: 'solid', width: '2px' });
  await Promise.all([page.close(), popup.close(), options.close()]);
});
