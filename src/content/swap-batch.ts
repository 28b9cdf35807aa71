// Results shown together under load. Each swap in a task of its own pays the browser's cold start
// for an image change (its URL parsed, its data: bytes decoded, the image's layout and paint
// invalidated) anew: a src write cost 0.27 ms one per task, 0.17 ms three to a task, 0.04 ms thirty
// to a task (`node --import tsx bench/swap-batch.ts`, 2-core VM). A result that arrives after a
// quiet spell is shown at once; the ones that follow within `windowMs` wait for the window's end and
// go together. Clock and timer are injectable for tests.

export interface BatchClock {
  now(): number;
  later(callback: () => void, ms: number): void;
}

export function browserBatchClock(): BatchClock {
  return { now: () => performance.now(), later: (callback, ms) => void window.setTimeout(callback, ms) };
}

/** Long enough for two or three results of a busy queue to meet; short enough not to be seen as a delay. */
export const SWAP_BATCH_MS = 150;

export class SwapBatch {
  private last = -Infinity;
  private queue: (() => void)[] = [];
  private waiting = false;

  constructor(
    private readonly clock: BatchClock,
    private readonly windowMs = SWAP_BATCH_MS,
  ) {}

  /** Runs `work` now, or with the batch at the end of the current window; settles with its outcome. */
  run<T>(work: () => T): Promise<T> {
    const now = this.clock.now();
    if (!this.waiting && now - this.last >= this.windowMs) {
      this.last = now;
      return settle(work);
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => settle(work).then(resolve, reject));
      if (this.waiting) return;
      this.waiting = true;
      this.clock.later(() => this.flush(), Math.max(0, this.last + this.windowMs - now));
    });
  }

  private flush(): void {
    const queue = this.queue;
    this.queue = [];
    this.waiting = false;
    this.last = this.clock.now();
    for (const entry of queue) entry();
  }
}

/** `work` run now, its value or exception as a promise. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}
