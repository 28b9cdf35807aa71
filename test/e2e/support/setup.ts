// One browser with the extension and one pair of servers per spec file.
import { test } from '@playwright/test';
import type { Page, Worker } from '@playwright/test';
import { ARCHIVE_HOST, currentWorker, launchWithExtension } from './extension.ts';
import type { Launched, LaunchOptions } from './extension.ts';
import { startServers } from './server.ts';
import type { Page as ServedPage, TestServers } from './server.ts';

export interface Env {
  servers: TestServers;
  browser: Launched;
  /** Serves html at path and returns its URL on the archive host (auto-colorize on). */
  archiveUrl(path: string, page: ServedPage): string;
  /** Serves html at path and returns its URL on 127.0.0.1 (not in the list: auto-colorize off). */
  plainUrl(path: string, page: ServedPage): string;
  tabIdOf(page: Page): Promise<number>;
  /** Runs code in the extension's service worker (restarted workers included). */
  inWorker: Worker['evaluate'];
}

export function useExtension(options: Omit<LaunchOptions, 'extension'> = {}): Env {
  const env = {} as Env;
  test.beforeAll(async () => {
    env.servers = await startServers();
    env.browser = await launchWithExtension(options);
  });
  test.afterAll(async () => {
    await env.browser?.close();
    await env.servers?.close();
  });
  env.archiveUrl = (path, page) => {
    env.servers.setPage(path, page);
    return `http://${ARCHIVE_HOST}:${env.servers.sitePort}${path}`;
  };
  env.plainUrl = (path, page) => {
    env.servers.setPage(path, page);
    return `${env.servers.site}${path}`;
  };
  env.inWorker = (async (fn: never, arg: never) => (await currentWorker(env.browser.context)).evaluate(fn, arg)) as Worker['evaluate'];
  env.tabIdOf = async (page) => {
    const url = page.url();
    const id = await env.inWorker(async (target) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === target)?.id;
    }, url);
    if (id === undefined) throw new Error(`no tab for ${url}`);
    return id;
  };
  return env;
}

/** A minimal HTML page around a body. */
export function html(body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<style>body { margin: 0; font: 14px sans-serif; } img { vertical-align: top; }</style>${head}</head><body>${body}</body></html>`;
}
