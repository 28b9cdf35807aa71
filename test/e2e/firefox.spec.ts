// The Firefox build: web-ext lint passes, and firefox-esr (driven by puppeteer-core over WebDriver
// BiDi; Playwright's Firefox can't be installed here) loads dist/firefox and colorizes a gray photo
// on a local page mapped to an archive hostname, and its colour editor opens and applies a hint.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';
import { repoRoot } from './support/fixtures.ts';
import { html } from './support/setup.ts';
import { startServers } from './support/server.ts';
import type { TestServers } from './support/server.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST_FIREFOX = resolve(repoRoot, 'dist/firefox');

test('web-ext lint passes on dist/firefox', async () => {
  const { stdout } = await promisify(execFile)('npx', ['web-ext', 'lint', '--source-dir', DIST_FIREFOX, '--output', 'json'], {
    cwd: repoRoot,
  });
  const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: unknown[]; warnings: unknown[] };
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
});

let servers: TestServers;
test.beforeAll(async () => {
  servers = await startServers();
});
test.afterAll(async () => servers?.close());

async function launchFirefox() {
  const profile = mkdtempSync(join(tmpdir(), 'recolor-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // www.loc.gov -> this machine, plain http allowed (no HTTPS-First upgrade).
      'network.dns.localDomains': 'www.loc.gov',
      'dom.security.https_first': false,
      'dom.security.https_first_pbm': false,
      'network.proxy.type': 0,
    },
  });
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

/** Waits until the <img> shows a colorized result (a blob: or data: URL, loaded); returns that URL. */
async function waitColorized(page: Page, id: string, not = ''): Promise<string> {
  await page.waitForFunction(
    (id, not) => {
      const img = document.getElementById(id) as HTMLImageElement;
      return /^(blob|data):/.test(img.currentSrc) && img.currentSrc !== not && img.complete;
    },
    { timeout: 90_000, polling: 250 },
    id,
    not,
  );
  return page.$eval(`#${id}`, (img) => (img as HTMLImageElement).currentSrc);
}

test('firefox-esr: the extension colorizes a gray photo on an archive page', async () => {
  const { browser, close } = await launchFirefox();
  try {
    const id = await browser.installExtension(DIST_FIREFOX);
    expect(id).toBe('recolor@recolor.invalid');
    servers.setPage('/ff.html', {
      html: html('<img id="photo" src="/img/gray-1.jpg" alt="photo"><img id="color" src="/img/color.jpg" alt="color">'),
    });
    const page = await browser.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error as Error));
    await page.goto(`http://www.loc.gov:${servers.sitePort}/ff.html`);
    await waitColorized(page, 'photo');
    const chroma = await page.evaluate(() => {
      const img = document.getElementById('photo') as HTMLImageElement;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
      return sum / (data.length / 4);
    });
    expect(chroma).toBeGreaterThan(3);
    expect(await page.$eval('#color', (img) => (img as HTMLImageElement).currentSrc)).toMatch(/\/img\/color\.jpg$/);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});

test('firefox-esr: the colour editor opens from the hover control and applies a hint', async () => {
  const { browser, close } = await launchFirefox();
  try {
    await browser.installExtension(DIST_FIREFOX);
    servers.setPage('/ff-edit.html', { html: html('<img id="photo" src="/img/landscape.jpg" alt="Mountains" width="800" height="600">') });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error as Error));
    await page.goto(`http://www.loc.gov:${servers.sitePort}/ff-edit.html`);
    const first = await waitColorized(page, 'photo');
    // The editor's host is the child of <html> set over the whole window (the hover control's is 0x0).
    const editorOpen = () => Array.from(document.documentElement.children).some((c) => (c as HTMLElement).style.getPropertyValue('z-index') === '2147483647');
    const editorGone = () => !Array.from(document.documentElement.children).some((c) => (c as HTMLElement).style.getPropertyValue('z-index') === '2147483647');
    // The hover control is one tab stop right after the image (its closed shadow root is reached by
    // Tab only), a toolbar whose last button is "Edit colors…" (End).
    await page.waitForFunction(() => document.getElementById('photo')?.nextElementSibling !== null, { timeout: 30_000, polling: 250 });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.waitForFunction(editorOpen, { timeout: 90_000, polling: 250 });
    // The photo sits in the middle of the editor's stage (the dialog centred, its side panel 280 px wide).
    const stage = await page.evaluate(() => {
      const width = Math.min(innerWidth * 0.96, 1400);
      const height = Math.min(innerHeight * 0.94, 1000);
      return { x: (innerWidth - width) / 2 + (width - 280) / 2, y: (innerHeight - height) / 2 + 45 + (height - 45) / 2 };
    });
    await new Promise((r) => setTimeout(r, 3000)); // the first result drawn
    await page.mouse.click(stage.x, stage.y);
    await new Promise((r) => setTimeout(r, 5000)); // the hint's result and its suggested colours
    // Photo -> before/after -> strength -> the first suggested colour; then back past the photo to Close, wrapping to Apply.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 3000));
    for (let i = 0; i < 5; i++) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(editorGone, { timeout: 60_000, polling: 250 });
    const applied = await waitColorized(page, 'photo', first);
    expect(applied).not.toBe(first);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
});
