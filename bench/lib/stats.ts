// Summaries of repeated timings: median with min and max (and the count), as every figure of the
// benchmarks is reported.

export interface Stats {
  median: number;
  min: number;
  max: number;
  mean: number;
  n: number;
}

export function stats(xs: readonly number[]): Stats {
  if (xs.length === 0) return { median: NaN, min: NaN, max: NaN, mean: NaN, n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return {
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    min: s[0],
    max: s[s.length - 1],
    mean: s.reduce((sum, x) => sum + x, 0) / s.length,
    n: s.length,
  };
}

/** Milliseconds covered by the spans, counting time inside nested or overlapping ones once. */
export function coveredMs(spans: readonly { start: number; duration: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let total = 0;
  let end = -Infinity;
  for (const span of sorted) {
    const spanEnd = span.start + span.duration;
    if (spanEnd <= end) continue;
    total += spanEnd - Math.max(span.start, end);
    end = spanEnd;
  }
  return total;
}

/** "median (min-max)" with the given number of decimals. */
export function formatStats(s: Stats, digits = 0): string {
  if (!s.n) return '—';
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** Stats of one field over a list of records. */
export function statsOf<T>(records: readonly T[], pick: (record: T) => number): Stats {
  return stats(records.map(pick));
}
