import { describe, expect, it } from 'vitest';
import { coveredMs, stats } from './stats.ts';

describe('coveredMs', () => {
  const span = (start: number, duration: number) => ({ start, duration });
  it.each<[string, { start: number; duration: number }[], number]>([
    ['nothing', [], 0],
    ['one span', [span(10, 5)], 5],
    ['apart', [span(0, 2), span(10, 3)], 5],
    ['nested (a consider holding its send)', [span(0, 10), span(2, 3)], 10],
    ['overlapping', [span(0, 4), span(3, 4)], 7],
    ['out of order', [span(20, 1), span(0, 4), span(3, 4)], 8],
    ['touching', [span(0, 2), span(2, 2)], 4],
  ])('%s', (_, spans, ms) => {
    expect(coveredMs(spans)).toBeCloseTo(ms, 9);
  });
});

describe('stats', () => {
  it.each<[number[], { median: number; min: number; max: number }]>([
    [[3, 1, 2], { median: 2, min: 1, max: 3 }],
    [[4, 1, 3, 2], { median: 2.5, min: 1, max: 4 }],
  ])('%j', (xs, expected) => {
    expect(stats(xs)).toMatchObject({ ...expected, n: xs.length });
  });
});
