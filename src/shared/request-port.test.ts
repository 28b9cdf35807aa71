import { describe, expect, it } from 'vitest';
import { NoAnswer, RequestPort } from './request-port.ts';
import type { PortLike } from './request-port.ts';

/** A port whose posted envelopes are kept, with the browser's side of it driven by the test. */
class FakePort implements PortLike {
  posted: { id: number; request: unknown }[] = [];
  private messageListeners: ((message: unknown) => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  broken = false;
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  postMessage(message: unknown): void {
    if (this.broken) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message as { id: number; request: unknown });
  }
  answer(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  disconnect(): void {
    this.broken = true;
    for (const listener of this.disconnectListeners) listener();
  }
}

function setup() {
  const ports: FakePort[] = [];
  const channel = new RequestPort(() => {
    const port = new FakePort();
    ports.push(port);
    return port;
  }, 10);
  return { ports, channel };
}

const status = { type: 'page-status', colorized: 0, working: 0, candidates: 0, showingOriginals: false } as const;

describe('RequestPort', () => {
  it('opens one port for many requests and matches responses by number, in any order', async () => {
    const { ports, channel } = setup();
    const first = channel.request({ type: 'page-site' });
    const second = channel.request(status);
    expect(ports).toHaveLength(1);
    expect(ports[0].posted.map((e) => e.id)).toEqual([1, 2]);
    ports[0].answer({ id: 2, response: { ok: true } });
    ports[0].answer({ id: 1, response: { ok: true, site: 'a.org' } });
    await expect(first).resolves.toEqual({ ok: true, site: 'a.org' });
    await expect(second).resolves.toEqual({ ok: true });
  });

  it.each([
    ['an unknown number', { id: 99, response: { ok: true } }],
    ['no number', { response: { ok: true } }],
    ['not an envelope', 'hello'],
  ])('ignores %s', async (_, message) => {
    const { ports, channel } = setup();
    const pending = channel.request({ type: 'page-site' });
    ports[0].answer(message);
    ports[0].answer({ id: 1, response: 'done' });
    await expect(pending).resolves.toBe('done');
  });

  it('sends a request in flight again on a new port when the background goes away, once', async () => {
    const { ports, channel } = setup();
    const pending = channel.request({ type: 'page-site' });
    ports[0].disconnect();
    expect(ports).toHaveLength(2);
    expect(ports[1].posted).toEqual([{ id: 1, request: { type: 'page-site' } }]);
    ports[1].answer({ id: 1, response: 'again' });
    await expect(pending).resolves.toBe('again');
  });

  it('gives up on a request whose second port goes away too, and opens a fresh port for the next', async () => {
    const { ports, channel } = setup();
    const pending = channel.request({ type: 'page-site' });
    ports[0].disconnect();
    ports[1].disconnect();
    await expect(pending).rejects.toThrow(/stopped answering/);
    const next = channel.request({ type: 'page-site' });
    expect(ports).toHaveLength(3);
    ports[2].answer({ id: 2, response: 'fresh' });
    await expect(next).resolves.toBe('fresh');
  });

  it('rejects when posting throws', async () => {
    const { ports, channel } = setup();
    void channel.request({ type: 'page-site' }).catch(() => undefined);
    ports[0].broken = true; // broken without the disconnect event (yet)
    await expect(channel.request({ type: 'page-site' })).rejects.toThrow(/disconnected/);
  });

  it('gives up on a request with no answer in time, and drops the late answer', async () => {
    const { ports, channel } = setup();
    const pending = channel.request({ type: 'page-site' }, 20);
    await expect(pending).rejects.toBeInstanceOf(NoAnswer);
    ports[0].answer({ id: 1, response: 'late' });
    const next = channel.request({ type: 'page-site' }, 1000);
    ports[0].answer({ id: 2, response: 'on time' });
    await expect(next).resolves.toBe('on time');
  });

  it('close() lets the port go and sends nothing; reopen() sends what waits on a new port', async () => {
    const { ports, channel } = setup();
    const inFlight = channel.request(status, 1000);
    channel.close();
    expect(ports[0].broken).toBe(true);
    const later = channel.request({ type: 'page-site' }, 1000);
    expect(ports).toHaveLength(1);
    expect(ports[0].posted).toHaveLength(1);
    channel.reopen();
    expect(ports).toHaveLength(2);
    expect(ports[1].posted.map((envelope) => envelope.id)).toEqual([1, 2]);
    ports[1].answer({ id: 2, response: 'site' });
    ports[1].answer({ id: 1, response: 'ok' });
    await expect(later).resolves.toBe('site');
    await expect(inFlight).resolves.toBe('ok');
  });
});
