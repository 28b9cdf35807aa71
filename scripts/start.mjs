#!/usr/bin/env node
// npm start: sets up what is missing, builds, and shows Recolor on a local demo page of
// black-and-white photos. With a display, Chromium opens with the extension loaded; without one
// ($DISPLAY unset), it says so and writes a before/after screenshot to out/before-after.png.
// Only Node built-ins are imported up front: node_modules may not exist yet.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDemo } from './demo-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const say = (text) => console.log(`recolor: ${text}`);

if (!existsSync(join(root, 'node_modules/.package-lock.json'))) {
  say('installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    say('installing Chromium (apt-get install chromium)');
    run('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=1200', 'chromium']);
  } else {
    console.error(`recolor: Chromium not found at ${CHROMIUM}. Install it: sudo apt-get install chromium`);
    process.exit(1);
  }
}
say('building the extension');
run('npm', ['run', '--silent', 'build']);

const { chromium } = await import('@playwright/test');
const server = await serveDemo();
const demoUrl = `http://127.0.0.1:${server.address().port}/index.html`;
// The test build: its worker's hook turns the demo site on (src/build-flags.d.ts).
const dist = join(root, 'dist/test/chrome');
const headed = Boolean(process.env.DISPLAY);
const profile = mkdtempSync(join(tmpdir(), 'recolor-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: false,
  viewport: headed ? null : { width: 1180, height: 640 },
  // Ctrl-C is handled below, so the temporary profile is removed too.
  handleSIGINT: false,
  handleSIGTERM: false,
  args: [
    ...(headed ? [] : ['--headless=new']),
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-first-run',
    '--disable-sync',
    '--disable-component-update',
    '--disable-background-networking',
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const setSite = (enabled) => worker.evaluate((on) => globalThis.recolor.setSite('127.0.0.1', on), enabled);

try {
  if (headed) {
    await setSite(true);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demoUrl);
    say(`Chromium is open on ${demoUrl} with Recolor loaded (demo site switched on).`);
    say('Hover a photo for the original/colorized switch; right-click any image for "Colorize this image".');
    say('Close the browser window (or press Ctrl-C) to stop.');
    await new Promise((resolve) => {
      context.on('close', resolve);
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  } else {
    say('no display ($DISPLAY is not set): writing a before/after screenshot instead of opening a window');
    const page = await context.newPage();
    await page.goto(demoUrl);
    await page.waitForLoadState('load');
    const before = await page.screenshot();
    await setSite(true);
    await page.waitForFunction(
      () => ['cat', 'coffee', 'astronaut', 'rocket', 'building', 'baboon', 'home'].every((id) => {
        const img = document.getElementById(id);
        return /^(data|blob):/.test(img.currentSrc) && img.complete;
      }),
      null,
      { timeout: 120_000, polling: 250 },
    );
    await page.waitForTimeout(300); // the last swap paints
    const after = await page.screenshot();
    const file = join(root, 'out/before-after.png');
    await sideBySide(before, after, file);
    say(`wrote ${file}`);
  }
} finally {
  await context.close().catch(() => undefined);
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

async function sideBySide(before, after, file) {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(before).metadata();
  const gap = 16;
  const label = 36;
  const width = meta.width * 2 + gap;
  const height = meta.height + label;
  const text = (x, words) =>
    `<text x="${x}" y="25" font-family="sans-serif" font-size="20" font-weight="bold" fill="#222">${words}</text>`;
  const labels = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${label}">${text(8, 'Before')}${text(meta.width + gap + 8, 'After: Recolor')}</svg>`,
  );
  mkdirSync(dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: labels, left: 0, top: 0 },
      { input: before, left: 0, top: label },
      { input: after, left: meta.width + gap, top: label },
    ])
    .png()
    .toFile(file);
}
