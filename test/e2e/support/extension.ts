// Launches Debian's Chromium with the built extension (dist/chrome), as ../shared/PLATFORM.md says
// extensions load: a persistent context, --disable-extensions-except plus --load-extension.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, Worker } from '@playwright/test';
import { repoRoot } from './fixtures.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_CHROME = resolve(repoRoot, 'dist/chrome');
/** The archive hostname the tests point at the local server. */
export const ARCHIVE_HOST = 'www.loc.gov';

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: { headless?: boolean; extraArgs?: string[] } = {}): Promise<Launched> {
  const profile = mkdtempSync(join(tmpdir(), 'recolor-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1200, height: 900 },
    args: [
      ...(options.headless === false ? [] : ['--headless=new']),
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--host-resolver-rules=MAP ${ARCHIVE_HOST} 127.0.0.1`,
      ...(options.extraArgs ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The worker now (MV3 may have restarted it since launch). */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}
