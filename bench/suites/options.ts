// What every suite gets from bench/run.ts.
export interface SuiteOptions {
  /** Timed repetitions per figure (after warm-up). */
  runs: number;
  /** Fresh loads for the "first pass after load" figures. */
  firstRuns: number;
  /** Images colorized before the memory figures are read. */
  memoryImages: number;
  /** The 300-image page: how long to let the extension work on it (scrolling down), ms. */
  pageMs: number;
  gpu: boolean;
  log(message: string): void;
}
