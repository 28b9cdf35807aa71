// Chromium for the benchmarks: the e2e launcher (test/e2e/support/extension.ts) with a DevTools
// port, so the service worker's heap can be read over CDP (performance.memory does not exist in a
// service worker), and with --gpu the flags that give WebGPU on a Linux NVIDIA machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import type { Browser as PuppeteerBrowser, CDPSession } from 'puppeteer-core';
import { launchChromium } from '../../test/e2e/support/extension.ts';

/**
 * Chrome's recipe for WebGPU in headless Chrome on Linux with an NVIDIA GPU (Vulkan). Without a
 * GPU, --enable-unsafe-webgpu alone gives SwiftShader's fallback adapter (seen on the development VM).
 */
export const GPU_FLAGS = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=vulkan', '--disable-vulkan-surface', '--ignore-gpu-blocklist'];

export interface Bench {
  context: BrowserContext;
  profile: string;
  /** A second DevTools client (puppeteer-core) for the targets Playwright doesn't expose. */
  devtools: PuppeteerBrowser;
  close(): Promise<void>;
}

export async function launch(options: { extension: boolean; gpu: boolean }): Promise<Bench> {
  const launched = await launchChromium({ extension: options.extension, extraArgs: ['--remote-debugging-port=0', ...(options.gpu ? GPU_FLAGS : [])] });
  const port = readFileSync(join(launched.profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const devtools = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  return {
    ...launched,
    devtools,
    close: async () => {
      await devtools.disconnect().catch(() => undefined);
      await launched.close();
    },
  };
}

/** The extension's service worker now (MV3 may have restarted it). */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** Runs `work` with a DevTools session on the running service worker (waking none). */
export async function withWorkerSession<T>(bench: Bench, work: (session: CDPSession) => Promise<T>): Promise<T> {
  const target = await bench.devtools.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
  const session = await target.createCDPSession();
  try {
    return await work(session);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Evaluates an expression in the running service worker and returns its (awaited) value. */
export async function inWorker<T>(bench: Bench, expression: string): Promise<T> {
  return withWorkerSession(bench, async (session) => {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  });
}

export interface HeapUsage {
  usedBytes: number;
  totalBytes: number;
  /** ArrayBuffer backing stores (image bytes, wasm memory is separate). */
  backingStoreBytes: number;
}

/** The service worker's V8 heap after a full garbage collection, over CDP. */
export async function workerHeap(bench: Bench): Promise<HeapUsage> {
  return withWorkerSession(bench, async (session) => {
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number };
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize, backingStoreBytes: usage.backingStorageSize ?? 0 };
  });
}
