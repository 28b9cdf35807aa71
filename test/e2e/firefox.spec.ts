// The Firefox build: web-ext lint passes, and firefox-esr (driven by puppeteer-core over WebDriver
// BiDi; Playwright's Firefox can't be installed here) loads dist/firefox and colorizes a gray photo
// on a local page mapped to an archive hostname.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import puppeteer from 'puppeteer-core';
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

test('firefox-esr: the extension colorizes a gray photo on an archive page', async () => {
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
    await page.waitForFunction(
      () => {
        const img = document.getElementById('photo') as HTMLImageElement;
        return /^(blob|data):/.test(img.currentSrc) && img.complete;
      },
      { timeout: 90_000, polling: 250 },
    );
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
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
