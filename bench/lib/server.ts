// One local HTTP server for the browser benchmarks: pages and photos registered in memory, plus
// two folders (the model and tfjs's .wasm files) for the in-page harness. Pages on
// http://127.0.0.1 are a secure context, so WebGPU is offered there when the browser has it.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface Served {
  body: Buffer | string;
  type: string;
  headers?: Record<string, string>;
  /** Called each time it is served (a benchmark counting fetches). */
  onServe?: () => void;
}

export interface BenchServer {
  origin: string;
  port: number;
  set(path: string, file: Served): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
};

export async function startServer(folders: Record<string, string>): Promise<BenchServer> {
  const files = new Map<string, Served>();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    let file = files.get(path);
    const prefix = Object.keys(folders).find((p) => path.startsWith(p));
    if (!file && prefix) {
      const relative = normalize(path.slice(prefix.length));
      if (!relative.startsWith('..')) {
        const body = await readFile(join(folders[prefix], relative)).catch(() => undefined);
        if (body) file = { body, type: TYPES[extname(path)] ?? 'application/octet-stream' };
      }
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    file.onServe?.();
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', ...file.headers });
    response.end(file.body);
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    set: (path, file) => files.set(path, file),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
