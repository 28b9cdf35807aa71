// The page's counts for the toolbar badge and its menu (how many images are colorized, being
// worked on, looked at; whether the originals are shown), told to the background at most every
// 150 ms and only when they changed: every message wakes the worker, and a timer per change would
// cost more than one per window.
import type { PageStatusReport } from '../shared/messages.ts';

const REPORT_EVERY_MS = 150;

export class PageStatus {
  private candidates = 0;
  private working = 0;
  showingOriginals = false;
  private told: string;
  private timer: number | undefined;

  constructor(
    private readonly colorized: () => number,
    private readonly tell: (report: PageStatusReport) => void,
  ) {
    this.told = JSON.stringify(this.now()); // nothing done yet: nothing to tell
  }

  now(): PageStatusReport {
    return { type: 'page-status', colorized: this.colorized(), working: this.working, candidates: this.candidates, showingOriginals: this.showingOriginals };
  }

  /** Requests in flight. */
  get busy(): boolean {
    return this.working > 0;
  }

  candidate(): void {
    this.candidates += 1;
  }

  started(): void {
    this.working += 1;
    this.changed();
  }

  finished(): void {
    this.working -= 1;
    this.changed();
  }

  /** Something counted may have changed: tell the background soon, if it did. */
  changed(): void {
    if (this.timer !== undefined) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      const report = this.now();
      const text = JSON.stringify(report);
      if (text === this.told) return;
      this.told = text;
      this.tell(report);
    }, REPORT_EVERY_MS);
  }
}
