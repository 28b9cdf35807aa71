import { describe, expect, it } from 'vitest';
import type { ColorizeResponse } from '../shared/messages.ts';
import { RequestPort } from '../shared/request-port.ts';
import type { PortLike } from '../shared/request-port.ts';
import { failed, skipped } from '../shared/result.ts';
import type { FailCode } from '../shared/result.ts';
import { ColorizeClient } from './colorize-client.ts';

/** The background's side of the port: answers every colorize request with `answer` (or never). */
function background(answer: ColorizeResponse | null) {
  const requests: unknown[] = [];
  const port = (): PortLike => {
    const listeners: ((message: unknown) => void)[] = [];
    return {
      postMessage(message: unknown) {
        const envelope = message as { id: number; request: unknown };
        requests.push(envelope.request);
        if (answer) queueMicrotask(() => listeners.forEach((listener) => listener({ id: envelope.id, response: answer })));
      },
      onMessage: { addListener: (listener) => void listeners.push(listener) },
      onDisconnect: { addListener: () => undefined },
    };
  };
  return { requests, port: new RequestPort(port, 10) };
}

const page = 'https://www.loc.gov';

async function ask(answer: ColorizeResponse | null, url: string, timeoutMs = 1000) {
  const { requests, port } = background(answer);
  let readHere = 0;
  const client = new ColorizeClient(port, page, timeoutMs);
  const result = await client.colorize({
    url,
    priority: 'visible',
    detect: true,
    pixels: async () => {
      readHere += 1;
      return null; // as if it would not load: the retry then ends without a second request
    },
  });
  return { result, requests: requests.length, readHere };
}

describe('ColorizeClient: retries decided by the failure code', () => {
  it.each<[FailCode, string, number]>([
    // Only a fetch that did not get the image, and only for the page's own image (the user's cookies may help).
    ['unreachable', `${page}/a.jpg`, 1],
    ['unreachable', 'https://tile.loc.gov/a.jpg', 0],
    ['refused', `${page}/a.jpg`, 0],
    ['undecodable', `${page}/a.jpg`, 0],
    ['engine', `${page}/a.jpg`, 0],
  ])('failed %s for %s: reads the bytes here %i times', async (code, url, reads) => {
    const { readHere, requests } = await ask(failed(code, 'x'), url);
    expect(readHere).toBe(reads);
    expect(requests).toBe(1);
  });

  it('a skip is final', async () => {
    const { result, readHere } = await ask(skipped('color', 'a colour photo'), `${page}/a.jpg`);
    expect(result).toEqual(skipped('color', 'a colour photo'));
    expect(readHere).toBe(0);
  });

  it('no answer in time: failed no-answer', async () => {
    const { result } = await ask(null, `${page}/a.jpg`, 20);
    expect(result.outcome === 'failed' && result.code).toBe('no-answer');
  });

  it("the page's own data: image goes as bytes from the start", async () => {
    const { readHere, requests, result } = await ask(failed('unreachable', 'x'), 'data:image/png;base64,AAAA');
    expect(readHere).toBe(1);
    expect(requests).toBe(0);
    expect(result).toEqual(failed('unreachable', 'image did not load'));
  });
});
