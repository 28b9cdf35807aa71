// Finds candidate elements: <img> (including lazy and <picture> ones), and elements with a CSS
// background photo, in the document now and as the page adds them. Reports each element once to
// `found`, and source changes made by the page (not by us) to `changed`. Walking the DOM for
// background images is sliced so that a huge page is scanned over several frames.
import { isBigEnough, singleBackgroundUrl } from './candidate-rules.ts';
import type { Lifetime } from './lifetime.ts';
import { isOwn } from './own-nodes.ts';
import type { Slicer } from './slicer.ts';
import { timed } from './timing.ts';

/** Past this many mutation records in one callback a full rescan is cheaper than going one by one. */
const MUTATION_BURST = 1000;
/** Elements checked for a background image per slice task. */
const WALK_CHUNK = 200;

export interface ScannerEvents {
  found(element: HTMLElement, kind: 'img' | 'background'): void;
  changed(element: HTMLElement, attribute: string): void;
}

/** Scans the document and watches it for as long as `lifetime` lasts (its end stops the observer and any walk under way). */
export class Scanner {
  constructor(
    private readonly lifetime: Lifetime,
    private readonly slicer: Slicer,
    private readonly events: ScannerEvents,
  ) {}

  start(): void {
    this.scan(document.documentElement);
    const observer = this.lifetime.hold(new MutationObserver((records) => timed('mutations', () => this.onMutations(records))));
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src', 'srcset', 'style'],
    });
  }

  /** Everything under root: images at once (cheap), background images in slices. */
  scan(root: Element): void {
    timed('scan', () => this.scanNow(root));
  }

  private scanNow(root: Element): void {
    if (root instanceof HTMLImageElement) this.events.found(root, 'img');
    for (const image of Array.from(root.getElementsByTagName('img'))) this.events.found(image, 'img');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    const walk = () => {
      if (this.lifetime.ended) return;
      for (let i = 0; i < WALK_CHUNK; i++) {
        const node = walker.nextNode();
        if (!node) return;
        this.checkBackground(node as Element);
      }
      this.slicer.add(step);
    };
    const step = () => timed('scan', walk);
    if (root instanceof HTMLElement) this.slicer.add(() => timed('scan', () => this.checkBackground(root)));
    this.slicer.add(step);
  }

  private checkBackground(element: Element): void {
    if (this.lifetime.ended) return;
    if (!(element instanceof HTMLElement) || element instanceof HTMLImageElement) return;
    if (!element.isConnected || !isBigEnough(element.offsetWidth, element.offsetHeight)) return;
    if (singleBackgroundUrl(getComputedStyle(element).backgroundImage)) this.events.found(element, 'background');
  }

  private onMutations(records: MutationRecord[]): void {
    if (records.length > MUTATION_BURST) {
      this.scanNow(document.documentElement);
      return;
    }
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of Array.from(record.addedNodes)) {
          if (node instanceof Element && !isOwn(node)) this.scanNow(node);
        }
      } else if (record.target instanceof HTMLElement) {
        const target = record.target;
        this.events.changed(target, record.attributeName ?? '');
        // An inline style may have just given this element a background photo.
        if (record.attributeName === 'style') this.slicer.add(() => timed('scan', () => this.checkBackground(target)));
      }
    }
  }
}
