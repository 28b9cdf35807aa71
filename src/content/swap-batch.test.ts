import { describe, expect, it } from 'vitest';
import { SwapBatch } from './swap-batch.ts';
import type { BatchClock } from './swap-batch.ts';

/** A fake clock: timers fire when time is advanced past them. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  const clock: BatchClock = { now: () => now, later: (callback, ms) => timers.push({ at: now + ms, callback }) };
  return {
    clock,
    async advanceTo(time: number) {
      for (;;) {
        const due = timers.filter((timer) => timer.at <= time).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.callback();
        await Promise.resolve();
      }
      now = time;
      await Promise.resolve();
    },
  };
}

describe('SwapBatch', () => {
  // Arrival times of results (ms) → when each one is swapped in, with a 150 ms window.
  it.each<[string, number[], number[]]>([
    ['one result: at once', [0], [0]],
    ['results far apart: each at once', [0, 200, 500], [0, 200, 500]],
    ['a busy queue: the first at once, the next ones together at the window end', [0, 60, 120, 180, 240], [0, 150, 150, 300, 300]],
    ['a result just after a batch waits for the next window', [0, 100, 160], [0, 150, 300]],
    ['a quiet spell after a batch: at once again', [0, 100, 400], [0, 150, 400]],
  ])('%s', async (_name, arrivals, expected) => {
    const fake = fakeClock();
    const batch = new SwapBatch(fake.clock, 150);
    const swappedAt: number[] = [];
    const done: Promise<void>[] = [];
    for (const [i, arrival] of arrivals.entries()) {
      await fake.advanceTo(arrival);
      done.push(batch.run(() => void (swappedAt[i] = fake.clock.now())));
    }
    await fake.advanceTo(10_000);
    await Promise.all(done);
    expect(swappedAt).toEqual(expected);
  });

  it('gives back what the work returns, and its exception, at once or batched, never throwing into the caller', async () => {
    const fake = fakeClock();
    const batch = new SwapBatch(fake.clock, 150);
    let first: Promise<number> | undefined;
    expect(() => (first = batch.run(() => {
      throw new Error('swap failed at once');
    }))).not.toThrow();
    await expect(first).rejects.toThrow('swap failed at once');
    const later = batch.run(() => 2);
    const failing = batch.run(() => {
      throw new Error('swap failed in a batch');
    });
    const after = batch.run(() => 3);
    await fake.advanceTo(150);
    await expect(later).resolves.toBe(2);
    await expect(failing).rejects.toThrow('swap failed in a batch');
    await expect(after).resolves.toBe(3); // one failure does not stop the rest of the batch
    await fake.advanceTo(400);
    await expect(batch.run(() => 4)).resolves.toBe(4);
  });
});
