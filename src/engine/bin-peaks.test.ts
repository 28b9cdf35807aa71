import { describe, expect, it } from 'vitest';
import { binPeaks } from './bin-peaks.ts';

// A 1-D row of bins along a* (b* = 0), 10 apart: a* = 0, 10, ..., 60.
const row = (n: number) => Array.from({ length: n }, (_, i) => [i * 10, 0]).flat();

describe('binPeaks', () => {
  const cases: { name: string; probs: number[]; count: number; want: [number, number][] }[] = [
    { name: 'one sure bin', probs: [0, 0, 1, 0, 0, 0, 0], count: 3, want: [[20, 1]] },
    { name: 'two far peaks, the likelier first', probs: [0.3, 0, 0, 0, 0, 0.7, 0], count: 3, want: [[50, 0.7], [0, 0.3]] },
    { name: 'a neighbour is merged into its peak', probs: [0, 0.5, 0.2, 0, 0, 0.3, 0], count: 3, want: [[10, 0.7], [50, 0.3]] },
    { name: 'count limits the picks', probs: [0.4, 0, 0, 0.35, 0, 0, 0.25], count: 2, want: [[0, 0.4], [30, 0.35]] },
    { name: 'a bin between two picks goes to the nearer', probs: [0.45, 0.1, 0, 0.45, 0, 0, 0], count: 2, want: [[0, 0.55], [30, 0.45]] },
    { name: 'ties: the first bin', probs: [0.5, 0, 0, 0, 0, 0, 0.5], count: 1, want: [[0, 0.5]] },
    { name: 'unlikely peaks are left out', probs: [0.995, 0, 0, 0, 0, 0.005, 0], count: 3, want: [[0, 0.995]] },
    { name: 'count 0', probs: [1, 0, 0, 0, 0, 0, 0], count: 0, want: [] },
  ];
  it.each(cases)('$name', ({ probs, count, want }) => {
    const got = binPeaks(probs, row(probs.length), count).map((p) => [p.a, Number(p.probability.toFixed(6))]);
    expect(got).toEqual(want);
  });

  it('uses both a* and b*', () => {
    const centers = [0, 0, 0, 10, 10, 10, 0, 40];
    expect(binPeaks([0.1, 0.5, 0.1, 0.3], centers, 2)).toEqual([
      { a: 0, b: 10, probability: 0.7 },
      { a: 0, b: 40, probability: 0.3 },
    ]);
  });

  it('rejects centres that do not match the probabilities', () => {
    expect(() => binPeaks([0.5, 0.5], [0, 0], 1)).toThrow(RangeError);
  });
});
