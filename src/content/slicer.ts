// Runs queued DOM work in short slices, one slice per animation frame, so a page with hundreds of
// images keeps scrolling and typing smoothly. Clock and frame scheduling are injectable for tests.

/** Per-frame budget: leaves the rest of a 16.7 ms frame to the page's own work and painting. */
export const SLICE_BUDGET_MS = 12;

export type Task = () => void;

export interface SlicerHost {
  now(): number;
  /** Calls back at the next frame (or soon, where frames are not delivered, e.g. hidden tabs). */
  nextFrame(callback: () => void): void;
  onError(error: unknown): void;
}

export function browserSlicerHost(): SlicerHost {
  return {
    now: () => performance.now(),
    nextFrame(callback) {
      let ran = false;
      const once = () => {
        if (ran) return;
        ran = true;
        callback();
      };
      // Hidden tabs get no animation frames; the timer keeps work moving there, rarely.
      requestAnimationFrame(once);
      setTimeout(once, 250);
    },
    onError: () => undefined,
  };
}

export class Slicer {
  private readonly tasks: Task[] = [];
  private head = 0;
  private scheduled = false;

  constructor(
    private readonly host: SlicerHost,
    private readonly budgetMs = SLICE_BUDGET_MS,
  ) {}

  get pending(): number {
    return this.tasks.length - this.head;
  }

  add(task: Task): void {
    this.tasks.push(task);
    this.schedule();
  }

  clear(): void {
    this.tasks.length = 0;
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.nextFrame(() => this.runSlice());
  }

  private runSlice(): void {
    this.scheduled = false;
    const start = this.host.now();
    // At least one task per slice, so a single slow task can't stall the queue forever.
    do {
      const task = this.tasks[this.head++];
      if (!task) break;
      try {
        task();
      } catch (error) {
        this.host.onError(error);
      }
    } while (this.head < this.tasks.length && this.host.now() - start < this.budgetMs);
    if (this.head >= this.tasks.length) this.clear();
    else {
      // Drop the consumed prefix now and then so the array doesn't grow without bound.
      if (this.head > 1024) {
        this.tasks.splice(0, this.head);
        this.head = 0;
      }
      this.schedule();
    }
  }
}
