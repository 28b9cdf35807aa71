// Main-thread time the content script spends, as User Timing measures named `recolor:<stage>`, or
// `recolor:<stage>:<n>` where the work is for one image (its number), in the test and benchmark
// build only (src/build-flags.d.ts): a page can read User Timing entries, and ours would tell it
// that Recolor is there and how long its work took. `npm run bench` reads them from the page's
// timeline to give the time per candidate image and to tell which long tasks were ours. In the
// shipped build `timed` only runs the work.

/** `edit`: the colour editor, from a change of the hints (a hint placed) to its result drawn. */
export type Stage = 'scan' | 'mutations' | 'intersect' | 'consider' | 'detect' | 'send' | 'swap' | 'finish' | 'overlay' | 'edit';

export const MEASURE_PREFIX = 'recolor:';

/** Records the main-thread time from `start` (performance.now()) until now. */
export function measureSince(stage: Stage, start: number, item?: number): void {
  if (!__RECOLOR_TEST__) return;
  try {
    performance.measure(item === undefined ? MEASURE_PREFIX + stage : `${MEASURE_PREFIX}${stage}:${item}`, { start });
  } catch {
    // Timing must never break the page (an old browser, a page that replaced performance).
  }
}

/** Runs `work` and records its main-thread time (from `since`, when work before it in the same task counts too). */
export function timed<T>(stage: Stage, work: () => T, item?: number, since?: number): T {
  if (!__RECOLOR_TEST__) return work();
  const start = since ?? performance.now();
  try {
    return work();
  } finally {
    measureSince(stage, start, item);
  }
}
