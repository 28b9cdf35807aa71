// The working dots: a small pulsing dot on images being worked on (the hover control over our
// images is hover-control.ts). It lives in one fixed, zero-size host on <html> (outside
// <body>, so it can't move the page's boxes), in a closed shadow root the page's CSS can't reach.
import { t } from '../shared/i18n.ts';
import type { Lifetime } from './lifetime.ts';
import { timed } from './timing.ts';

const CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 2147483647; }
.dot { position: fixed; width: 10px; height: 10px; border-radius: 50%; background: #e8793a; box-shadow: 0 0 0 2px rgba(255,255,255,.85);
  animation: pulse 1.2s ease-in-out infinite; }
@keyframes pulse { 0%, 100% { opacity: .35; } 50% { opacity: 1; } }
`;

/**
 * Automatic work shows its dot only when it takes longer than this: most images are either
 * answered "not a black-and-white photo" by the background's detector or colorized within it, and
 * a dot flashing on a colour photo would say something that is not happening.
 */
export const AUTO_DOT_DELAY_MS = 400;

/**
 * Delayed dots shown at once, at most: a page scrolled past a hundred photos has them all waiting in
 * the background's queue, and a hundred pulsing dots (added, laid out and animated in one frame)
 * would say little more than a few do. The others appear as these finish.
 */
const MAX_DELAYED_DOTS = 8;

export class Overlay {
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private readonly dots = new Map<Element, HTMLElement>();
  private frame = 0;
  /** The next reposition must read every box again (not only follow the window's scroll). */
  private fullPending = false;
  /** Window scroll position when the boxes were last read; the layer is shifted by the difference. */
  private readAt = { x: 0, y: 0 };
  private shift = { x: 0, y: 0 };
  private placing = 0;
  /** Dots given an image since the last frame: inserting and observing wait for it (see placeDotsSoon). */
  private readonly unplaced = new Set<HTMLElement>();
  /** Dots whose image is done: hidden, kept in the layer and given to the next image (no DOM churn). */
  private readonly spare: HTMLElement[] = [];
  /** Elements whose dot waits for its delay (see showWorking), with when it is due; one timer for all. */
  private readonly later = new Map<Element, number>();
  private laterTimer: number | undefined;
  /** Whether the scroll and resize listeners are on (from the first dot on). */
  private following = false;

  /** Lives as long as `lifetime`: its end takes the layer out and stops its listeners and observer. */
  constructor(private readonly lifetime: Lifetime) {
    lifetime.hold(this.boxes);
    lifetime.signal.addEventListener('abort', () => {
      this.host?.remove();
      clearTimeout(this.laterTimer);
      cancelAnimationFrame(this.frame);
      cancelAnimationFrame(this.placing);
    });
  }

  private ensure(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    this.host?.remove();
    // A plain element, no name or attribute of ours: nothing that tells a page it is Recolor's.
    const host = document.createElement('div');
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('width', '0', 'important');
    host.style.setProperty('height', '0', 'important');
    const root = host.attachShadow({ mode: 'closed' });
    try {
      // A constructed sheet is not subject to the page's style-src CSP, unlike a <style> element.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
    const layer = document.createElement('div');
    layer.className = 'layer';
    root.append(layer);
    document.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    if (!this.following) {
      this.following = true;
      this.lifetime.listen(window, 'scroll', this.reposition, { passive: true, capture: true });
      this.lifetime.listen(window, 'resize', this.reposition, { passive: true });
    }
    return layer;
  }

  private readonly reposition = (event: Event) => {
    // The window scrolling moves every image by the same amount: the layer follows with one
    // transform, no box read. Inner scrollers and resizes move images each their own way.
    const windowScroll = event.type === 'scroll' && (event.target === document || event.target === window);
    this.fullPending ||= !windowScroll;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() =>
      timed('overlay', () => {
        this.frame = 0;
        if (this.fullPending) this.measureAll();
        else this.followScroll();
        this.fullPending = false;
      }),
    );
  };

  private followScroll(): void {
    this.shift = { x: this.readAt.x - scrollX, y: this.readAt.y - scrollY };
    this.layer?.style.setProperty('transform', `translate(${this.shift.x}px, ${this.shift.y}px)`);
  }

  private position(node: HTMLElement, rect: DOMRect | null): void {
    const visible = rect !== null && rect.width > 0 && rect.height > 0;
    node.style.display = visible ? '' : 'none';
    if (!visible) return;
    // Fixed positions inside the shifted layer: take the shift back out.
    const left = rect.right - 16 - this.shift.x;
    node.style.left = `${left}px`;
    node.style.top = `${rect.top + 6 - this.shift.y}px`;
  }

  /** A dot on `element` from now, or after `delayMs` if its work is not done by then. */
  showWorking(element: Element, delayMs = 0): void {
    if (delayMs > 0) {
      if (!this.later.has(element)) this.later.set(element, performance.now() + delayMs);
      this.laterTimer ??= window.setTimeout(this.showDue, delayMs);
      return;
    }
    this.later.delete(element);
    if (this.dots.has(element)) return;
    const dot = this.spare.pop() ?? document.createElement('div');
    dot.className = 'dot';
    dot.title = t('hoverWorking');
    dot.style.display = 'none'; // until its box is known
    this.dots.set(element, dot);
    this.unplaced.add(dot);
    this.placeDotsSoon();
  }

  /**
   * New dots go in at the next frame, all at once, and get their boxes from an observer: changing
   * the DOM now and reading boxes would make the browser lay the page out again in the middle of
   * other work (a few ms per image on a large page), where once per frame is what painting needs.
   * A dot is inserted once and then reused (hidden in between).
   */
  private placeDotsSoon(): void {
    if (this.placing) return;
    this.placing = requestAnimationFrame(() =>
      timed('overlay', () => {
        this.placing = 0;
        const fresh = [...this.unplaced].filter((dot) => !dot.isConnected);
        if (fresh.length) this.ensure().append(...fresh);
        for (const [element, dot] of this.dots) if (this.unplaced.has(dot)) this.boxes.observe(element);
        this.unplaced.clear();
      }),
    );
  }

  /**
   * Boxes come from an IntersectionObserver, which the browser fills in with the layout it does for
   * the frame anyway; getBoundingClientRect() here would force one more. One report per request.
   */
  private readonly boxes = new IntersectionObserver((entries) =>
    timed('overlay', () => {
      for (const entry of entries) {
        this.boxes.unobserve(entry.target);
        const dot = this.dots.get(entry.target);
        if (dot) this.position(dot, entry.target.isConnected ? entry.boundingClientRect : null);
      }
    }),
  );

  /** Every dot's box asked for again; the layer's shift starts again from zero. */
  private measureAll(): void {
    this.readAt = { x: scrollX, y: scrollY };
    this.shift = { x: 0, y: 0 };
    this.layer?.style.removeProperty('transform');
    for (const element of this.dots.keys()) {
      this.boxes.unobserve(element);
      this.boxes.observe(element);
    }
  }

  private readonly showDue = () => {
    this.laterTimer = undefined;
    const now = performance.now();
    let next = Infinity;
    for (const [element, due] of this.later) {
      if (due > now) next = Math.min(next, due);
      else if (this.dots.size < MAX_DELAYED_DOTS) this.showWorking(element);
    }
    if (next < Infinity) this.laterTimer = window.setTimeout(this.showDue, next - now);
  };

  doneWorking(element: Element): void {
    this.later.delete(element);
    const dot = this.dots.get(element);
    if (!dot) return;
    // A place among the delayed dots is free: the next one due (if any) may take it.
    if (this.later.size) this.laterTimer ??= window.setTimeout(this.showDue, 0);
    this.dots.delete(element);
    this.boxes.unobserve(element);
    this.unplaced.delete(dot);
    dot.style.display = 'none';
    this.spare.push(dot);
  }
}
