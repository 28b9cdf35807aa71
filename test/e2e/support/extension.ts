// Launches Debian's Chromium with the built extension, the one way extensions load in it: a
// persistent context, --disable-extensions-except plus --load-extension. The test build
// (dist/test/chrome: dist/chrome with the worker's test hooks and User Timing measures,
// src/build-flags.d.ts), since a test cannot click a native menu.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, Worker } from '@playwright/test';
import { repoRoot } from './fixtures.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_CHROME = resolve(repoRoot, 'dist/test/chrome');
/** The archive hostname the tests point at the local server. */
export const ARCHIVE_HOST = 'www.loc.gov';
/** A public-looking image host of another site, pointed at the local servers too (the `other` server's port: no CORS). */
export const PHOTO_HOST = 'photos.example.org';
/**
 * Public-looking names for the local servers (photos.example, evil.example, ...): to the extension
 * they are hosts on the internet, as a photo CDN or a stranger's site would be.
 */
export const PUBLIC_TEST_DOMAIN = 'example';

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The temporary profile directory (DevToolsActivePort is written there with --remote-debugging-port=0). */
  profile: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Load the extension (default); false gives the same browser without it, for reference figures. */
  extension?: boolean;
  extraArgs?: string[];
  /** Keep Chromium's back/forward cache on (Playwright turns it off by default). */
  backForwardCache?: boolean;
}

/** Chromium's command line for the tests and the benchmark. */
export function chromiumArgs(options: LaunchOptions = {}): string[] {
  return [
    ...(options.headless === false ? [] : ['--headless=new']),
    ...(options.extension === false ? [] : [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`]),
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--host-resolver-rules=MAP ${ARCHIVE_HOST} 127.0.0.1, MAP ${PHOTO_HOST} 127.0.0.1, MAP *.${PUBLIC_TEST_DOMAIN} 127.0.0.1`,
    ...(options.extraArgs ?? []),
  ];
}

/** A persistent context (extensions load only there) in a fresh temporary profile. */
export async function launchChromium(options: LaunchOptions = {}): Promise<{ context: BrowserContext; profile: string; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'recolor-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1200, height: 900 },
    args: chromiumArgs(options),
    ignoreDefaultArgs: options.backForwardCache ? ['--disable-back-forward-cache'] : undefined,
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchWithExtension(options: Omit<LaunchOptions, 'extension'> = {}): Promise<Launched> {
  const launched = await launchChromium(options);
  const worker = launched.context.serviceWorkers()[0] ?? (await launched.context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { ...launched, worker, extensionId };
}

/** The worker now (MV3 may have restarted it since launch). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}
