import { describe, expect, it } from 'vitest';
import { Slicer } from './slicer.ts';
import type { SlicerHost } from './slicer.ts';

/** A fake frame loop: each task advances the clock by its cost; frames run when flushed. */
function fakeHost() {
  let clock = 0;
  const frames: (() => void)[] = [];
  const errors: unknown[] = [];
  const host: SlicerHost = {
    now: () => clock,
    nextFrame: (callback) => frames.push(callback),
    onError: (error) => errors.push(error),
  };
  return {
    host,
    errors,
    spend: (ms: number) => (clock += ms),
    /** Runs frames until idle; returns how many tasks ran in each frame. */
    flush(ran: () => number): number[] {
      const perFrame: number[] = [];
      while (frames.length) {
        const before = ran();
        frames.shift()!();
        perFrame.push(ran() - before);
      }
      return perFrame;
    },
  };
}

describe('Slicer', () => {
  it.each<[string, number, number, number[]]>([
    ['cheap tasks share a frame until the budget is spent', 10, 3, [4, 4, 2]],
    ['a task over budget runs alone', 5, 20, [1, 1, 1, 1, 1]],
    ['zero-cost tasks all run in one frame', 50, 0, [50]],
  ])('%s', (_name, count, cost, expected) => {
    const fake = fakeHost();
    const slicer = new Slicer(fake.host, 12);
    let ran = 0;
    for (let i = 0; i < count; i++) {
      slicer.add(() => {
        ran += 1;
        fake.spend(cost);
      });
    }
    expect(fake.flush(() => ran)).toEqual(expected);
    expect(slicer.pending).toBe(0);
  });

  it('keeps order and survives a throwing task', () => {
    const fake = fakeHost();
    const slicer = new Slicer(fake.host);
    const order: number[] = [];
    slicer.add(() => order.push(1));
    slicer.add(() => {
      throw new Error('page changed under us');
    });
    slicer.add(() => order.push(3));
    fake.flush(() => order.length);
    expect(order).toEqual([1, 3]);
    expect(fake.errors).toHaveLength(1);
  });

  it('runs tasks added by tasks, in a later slice when over budget', () => {
    const fake = fakeHost();
    const slicer = new Slicer(fake.host, 12);
    const order: string[] = [];
    slicer.add(() => {
      order.push('a');
      fake.spend(13);
      slicer.add(() => order.push('b'));
    });
    const frames = fake.flush(() => order.length);
    expect(order).toEqual(['a', 'b']);
    expect(frames).toEqual([1, 1]);
  });
});
