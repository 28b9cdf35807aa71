// Automatic colorizing while it is on for the site: discovery (discovery.ts) reports images, this
// decides which to ask the background about (candidate-rules.ts), runs the detector here for the
// page's own data: and blob: images, and notices the page putting another image where ours was.
// Everything it hangs on the page lives under one Lifetime: stop() ends it all.
import { detectImageKind } from '../detect/index.ts';
import type { Priority } from '../shared/messages.ts';
import { detailOf, skipOfDetection } from '../shared/result.ts';
import { judgeCandidate } from './candidate-rules.ts';
import { Discovery } from './discovery.ts';
import type { Box } from './discovery.ts';
import { isLookable } from './item-lifecycle.ts';
import { pixelSource, shownOf, sourceUrlOf } from './item-registry.ts';
import type { Item, ItemRegistry } from './item-registry.ts';
import { Lifetime } from './lifetime.ts';
import { readThumbnail, whenLoaded } from './pixels.ts';
import type { Presenter } from './presenter.ts';
import type { Slicer } from './slicer.ts';
import { timed } from './timing.ts';

/** After the page has put its own image back this often, stop swapping ours in (no tug of war). */
const MAX_OVERRULED = 3;

/** What automatic colorizing asks of the coordinator. */
export interface AutoHost {
  /** Whether the page shows the originals (nothing new is looked at meanwhile). */
  showingOriginals(): boolean;
  /** An image worth asking about (for the badge's count). */
  candidate(): void;
  /** Asks the background; `detect`: colorized only if it is a black-and-white photo. */
  colorize(item: Item, priority: Priority, detect: boolean): Promise<void>;
  /** Undoes our work for the item (putting the original back if asked). */
  drop(item: Item, putBack: boolean): void;
  /** Something the badge counts may have changed. */
  changed(): void;
}

export class AutoColorizing {
  private readonly lifetime = new Lifetime();
  private readonly discovery: Discovery;

  constructor(
    private readonly items: ItemRegistry,
    private readonly slicer: Slicer,
    private readonly presenter: Presenter,
    private readonly host: AutoHost,
  ) {
    this.discovery = new Discovery(this.lifetime, slicer, {
      found: (element, kind) => this.found(element, kind),
      changed: (element, attribute) => this.onSourceChanged(element, attribute),
      seen: (element, near, box) => this.seen(element, near, box),
      grown: (element, box) => this.grown(element, box),
      waiting: (element) => this.isWaiting(element),
    });
  }

  get running(): boolean {
    return !this.lifetime.ended;
  }

  start(): void {
    this.discovery.start();
  }

  /** Ends discovery: no observer or listener of it keeps running. */
  stop(): void {
    this.lifetime.end();
  }

  /** Looks at the whole page again (the originals were shown, and now are not). */
  rescan(): void {
    if (this.running) this.discovery.rescan();
  }

  private found(element: HTMLElement, kind: Item['kind']): void {
    const item = this.items.register(element, kind);
    // Found again (a rescan, or the site switched back on): a fresh intersection report brings it back.
    if (isLookable(item.state)) this.discovery.watch(element);
  }

  private seen(element: Element, near: boolean, box: Box): void {
    const item = this.items.get(element);
    if (!item) return;
    item.near = near;
    item.box = box;
    if (near && isLookable(item.state)) this.slicer.add(() => this.consider(item));
  }

  private grown(element: Element, box: Box): void {
    const item = this.items.get(element);
    if (!item) return;
    item.box = box;
    if (item.near) this.slicer.add(() => this.consider(item));
  }

  private isWaiting(element: Element): boolean {
    const item = this.items.get(element);
    return item !== undefined && isLookable(item.state);
  }

  private consider(item: Item): void {
    timed('consider', () => this.considerNow(item), item.id);
  }

  private considerNow(item: Item): void {
    if (!isLookable(item.state) || !this.running || this.host.showingOriginals() || !item.element.isConnected || !item.box) return;
    const image = item.kind === 'img' ? (item.element as HTMLImageElement) : null;
    const verdict = judgeCandidate({ kind: item.kind, image, box: item.box, url: () => sourceUrlOf(item), pageOrigin: location.origin });
    switch (verdict.next) {
      case 'wait-load':
        // Lazy or slow images: look again once they have pixels (and their real size).
        this.items.apply(item, { type: 'wait-load' });
        void whenLoaded(image!).then((ok) => {
          if (this.items.apply(item, { type: 'loaded', ok }) && ok && this.running) this.discovery.watch(item.element);
        });
        return;
      case 'wait-size':
        // Left lookable and watched: a box that grows later is looked at again when it does.
        this.discovery.watchSize(item.element);
        return;
      case 'skip':
        return this.items.skip(item, verdict.code, verdict.detail);
      case 'ask': {
        item.sourceUrl = verdict.url;
        this.host.candidate();
        const priority = item.near ? 'visible' : 'background';
        // Web images: the background fetches, decodes and checks them, off this thread.
        if (verdict.web) void this.host.colorize(item, priority, true);
        else void this.detectHere(item, priority);
      }
    }
  }

  /** The page's own data: and blob: images: a thumbnail and the detector here, then the bytes. */
  private async detectHere(item: Item, priority: Priority): Promise<void> {
    const generation = item.generation;
    this.items.apply(item, { type: 'ask', detect: true, manual: false });
    try {
      const image = await pixelSource(item);
      if (generation !== item.generation) return;
      if (!image) return this.items.skip(item, 'unreadable');
      const detection = await this.presenter.sliced(() =>
        timed('detect', () => {
          const thumb = readThumbnail(image);
          return detectImageKind(thumb.data, thumb.width, thumb.height);
        }, item.id),
      );
      if (generation !== item.generation) return;
      const skip = skipOfDetection(detection);
      if (skip) return this.items.skip(item, skip.code, skip.detail);
      await this.host.colorize(item, priority, false); // already asked: now the bytes go
    } catch (error) {
      this.items.skip(item, 'unreadable', detailOf(error));
    }
  }

  private onSourceChanged(element: HTMLElement, attribute: string): void {
    const item = this.items.get(element);
    if (!item || isLookable(item.state) || item.state.name === 'loading') return;
    if ((item.kind === 'img') !== (attribute === 'src' || attribute === 'srcset')) return; // e.g. an img's style
    const shown = shownOf(item);
    if (shown?.expected !== undefined && this.presenter.isOurs(element, shown)) return; // our own change
    if (item.kind === 'background' && !shown && sourceUrlOf(item) === item.sourceUrl) return;
    // The page put a different image there: ours no longer applies, and its new source is the original.
    if (shown) item.overruled += 1;
    this.host.drop(item, false);
    if (item.overruled >= MAX_OVERRULED) this.items.skip(item, 'page-replaces');
    else this.discovery.watch(item.element);
    this.host.changed();
  }
}
