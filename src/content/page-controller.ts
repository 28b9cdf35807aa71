// The content script's brain: decides which found elements to look at (near the viewport, big
// enough, loaded), asks the detector, has the background colorize, swaps the result in, and keeps
// every original so it can always be put back. Nothing here may throw into the page.
import { detectImageKind } from '../detect/index.ts';
import type { ColorizedImage, ColorizeResponse, ImageSource, Priority } from '../shared/messages.ts';
import { failed, worthRetryWithPageBytes } from '../shared/result.ts';
import { MAX_SOURCE_PIXELS } from '../shared/limits.ts';
import { requestPort } from '../shared/messaging.ts';
import { isBigEnough, looksVector, routeFor, singleBackgroundUrl } from './candidate-rules.ts';
import { MenuTarget } from './menu-target.ts';
import { Overlay } from './overlay.ts';
import { loadDetached, readPngBase64, readThumbnail, whenLoaded } from './pixels.ts';
import { Scanner } from './scanner.ts';
import { browserSlicerHost, Slicer } from './slicer.ts';
import { blockedForm, DATA_URL_MAX_CHARS, dataFirst, formsFor, prepareForm, ResultBytes, urlFor } from './result-forms.ts';
import type { Prepared, ResultForm } from './result-forms.ts';
import { browserBatchClock, SwapBatch } from './swap-batch.ts';
import { captureOriginal, dropCanvas, showCanvas, showColorized, showOriginal } from './swap.ts';
import type { Original } from './swap.ts';
import { measureSince, timed } from './timing.ts';

type State = 'new' | 'waiting' | 'checking' | 'skipped' | 'working' | 'colorized' | 'failed';

interface Item {
  /** A number for the timing marks (timing.ts). */
  id: number;
  element: HTMLElement;
  kind: 'img' | 'background';
  state: State;
  visible: boolean;
  /** The element's box as the intersection or resize observer last reported it (no layout of our own). */
  box?: { width: number; height: number };
  /** Bumped when the page changes the element's source: late results for the old one are dropped. */
  generation: number;
  manual: boolean;
  reason?: string;
  sourceUrl?: string;
  colorUrl?: string;
  /** How the result is shown (data: or blob: URL, or a canvas), and its bytes for another form. */
  form?: ResultForm;
  color?: ResultBytes;
  colorWidth?: number;
  sourceWidth?: number;
  original?: Original;
  showingOriginal: boolean;
  /** What we last wrote, to tell our own attribute changes from the page's. */
  expected?: Fingerprint;
  /** The colorize in flight, so a menu click during automatic work waits for it instead of racing. */
  pending?: Promise<void>;
  /** Times the page replaced our result: a page that keeps doing it is left alone. */
  overruled: number;
}

/** Start looking at images this far outside the viewport, so they are ready when scrolled to. */
const ROOT_MARGIN = '600px 300px';
/** Sources narrower than this can't be photos (the display box may still be large: upscaled). */
const MIN_NATURAL_SIDE = 32;
/** After the page has put its own image back this often, stop swapping ours in (no tug of war). */
const MAX_OVERRULED = 3;
/**
 * Automatic work shows its dot only when it takes longer than this: most images are either
 * answered "not a black-and-white photo" by the background's detector or colorized within it, and
 * a dot flashing on a colour photo would say something that is not happening.
 */
const AUTO_DOT_DELAY_MS = 400;

/**
 * What an element's source attributes were when we last wrote them, to tell our own changes from
 * the page's. Kept apart, not joined: a data: URL is ~100 KB, and a joined copy per mutation costs.
 */
type Fingerprint = readonly (string | null)[];

function sameFingerprint(a: Fingerprint, b: Fingerprint | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);
}

export class PageController {
  private readonly items = new WeakMap<Element, Item>();
  private readonly colorized = new Set<Item>();
  private readonly slicer = new Slicer({ ...browserSlicerHost(), onError: (error) => this.log(error) });
  private readonly scanner = new Scanner(this.slicer, {
    found: (element, kind) => this.register(element, kind),
    changed: (element, attribute) => this.onSourceChanged(element, attribute),
  });
  private readonly overlay = new Overlay((element) => this.toggleItem(element));
  private readonly menuTarget = new MenuTarget(
    (element) => this.showsColorized(element),
    (showsColorized) => void this.port.request({ type: 'menu-target', showsColorized }).catch(() => undefined),
  );
  /** Requests to the background (one per candidate, and status): over a port, far cheaper per message than sendMessage. */
  private readonly port = requestPort();
  /** Results shown together under load (swap-batch.ts). */
  private readonly swaps = new SwapBatch(browserBatchClock());
  /** Boxes too small when looked at, watched for growing (resized). */
  private readonly resizes = new ResizeObserver((entries) => timed('intersect', () => this.resized(entries)));
  private readonly io = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: ROOT_MARGIN });
  private auto = false;
  private scanning = false;
  private lastReport = '';
  private showingOriginals = false;
  private candidates = 0;
  private working = 0;
  private reportTimer: number | undefined;
  private lastContextTarget: Element | null = null;
  /** Result forms this page's CSP refused (for loads the page started itself). */
  private readonly blockedForms = new Set<ResultForm>();
  private lastId = 0;
  /** The page's origin, read once (a getter into the page's world each time otherwise). */
  private readonly origin = location.origin;
  hoverControl = true;

  /** Listeners only: the DOM is scanned and observed once auto-colorize is on for the site. */
  start(): void {
    this.lastReport = JSON.stringify(this.status()); // nothing done yet: nothing to report
    document.addEventListener('mouseover', this.onMouseOver, { capture: true, passive: true });
    document.addEventListener('mouseout', this.onMouseOut, { capture: true, passive: true });
    this.menuTarget.start();
    document.addEventListener('error', this.onLoadError, { capture: true, passive: true });
    document.addEventListener('securitypolicyviolation', this.onViolation, { passive: true });
    document.addEventListener('contextmenu', (event) => (this.lastContextTarget = event.target as Element), {
      capture: true,
      passive: true,
    });
  }

  setAuto(on: boolean): void {
    if (on === this.auto) return;
    this.auto = on;
    if (on) {
      if (!this.scanning) this.scanner.start();
      else this.scanner.scan(document.documentElement);
      this.scanning = true;
    }
    else {
      // Turned off for this site: put back what we did on our own; what the user asked for stays.
      for (const item of [...this.colorized]) if (!item.manual) this.reset(item, true);
      this.report();
    }
  }

  setShowOriginals(show: boolean): void {
    this.showingOriginals = show;
    for (const item of this.colorized) this.display(item, show);
    if (!show && this.auto) this.scanner.scan(document.documentElement);
    this.report();
  }

  status() {
    return {
      type: 'page-status' as const,
      colorized: this.colorized.size,
      working: this.working,
      candidates: this.candidates,
      showingOriginals: this.showingOriginals,
    };
  }

  async menuColorize(srcUrl: string): Promise<{ ok: boolean; error?: string }> {
    const item = this.findBySrc(srcUrl);
    if (!item) return { ok: false, error: 'image not found on this page' };
    if (item.colorUrl) {
      this.display(item, false);
      return { ok: true };
    }
    item.manual = true;
    if (item.kind === 'img' && !(await whenLoaded(item.element as HTMLImageElement))) {
      return { ok: false, error: 'image did not load' };
    }
    await item.pending; // automatic work under way (it may skip what the user now asks for)
    if (!item.colorUrl) await this.colorize(item, 'user');
    if (item.colorUrl) this.display(item, false);
    return item.colorUrl ? { ok: true } : { ok: false, error: item.reason ?? 'not colorized' };
  }

  menuShowOriginal(srcUrl: string): { ok: boolean; error?: string } {
    const item = this.findBySrc(srcUrl);
    if (!item?.colorUrl) return { ok: false, error: 'no colorized image there' };
    this.display(item, true);
    return { ok: true };
  }

  // ---- finding and choosing

  private register(element: HTMLElement, kind: Item['kind']): Item {
    let item = this.items.get(element);
    if (!item) {
      item = { id: ++this.lastId, element, kind, state: 'new', visible: false, generation: 0, manual: false, showingOriginal: false, overruled: 0 };
      this.items.set(element, item);
      this.io.observe(element);
    } else if (item.state === 'new') {
      // Found again (a rescan after the site was switched back on): re-observing makes the
      // observer report its current intersection again.
      this.io.unobserve(element);
      this.io.observe(element);
    }
    return item;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    timed('intersect', () => this.intersected(entries));
  }

  private intersected(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const item = this.items.get(entry.target);
      if (!item) continue;
      item.visible = entry.isIntersecting;
      item.box = { width: entry.boundingClientRect.width, height: entry.boundingClientRect.height };
      if (item.visible && item.state === 'new') this.slicer.add(() => this.consider(item));
    }
  }

  private resized(entries: ResizeObserverEntry[]): void {
    for (const entry of entries) {
      const item = this.items.get(entry.target);
      const size = entry.borderBoxSize?.[0];
      if (!item || !size) continue;
      // Inline and block size: width and height in either order, which isBigEnough doesn't mind.
      item.box = { width: size.inlineSize, height: size.blockSize };
      if (item.state !== 'new') this.resizes.unobserve(entry.target);
      else if (item.visible && isBigEnough(size.inlineSize, size.blockSize)) {
        this.resizes.unobserve(entry.target);
        this.slicer.add(() => this.consider(item));
      }
    }
  }

  private consider(item: Item): void {
    timed('consider', () => this.considerNow(item), item.id);
  }

  private considerNow(item: Item): void {
    if (item.state !== 'new' || !this.auto || this.showingOriginals || !item.element.isConnected || !item.box) return;
    if (item.kind === 'img') {
      const image = item.element as HTMLImageElement;
      if (!image.complete) {
        // Lazy or slow images: look again once they have pixels (and their real size).
        item.state = 'waiting';
        void whenLoaded(image).then((ok) => {
          item.state = ok ? 'new' : 'failed';
          if (ok) this.observeAgain(item);
        });
        return;
      }
      if (Math.min(image.naturalWidth, image.naturalHeight) < MIN_NATURAL_SIDE) return this.skip(item, 'tiny source');
      if (image.naturalWidth * image.naturalHeight > MAX_SOURCE_PIXELS) return this.skip(item, 'too large');
    }
    if (!isBigEnough(item.box.width, item.box.height)) {
      // Left 'new' and watched: a box that grows later (an image loading, layout settling, a
      // carousel) is looked at again when it does.
      this.resizes.observe(item.element);
      return;
    }
    const url = this.sourceUrlOf(item);
    if (!url || looksVector(url) || routeFor(url, this.origin) === 'skip') return this.skip(item, 'not a raster image');
    item.state = 'checking';
    item.sourceUrl = url;
    this.candidates += 1;
    void this.detectAndColorize(item).catch((error) => this.fail(item, error));
  }

  /** A fresh intersection report (with the element's current box) brings the item back to consider(). */
  private observeAgain(item: Item): void {
    this.io.unobserve(item.element);
    this.io.observe(item.element);
  }

  private async detectAndColorize(item: Item): Promise<void> {
    const priority = item.visible ? 'visible' : 'background';
    // Web images: the background fetches, decodes and checks them, off this thread.
    if (/^https?:/.test(item.sourceUrl!)) return this.colorize(item, priority, true);
    // The page's own data: and blob: images: a thumbnail and the detector here, then the bytes.
    const generation = item.generation;
    const image = await this.pixelSource(item);
    if (generation !== item.generation) return;
    if (!image) return this.skip(item, 'unreadable');
    const detection = await this.sliced(() =>
      timed('detect', () => {
        const thumb = readThumbnail(image);
        return detectImageKind(thumb.data, thumb.width, thumb.height);
      }, item.id),
    );
    if (generation !== item.generation) return;
    if (detection.kind !== 'grayscale' && detection.kind !== 'toned') return this.skip(item, `${detection.kind}: ${detection.reason}`);
    await this.colorize(item, priority, false);
  }

  /** Runs main-thread work as one of the slicer's tasks (within its per-frame budget). */
  private sliced<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.slicer.add(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      }),
    );
  }

  private sourceUrlOf(item: Item): string | null {
    if (item.kind === 'img') {
      const image = item.element as HTMLImageElement;
      return image.currentSrc || image.src || null;
    }
    return singleBackgroundUrl(getComputedStyle(item.element).backgroundImage);
  }

  private async pixelSource(item: Item): Promise<HTMLImageElement | null> {
    if (item.kind === 'img') return item.element as HTMLImageElement;
    return item.sourceUrl ? loadDetached(item.sourceUrl) : null;
  }

  // ---- colorizing and swapping

  /** `detect`: automatic work, which the background colorizes only if it is a black-and-white photo. */
  private colorize(item: Item, priority: Priority, detect = false): Promise<void> {
    item.pending ??= this.runColorize(item, priority, detect).finally(() => (item.pending = undefined));
    return item.pending;
  }

  private async runColorize(item: Item, priority: Priority, detect: boolean): Promise<void> {
    const generation = item.generation;
    const start = performance.now();
    item.state = 'working';
    item.sourceUrl ??= this.sourceUrlOf(item) ?? undefined;
    this.working += 1;
    this.overlay.showWorking(item.element, detect ? AUTO_DOT_DELAY_MS : 0);
    this.report();
    try {
      const url = item.sourceUrl;
      if (!url) throw new Error('no source');
      const sent = this.request(item, url, priority, false, detect);
      measureSince('send', start, item.id);
      let response = await sent;
      // The background fetches without the user's cookies; a same-origin image may need them.
      if (worthRetryWithPageBytes(response) && routeFor(url, this.origin) === 'direct' && /^https?:/.test(url)) {
        response = await this.request(item, url, priority, true, detect);
      }
      if (this.unwanted(item, generation)) return;
      if (response.outcome === 'skipped') return this.skip(item, response.detail);
      if (response.outcome === 'failed') return this.fail(item, response.detail);
      const shown = await this.install(item, response);
      if (!shown) return this.fail(item, 'result could not be shown');
    } catch (error) {
      this.fail(item, error);
    } finally {
      const end = performance.now();
      this.working -= 1;
      this.overlay.doneWorking(item.element);
      this.report();
      measureSince('finish', end, item.id);
    }
  }

  /** Whether a result that took a while is still wanted: not if the page moved on, or the site was switched off. */
  private unwanted(item: Item, generation: number): boolean {
    if (generation !== item.generation || !item.element.isConnected) return true; // page moved on
    if (item.manual || this.auto) return false;
    item.state = 'new'; // switched off for this site meanwhile: look again if it is switched on
    return true;
  }

  private async request(item: Item, url: string, priority: Priority, readHere: boolean, detect: boolean): Promise<ColorizeResponse> {
    let source: ImageSource = { kind: 'url', url };
    if (readHere || !/^https?:/.test(url)) {
      const image = await this.pixelSource(item);
      if (!image) return failed('unreachable', 'image did not load');
      source = { kind: 'bytes', url: url.startsWith('data:') ? 'data:' : url, base64: await readPngBase64(image), mime: 'image/png' };
    }
    return this.port.request({ type: 'colorize', source, priority, detect });
  }

  /** Shows the result in the first form that decodes and the page has not refused (result-forms.ts). */
  private async install(item: Item, result: ColorizedImage): Promise<boolean> {
    if (item.colorUrl) return true; // already in place: capturing "the original" now would capture ours
    const color = new ResultBytes(result.base64, result.mime);
    const generation = item.generation;
    for (const form of formsFor(item.kind, this.blockedForms, dataFirst(result.base64.length, navigator.userAgent))) {
      if (form !== 'canvas') {
        // A large result's bytes (megabytes of base64 decoded and copied into a Blob: several ms)
        // are made in a slice of their own, so no one task holds both that and the swap.
        if (form === 'blob' && result.base64.length > DATA_URL_MAX_CHARS) await this.sliced(() => timed('swap', () => color.blob, item.id));
        // A URL: made and shown in one task, one measure; under load together with the results
        // arriving just after it (swap-batch.ts), by when the page may have moved on.
        return this.swaps.run(() =>
          timed('swap', () => {
            if (this.unwanted(item, generation) || item.colorUrl) return true;
            this.swapIn(item, form, { url: urlFor(form, color) }, color, result);
            return true;
          }, item.id),
        );
      }
      // A canvas, drawn from the decoded result: measured apart from the await.
      const start = performance.now();
      const ready = prepareForm(form, color, this.altOf(item));
      measureSince('swap', start, item.id);
      const prepared = await ready;
      if (!prepared) continue;
      timed('swap', () => this.swapIn(item, form, prepared, color, result), item.id);
      return true;
    }
    return false;
  }

  private swapIn(item: Item, form: ResultForm, prepared: Prepared, color: ResultBytes, result: ColorizedImage): void {
    item.colorUrl = prepared.url;
    item.form = form;
    item.color = color;
    item.colorWidth = result.width;
    item.sourceWidth = result.sourceWidth;
    item.original = captureOriginal(item.element);
    item.original.canvas = prepared.canvas;
    item.state = 'colorized';
    this.colorized.add(item);
    this.display(item, this.showingOriginals && !item.manual);
  }

  private display(item: Item, original: boolean): void {
    if (!item.colorUrl || !item.original) return;
    if (original) showOriginal(item.element, item.original);
    else if (item.form === 'canvas') {
      showCanvas(item.element as HTMLImageElement, item.original);
      this.items.set(item.original.canvas!, item); // for the hover switch
    }
    else showColorized(item.element, item.colorUrl, item.colorWidth ?? 0, item.sourceWidth ?? 0);
    item.showingOriginal = original;
    item.expected = this.fingerprint(item.element);
    this.menuTarget.changed(item.element);
  }

  /** An <img> showing our result by URL (the only kind a right-click offers image entries on). */
  private showsColorized(element: Element): boolean {
    const item = this.items.get(element);
    return Boolean(item?.colorUrl && !item.showingOriginal && item.element === element);
  }

  /** The element on screen for an item: its canvas while one stands in for it. */
  private shownElement(item: Item): Element {
    return (item.original?.hidden && item.original.canvas) || item.element;
  }

  private toggleItem(element: Element): void {
    const item = this.items.get(element);
    if (!item?.colorUrl) return;
    this.display(item, !item.showingOriginal);
    this.overlay.showControl(this.shownElement(item), item.showingOriginal);
  }

  /** Drops our result for an item (putting the original back if asked) so it is looked at afresh. */
  private reset(item: Item, restore: boolean): void {
    if (restore && item.original) showOriginal(item.element, item.original);
    else if (item.original) dropCanvas(item.element, item.original);
    if (item.colorUrl?.startsWith('blob:')) URL.revokeObjectURL(item.colorUrl);
    this.colorized.delete(item);
    item.colorUrl = item.original = item.expected = item.sourceUrl = item.form = item.color = undefined;
    item.showingOriginal = false;
    item.manual = false;
    item.state = 'new';
    item.generation += 1;
    this.menuTarget.changed(item.element);
  }

  // ---- a page that refuses our result's form

  /** An <img> of ours failed to load: the page (not us) loaded it again, and its CSP said no. */
  private readonly onLoadError = (event: Event) => {
    const item = this.items.get(event.target as Element);
    if (!item?.form || item.form === 'canvas' || item.showingOriginal) return;
    if (!sameFingerprint(this.fingerprint(item.element), item.expected)) return; // no longer ours: the page's own image failed
    void this.fallBack(item, item.form);
  };

  /** CSS backgrounds have no error event; a violation names the scheme (for every form, later results skip it). */
  private readonly onViolation = (event: SecurityPolicyViolationEvent) => {
    const form = blockedForm(event.blockedURI, event.effectiveDirective);
    if (!form) return;
    this.blockedForms.add(form);
    for (const item of this.colorized) {
      if (item.kind === 'background' && item.form === form && !item.showingOriginal) void this.fallBack(item, form);
    }
  };

  /** Shows the result in the next form the page allows; where none is left, the original again. */
  private async fallBack(item: Item, failed: ResultForm): Promise<void> {
    this.blockedForms.add(failed);
    const { generation, color, original } = item;
    if (item.form !== failed || !color || !original) return;
    item.form = undefined; // one fall-back at a time
    for (const form of formsFor(item.kind, this.blockedForms, dataFirst(color.base64.length, navigator.userAgent))) {
      const prepared = await prepareForm(form, color, this.altOf(item));
      if (!prepared) continue;
      if (generation !== item.generation) {
        if (prepared.url.startsWith('blob:')) URL.revokeObjectURL(prepared.url);
        return;
      }
      if (item.colorUrl?.startsWith('blob:')) URL.revokeObjectURL(item.colorUrl);
      Object.assign(item, { colorUrl: prepared.url, form });
      original.canvas = prepared.canvas;
      if (form === 'canvas') {
        // The canvas takes the box the page lays out for its own image (ours, broken, has another).
        showOriginal(item.element, original);
        await (item.element as HTMLImageElement).decode().catch(() => undefined);
        if (generation !== item.generation) return;
      }
      this.display(item, item.showingOriginal);
      return;
    }
    if (generation !== item.generation) return;
    this.reset(item, true);
    this.skip(item, 'the page refuses every form of the result');
    this.report();
  }

  private altOf(item: Item): string {
    return item.element.getAttribute('alt') ?? item.element.getAttribute('aria-label') ?? '';
  }

  private fingerprint(element: HTMLElement): Fingerprint {
    if (element instanceof HTMLImageElement) return [element.getAttribute('src'), element.getAttribute('srcset')];
    return [element.style.getPropertyValue('background-image')];
  }

  private onSourceChanged(element: HTMLElement, attribute: string): void {
    const item = this.items.get(element);
    if (!item || item.state === 'new' || item.state === 'waiting') return;
    if ((item.kind === 'img') !== (attribute === 'src' || attribute === 'srcset')) return; // e.g. an img's style
    if (item.expected !== undefined && sameFingerprint(this.fingerprint(element), item.expected)) return; // our own change
    if (item.kind === 'background' && !item.colorUrl && this.sourceUrlOf(item) === item.sourceUrl) return;
    // The page put a different image there: ours no longer applies, and its new source is the original.
    if (item.colorUrl) item.overruled += 1;
    this.reset(item, false);
    if (item.overruled >= MAX_OVERRULED) this.skip(item, 'the page keeps replacing it');
    else this.observeAgain(item);
    this.report();
  }

  private findBySrc(srcUrl: string): Item | undefined {
    const matches = (element: Element | null): element is HTMLElement => {
      if (!(element instanceof HTMLElement)) return false;
      const item = this.items.get(element);
      if (item?.colorUrl === srcUrl || item?.sourceUrl === srcUrl) return true;
      return element instanceof HTMLImageElement && (element.currentSrc === srcUrl || element.src === srcUrl);
    };
    const element = matches(this.lastContextTarget)
      ? this.lastContextTarget
      : Array.from(document.images).find((image) => matches(image));
    if (!element) return undefined;
    return this.items.get(element) ?? this.register(element, element instanceof HTMLImageElement ? 'img' : 'background');
  }

  // ---- hover control

  private readonly onMouseOver = (event: MouseEvent) => {
    if (!this.hoverControl) return;
    const item = this.items.get(event.target as Element);
    if (item?.colorUrl) this.overlay.showControl(this.shownElement(item), item.showingOriginal);
  };

  private readonly onMouseOut = (event: MouseEvent) => {
    if (this.overlay.controlTarget() === event.target) this.overlay.scheduleHide();
  };

  // ---- bookkeeping

  private skip(item: Item, reason: string): void {
    item.state = 'skipped';
    item.reason = reason;
  }

  private fail(item: Item, error: unknown): void {
    item.state = 'failed';
    item.reason = error instanceof Error ? error.message : String(error);
  }

  /** Tells the background the page's counts, at most every 150 ms (a timer per change would cost more). */
  private report(): void {
    if (this.reportTimer !== undefined) return;
    this.reportTimer = window.setTimeout(() => {
      this.reportTimer = undefined;
      // Every message wakes the worker: say nothing until there is something new to say.
      const status = this.status();
      const text = JSON.stringify(status);
      if (text === this.lastReport) return;
      this.lastReport = text;
      this.port.request(status).catch(() => undefined);
    }, 150);
  }

  private log(error: unknown): void {
    console.debug('[recolor]', error);
  }
}

