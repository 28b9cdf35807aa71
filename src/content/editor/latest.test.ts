import { describe, expect, it } from 'vitest';
import { Latest } from './latest.ts';

/** A send whose answers the test releases one by one, in the order it chooses. */
function controlled() {
  const calls: { request: number; resolve: (answer: string) => void }[] = [];
  const send = (request: number) => new Promise<string>((resolve) => calls.push({ request, resolve }));
  return { calls, send };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Latest', () => {
  it('sends one at a time; changes meanwhile collapse into the newest; stale answers are dropped', async () => {
    const { calls, send } = controlled();
    const answered: string[] = [];
    const busy: boolean[] = [];
    const latest = new Latest<number, string>(send, { answered: (q, a) => answered.push(`${q}:${a}`), busy: (b) => busy.push(b) });
    latest.ask(1);
    latest.ask(2);
    latest.ask(3);
    await tick();
    expect(calls.map((c) => c.request)).toEqual([1]); // one in flight
    calls[0].resolve('one');
    await tick();
    expect(answered).toEqual([]); // 1 is stale: 3 was asked since
    expect(calls.map((c) => c.request)).toEqual([1, 3]); // 2 never sent
    calls[1].resolve('three');
    await tick();
    expect(answered).toEqual(['3:three']);
    expect(busy.at(-1)).toBe(false);
    expect(latest.pending).toBe(false);
  });

  it('delivers each answer when nothing changed meanwhile', async () => {
    const { calls, send } = controlled();
    const answered: string[] = [];
    const latest = new Latest<number, string>(send, { answered: (q, a) => answered.push(`${q}:${a}`), busy: () => undefined });
    latest.ask(1);
    await tick();
    calls[0].resolve('a');
    await tick();
    latest.ask(2);
    await tick();
    calls[1].resolve('b');
    await tick();
    expect(answered).toEqual(['1:a', '2:b']);
  });

  it('delivers nothing after close', async () => {
    const { calls, send } = controlled();
    const answered: string[] = [];
    const latest = new Latest<number, string>(send, { answered: (q, a) => answered.push(`${q}:${a}`), busy: () => undefined });
    latest.ask(1);
    await tick();
    latest.close();
    calls[0].resolve('a');
    await tick();
    latest.ask(2);
    await tick();
    expect(answered).toEqual([]);
    expect(calls.length).toBe(1);
  });
});
