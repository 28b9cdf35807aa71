// Two local origins for the tests: `site` serves the pages (and same-origin images), `other` serves
// cross-origin images without any CORS header, as most image CDNs do.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixture } from './fixtures.ts';

export interface Page {
  html: string;
  headers?: Record<string, string>;
}

export interface TestServers {
  site: string;
  other: string;
  sitePort: number;
  otherPort: number;
  setPage(path: string, page: Page): void;
  /** How many times the extension's worker (not the page) fetched each image path. */
  workerFetches: Map<string, number>;
  close(): Promise<void>;
}

export async function startServers(): Promise<TestServers> {
  const pages = new Map<string, Page>();
  const workerFetches = new Map<string, number>();

  const handle = (cors: boolean) => async (request: IncomingMessage, response: ServerResponse) => {
    try {
      const url = new URL(request.url ?? '/', 'http://x');
      const page = pages.get(url.pathname);
      if (page) {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
        response.end(page.html);
        return;
      }
      const match = /^\/img\/([\w.-]+)$/.exec(url.pathname);
      const image = match ? await fixture(match[1]) : undefined;
      if (!image) {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>404</h1>');
        return;
      }
      // Image loads ask for image types; the extension's fetch() asks for */* (Sec-Fetch-Dest is
      // not sent to plain-http hosts such as the mapped archive host).
      const fromWorker = !(request.headers.accept ?? '').startsWith('image/');
      if (fromWorker) {
        workerFetches.set(url.pathname, (workerFetches.get(url.pathname) ?? 0) + 1);
        const delay = Number(url.searchParams.get('workerDelay') ?? 0);
        if (delay) await new Promise((r) => setTimeout(r, delay));
      }
      const headers: Record<string, string> = { 'content-type': image.type, 'cache-control': 'max-age=3600' };
      if (cors) headers['access-control-allow-origin'] = '*';
      response.writeHead(200, headers);
      response.end(image.body);
    } catch (error) {
      response.writeHead(500);
      response.end(String(error));
    }
  };

  const listen = (server: Server) =>
    new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const siteServer = createServer(handle(true));
  const otherServer = createServer(handle(false));
  const [sitePort, otherPort] = await Promise.all([listen(siteServer), listen(otherServer)]);
  return {
    site: `http://127.0.0.1:${sitePort}`,
    // Another origin and site, on a public-looking name (extension.ts maps *.example here): the
    // extension refuses to fetch from localhost for a page on a public host (url-policy.ts).
    other: `http://photos.example:${otherPort}`,
    otherPort,
    sitePort,
    setPage: (path, page) => pages.set(path, page),
    workerFetches,
    close: async () => {
      siteServer.closeAllConnections();
      otherServer.closeAllConnections();
      await Promise.all([new Promise((r) => siteServer.close(r)), new Promise((r) => otherServer.close(r))]);
    },
  };
}
