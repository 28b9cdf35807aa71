// Finding images for automatic colorizing: the scanner (the DOM now and as it changes), which of
// them are near the viewport (an IntersectionObserver), and boxes too small when looked at that
// grow later (a ResizeObserver). All of it lives under one Lifetime: switching the site off ends
// it, and nothing of it keeps running; switching it on again starts a fresh Discovery.
import { isBigEnough } from './candidate-rules.ts';
import type { Lifetime } from './lifetime.ts';
import { Scanner } from './scanner.ts';
import type { ScannerEvents } from './scanner.ts';
import type { Slicer } from './slicer.ts';
import { timed } from './timing.ts';

/** Start looking at images this far outside the viewport, so they are ready when scrolled to. */
const ROOT_MARGIN = '600px 300px';

export type Box = { width: number; height: number };

export interface DiscoveryEvents extends ScannerEvents {
  /** An element watched with watch() came near the viewport or left it, with its box now. */
  seen(element: Element, near: boolean, box: Box): void;
  /** An element watched with watchSize() is now big enough to be a photo. */
  grown(element: Element, box: Box): void;
  /** Whether an element is still waiting to be looked at (a resize report for others is dropped). */
  waiting(element: Element): boolean;
}

export class Discovery {
  private readonly scanner: Scanner;
  private readonly near: IntersectionObserver;
  private readonly sizes: ResizeObserver;

  constructor(lifetime: Lifetime, slicer: Slicer, private readonly events: DiscoveryEvents) {
    this.near = lifetime.hold(
      new IntersectionObserver(
        (entries) =>
          timed('intersect', () => {
            for (const entry of entries) {
              const { width, height } = entry.boundingClientRect;
              events.seen(entry.target, entry.isIntersecting, { width, height });
            }
          }),
        { rootMargin: ROOT_MARGIN },
      ),
    );
    this.sizes = lifetime.hold(new ResizeObserver((entries) => timed('intersect', () => this.resized(entries))));
    this.scanner = new Scanner(lifetime, slicer, events);
  }

  start(): void {
    this.scanner.start();
  }

  /** Scans the whole document again (nothing new is reported twice unless asked for: see watch). */
  rescan(): void {
    this.scanner.scan(document.documentElement);
  }

  /** Asks for a fresh intersection report on the element (with its current box). */
  watch(element: Element): void {
    this.near.unobserve(element);
    this.near.observe(element);
  }

  /** Watches a box too small now, for growing (an image loading, layout settling, a carousel). */
  watchSize(element: Element): void {
    this.sizes.observe(element);
  }

  private resized(entries: ResizeObserverEntry[]): void {
    for (const entry of entries) {
      const size = entry.borderBoxSize?.[0];
      if (!size) continue;
      // Inline and block size: width and height in either order, which isBigEnough doesn't mind.
      const box = { width: size.inlineSize, height: size.blockSize };
      if (!this.events.waiting(entry.target)) this.sizes.unobserve(entry.target);
      else if (isBigEnough(box.width, box.height)) {
        this.sizes.unobserve(entry.target);
        this.events.grown(entry.target, box);
      }
    }
  }
}
