// The content script's coordinator: keeps each image's lifecycle state (item-lifecycle.ts) and
// wires the parts: discovery finds images near the viewport (only while automatic colorizing is on
// for the site), the client asks the background, the presenter puts results on screen and back,
// the pointer drives the hover switch and the menu's entries. Nothing here may throw into the page.
import { detectImageKind } from '../detect/index.ts';
import type { ColorizedImage, PageStatusReport, Priority } from '../shared/messages.ts';
import { requestPort } from '../shared/messaging.ts';
import { detailOf, isColorizable } from '../shared/result.ts';
import type { FailCode, SkipCode } from '../shared/result.ts';
import { judgeCandidate, pageMayRead, routeFor, singleBackgroundUrl } from './candidate-rules.ts';
import { ColorizeClient } from './colorize-client.ts';
import { Discovery } from './discovery.ts';
import { openEditor } from './editor/open.ts';
import type { Box } from './discovery.ts';
import { isLookable, next } from './item-lifecycle.ts';
import type { ItemEvent, ItemState } from './item-lifecycle.ts';
import { Lifetime } from './lifetime.ts';
import { Overlay } from './overlay.ts';
import { loadDetached, readThumbnail, whenLoaded } from './pixels.ts';
import { PageStatus } from './page-status.ts';
import { Pointer } from './pointer.ts';
import { Presenter } from './presenter.ts';
import type { Shown } from './presenter.ts';
import { blockedForm, standsIn } from './result-forms.ts';
import type { ResultForm } from './result-forms.ts';
import { browserSlicerHost, Slicer } from './slicer.ts';
import { measureSince, timed } from './timing.ts';

interface Item {
  /** A number for the timing measures (timing.ts). */
  id: number;
  element: HTMLElement;
  kind: 'img' | 'background';
  state: ItemState<Shown>;
  /** Near the viewport, as the intersection observer last said. */
  near: boolean;
  /** The element's box as the observers last reported it (no layout of our own). */
  box?: Box;
  /** Bumped when our work for it is undone: late results for the old one are dropped. */
  generation: number;
  /** The user asked for it (the menu): switching the site off leaves it colorized. */
  manual: boolean;
  sourceUrl?: string;
  /** The colorize in flight, so a menu click during automatic work waits for it instead of racing. */
  pending?: Promise<void>;
  /** A form change under way after the page refused one (one at a time). */
  fallingBack?: boolean;
  /** Times the page replaced our result: a page that keeps doing it is left alone. */
  overruled: number;
}

/** After the page has put its own image back this often, stop swapping ours in (no tug of war). */
const MAX_OVERRULED = 3;
/**
 * Automatic work shows its dot only when it takes longer than this: most images are either
 * answered "not a black-and-white photo" by the background's detector or colorized within it, and
 * a dot flashing on a colour photo would say something that is not happening.
 */
const AUTO_DOT_DELAY_MS = 400;

/** What exists while we have anything on the page: the dots and switch, the pointer's listeners, the CSP watch. */
interface Presence {
  lifetime: Lifetime;
  overlay: Overlay;
  pointer: Pointer;
}

const shownOf = (item: Item | undefined): Shown | undefined => (item?.state.name === 'colorized' ? item.state.shown : undefined);

export class PageController {
  private readonly items = new WeakMap<Element, Item>();
  /** Items in the colorized state. */
  private readonly colorized = new Set<Item>();
  private readonly slicer = new Slicer({ ...browserSlicerHost(), onError: (error) => console.debug('[recolor]', error) });
  /** Requests to the background (one per candidate, and status): over a port, far cheaper per message than sendMessage. */
  private readonly port = requestPort();
  private readonly client = new ColorizeClient(this.port, location.origin);
  private readonly presenter = new Presenter(this.slicer);
  /** Finding images: only while automatic colorizing is on for the site. */
  private discovery: { lifetime: Lifetime; discovery: Discovery } | undefined;
  private presence: Presence | undefined;
  /** The page's counts, for the toolbar badge (page-status.ts). */
  private readonly counts = new PageStatus(
    () => this.colorized.size,
    (report) => void this.port.request(report).catch(() => undefined),
  );
  private lastId = 0;
  hoverControl = true;

  private get showingOriginals(): boolean {
    return this.counts.showingOriginals;
  }

  get auto(): boolean {
    return this.discovery !== undefined;
  }

  setAuto(on: boolean): void {
    if (on === this.auto) return;
    if (on) {
      const lifetime = new Lifetime();
      const discovery = new Discovery(lifetime, this.slicer, {
        found: (element, kind) => this.found(element, kind),
        changed: (element, attribute) => this.onSourceChanged(element, attribute),
        seen: (element, near, box) => this.seen(element, near, box),
        grown: (element, box) => this.grown(element, box),
        waiting: (element) => this.isWaiting(element),
      });
      this.discovery = { lifetime, discovery };
      this.present();
      discovery.start();
      return;
    }
    // Switched off for this site: discovery ends; what we did on our own is put back, what the
    // user asked for stays.
    this.discovery?.lifetime.end();
    this.discovery = undefined;
    for (const item of [...this.colorized]) if (!item.manual) this.drop(item, true);
    this.leaveIfIdle();
    this.counts.changed();
  }

  setShowOriginals(show: boolean): void {
    this.counts.showingOriginals = show;
    for (const item of this.colorized) this.display(item, show);
    if (!show) this.discovery?.discovery.rescan();
    this.counts.changed();
  }

  status(): PageStatusReport {
    return this.counts.now();
  }

  async menuColorize(srcUrl: string): Promise<{ ok: boolean; error?: string }> {
    const item = this.findBySrc(srcUrl);
    if (!item) return { ok: false, error: 'image not found on this page' };
    if (shownOf(item)) {
      this.display(item, false);
      return { ok: true };
    }
    item.manual = true;
    if (item.kind === 'img' && !(await whenLoaded(item.element as HTMLImageElement))) {
      return { ok: false, error: 'image did not load' };
    }
    await item.pending; // automatic work under way (it may skip what the user now asks for)
    if (!shownOf(item)) await this.colorize(item, 'user', false);
    if (shownOf(item)) this.display(item, false);
    const state = item.state;
    return state.name === 'colorized' ? { ok: true } : { ok: false, error: 'detail' in state ? state.detail : 'not colorized' };
  }

  /** "Edit colors…" (menu or hover control): the colour editor on the image, colorized first if it is not yet. */
  async editColors(srcUrl: string): Promise<{ ok: boolean; error?: string }> {
    const item = this.findBySrc(srcUrl);
    if (!item) return { ok: false, error: 'image not found on this page' };
    if (!shownOf(item)) {
      const done = await this.menuColorize(srcUrl);
      if (!done.ok) return done;
    }
    return this.editItem(item);
  }

  private async editItem(item: Item): Promise<{ ok: boolean; error?: string }> {
    const url = item.sourceUrl;
    if (!url) return { ok: false, error: 'no source' };
    return openEditor({ client: this.client, url, pixels: () => this.pixelSource(item), apply: (result) => this.applyEdit(item, result) });
  }

  /** The editor's result in place of the item's current one (no box moves; "Show original" still flips). */
  private async applyEdit(item: Item, result: ColorizedImage): Promise<boolean> {
    const shown = shownOf(item);
    if (!shown || !item.sourceUrl) return false;
    const generation = item.generation;
    const next = await this.presenter.replace(item, shown, result, this.pageMayReadSource(item, item.sourceUrl), () => generation === item.generation && item.state.name === 'colorized', (made) => {
      this.apply(item, { type: 'shown', shown: made, showingOriginal: false });
      this.displayed(item);
    });
    return next !== null && next !== 'unwanted';
  }

  menuShowOriginal(srcUrl: string): { ok: boolean; error?: string } {
    const item = this.findBySrc(srcUrl);
    if (!shownOf(item)) return { ok: false, error: 'no colorized image there' };
    this.display(item!, true);
    return { ok: true };
  }

  // ---- the lifecycle

  /** Applies a lifecycle event; false where it does not apply in the item's state (nothing changes). */
  private apply(item: Item, event: ItemEvent<Shown>): boolean {
    const state = next(item.state, event);
    if (!state) return false;
    item.state = state;
    if (state.name === 'colorized') this.colorized.add(item);
    else this.colorized.delete(item);
    return true;
  }

  private skip(item: Item, code: SkipCode, detail = ''): void {
    this.apply(item, { type: 'skip', code, detail });
  }

  private fail(item: Item, code: FailCode, detail = ''): void {
    this.apply(item, { type: 'fail', code, detail });
  }

  // ---- finding and choosing (discovery's events)

  private register(element: HTMLElement, kind: Item['kind']): Item {
    let item = this.items.get(element);
    if (!item) {
      item = { id: ++this.lastId, element, kind, state: { name: 'found' }, near: false, generation: 0, manual: false, overruled: 0 };
      this.items.set(element, item);
    }
    return item;
  }

  private found(element: HTMLElement, kind: Item['kind']): void {
    const item = this.register(element, kind);
    // Found again (a rescan, or the site switched back on): a fresh intersection report brings it back.
    if (isLookable(item.state)) this.discovery?.discovery.watch(element);
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
    if (!isLookable(item.state) || !this.auto || this.showingOriginals || !item.element.isConnected || !item.box) return;
    const image = item.kind === 'img' ? (item.element as HTMLImageElement) : null;
    const verdict = judgeCandidate({ kind: item.kind, image, box: item.box, url: () => this.sourceUrlOf(item), pageOrigin: location.origin });
    switch (verdict.next) {
      case 'wait-load':
        // Lazy or slow images: look again once they have pixels (and their real size).
        this.apply(item, { type: 'wait-load' });
        void whenLoaded(image!).then((ok) => {
          if (this.apply(item, { type: 'loaded', ok }) && ok) this.discovery?.discovery.watch(item.element);
        });
        return;
      case 'wait-size':
        // Left lookable and watched: a box that grows later is looked at again when it does.
        this.discovery?.discovery.watchSize(item.element);
        return;
      case 'skip':
        return this.skip(item, verdict.code, verdict.detail);
      case 'ask': {
        item.sourceUrl = verdict.url;
        this.counts.candidate();
        const priority = item.near ? 'visible' : 'background';
        // Web images: the background fetches, decodes and checks them, off this thread.
        if (verdict.web) void this.colorize(item, priority, true);
        else void this.detectHere(item, priority);
      }
    }
  }

  /** The page's own data: and blob: images: a thumbnail and the detector here, then the bytes. */
  private async detectHere(item: Item, priority: Priority): Promise<void> {
    const generation = item.generation;
    this.apply(item, { type: 'ask', detect: true, manual: false });
    try {
      const image = await this.pixelSource(item);
      if (generation !== item.generation) return;
      if (!image) return this.skip(item, 'unreadable');
      const detection = await this.presenter.sliced(() =>
        timed('detect', () => {
          const thumb = readThumbnail(image);
          return detectImageKind(thumb.data, thumb.width, thumb.height);
        }, item.id),
      );
      if (generation !== item.generation) return;
      if (!isColorizable(detection.kind)) return this.skip(item, detection.kind === 'color' ? 'color' : 'not-photo', detection.reason);
      await this.colorize(item, priority, false); // already asked: now the bytes go
    } catch (error) {
      this.skip(item, 'unreadable', detailOf(error));
    }
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

  // ---- asking and showing

  /** `detect`: automatic work, which the background colorizes only if it is a black-and-white photo. */
  private colorize(item: Item, priority: Priority, detect: boolean): Promise<void> {
    item.pending ??= this.runColorize(item, priority, detect).finally(() => (item.pending = undefined));
    return item.pending;
  }

  private async runColorize(item: Item, priority: Priority, detect: boolean): Promise<void> {
    // Already 'asked' where the detector ran here first (detectHere).
    if (item.state.name !== 'asked' && !this.apply(item, { type: 'ask', detect, manual: item.manual })) return;
    const generation = item.generation;
    const start = performance.now();
    item.sourceUrl ??= this.sourceUrlOf(item) ?? undefined;
    const presence = this.present();
    this.counts.started();
    presence.overlay.showWorking(item.element, detect ? AUTO_DOT_DELAY_MS : 0);
    try {
      const url = item.sourceUrl;
      if (!url) return this.skip(item, 'not-raster', 'no source');
      const answer = this.client.colorize({ url, priority, detect, pixels: () => this.pixelSource(item) });
      measureSince('send', start, item.id);
      const response = await answer;
      if (this.unwanted(item, generation)) return;
      if (response.outcome === 'skipped') return this.skip(item, response.code, response.detail);
      if (response.outcome === 'failed') return this.fail(item, response.code, response.detail);
      const asOriginal = this.showingOriginals && !item.manual;
      const readable = this.pageMayReadSource(item, url);
      const shown = await this.presenter.present(item, response, readable, () => !this.unwanted(item, generation), asOriginal, (made) => {
        this.apply(item, { type: 'shown', shown: made, showingOriginal: asOriginal });
        this.displayed(item);
      });
      if (!shown) this.fail(item, 'not-shown', 'result could not be shown');
    } catch (error) {
      this.fail(item, 'internal', detailOf(error));
    } finally {
      const end = performance.now();
      this.counts.finished();
      presence.overlay.doneWorking(item.element);
      this.leaveIfIdle();
      measureSince('finish', end, item.id);
    }
  }

  /**
   * Whether the page's scripts could read the image's pixels themselves: only then may the result
   * be shown as a URL (result-forms.ts). Its URL and (an <img>'s) crossorigin attribute say. Not
   * caught: a same-origin URL the server redirects to another origin without CORS (a one-pixel
   * canvas read would tell, but costs ~1 ms per image on the page's main thread).
   */
  private pageMayReadSource(item: Item, url: string): boolean {
    if (item.kind === 'background') return routeFor(url, location.origin) === 'direct';
    return pageMayRead(url, location.origin, (item.element as HTMLImageElement).crossOrigin !== null);
  }

  /** Whether a result that took a while is still wanted: not if the page moved on, or the site was switched off. */
  private unwanted(item: Item, generation: number): boolean {
    if (generation !== item.generation || !item.element.isConnected) return true; // page moved on
    if (item.manual || this.auto) return false;
    // Switched off for this site meanwhile: looked at again if it is switched on.
    this.drop(item, false);
    return true;
  }

  private display(item: Item, original: boolean): void {
    const shown = shownOf(item);
    if (!shown || !this.apply(item, { type: 'flip', original })) return;
    this.presenter.display(item.element, shown, original);
    this.displayed(item);
  }

  /** After our display of an item changed: a stand-in's host answers for it, and the menu follows. */
  private displayed(item: Item): void {
    const shown = shownOf(item);
    if (shown?.original.standIn) this.items.set(shown.original.standIn.host, item); // for the hover switch
    this.presence?.pointer.changed(item.element);
  }

  /** Undoes our work for an item (putting the original back if asked) so it is looked at afresh. */
  private drop(item: Item, putBack: boolean): void {
    const shown = shownOf(item);
    if (shown) this.presenter.remove(item.element, shown, putBack);
    if (!this.apply(item, { type: 'drop' })) return;
    item.sourceUrl = undefined;
    item.manual = false;
    item.generation += 1;
    this.presence?.pointer.changed(item.element);
  }

  private toggle(element: Element): void {
    const item = this.items.get(element);
    const shown = shownOf(item);
    if (!item || !shown || item.state.name !== 'colorized') return;
    this.display(item, !item.state.showingOriginal);
    this.presence?.pointer.showSwitch(this.presenter.onScreen(item.element, shown), item.state.showingOriginal);
  }

  // ---- presence: the overlay, the pointer and the CSP watch, while there is anything of ours

  private present(): Presence {
    if (this.presence) return this.presence;
    const lifetime = new Lifetime();
    const overlay = new Overlay((element) => this.toggle(element), lifetime, (element) => {
      const item = this.items.get(element);
      if (shownOf(item)) void this.editItem(item!);
    });
    const pointer = new Pointer(overlay, {
      colorizedAt: (element) => {
        const item = this.items.get(element);
        const shown = shownOf(item);
        return item && shown && item.state.name === 'colorized'
          ? { onScreen: this.presenter.onScreen(item.element, shown), showingOriginal: item.state.showingOriginal }
          : null;
      },
      showsColorized: (element) => {
        const item = this.items.get(element);
        if (item?.state.name !== 'colorized' || item.state.showingOriginal) return false;
        // The <img> with our URL, or the host of the stand-in whose <img> the menu sees (not a canvas: no image entries there).
        return item.element === element || (item.state.shown.form === 'shadow' && item.state.shown.original.standIn?.host === element);
      },
      tellMenu: (showsColorized) => void this.port.request({ type: 'menu-target', showsColorized }).catch(() => undefined),
      hoverControl: () => this.hoverControl,
    });
    pointer.start(lifetime);
    lifetime.listen(document, 'error', this.onLoadError, { capture: true, passive: true });
    lifetime.listen(document, 'securitypolicyviolation', this.onViolation, { passive: true });
    this.presence = { lifetime, overlay, pointer };
    return this.presence;
  }

  /** With the site off and nothing of ours on the page or under way, nothing of ours keeps listening. */
  private leaveIfIdle(): void {
    if (this.auto || this.colorized.size > 0 || this.counts.busy || !this.presence) return;
    this.presence.lifetime.end();
    this.presence = undefined;
  }

  // ---- a page that refuses our result's form

  /** An <img> of ours failed to load: the page (not us) loaded it again, and its CSP said no. */
  private readonly onLoadError = (event: Event) => {
    const item = this.items.get(event.target as Element);
    const shown = shownOf(item);
    if (!item || !shown || standsIn(shown.form) || item.state.name !== 'colorized' || item.state.showingOriginal) return;
    if (!this.presenter.isOurs(item.element, shown)) return; // no longer ours: the page's own image failed
    void this.fallBack(item, shown.form);
  };

  /** CSS backgrounds have no error event; a violation names the scheme (for every form, later results skip it). */
  private readonly onViolation = (event: SecurityPolicyViolationEvent) => {
    const form = blockedForm(event.blockedURI, event.effectiveDirective);
    if (!form) return;
    this.presenter.refuse(form);
    for (const item of this.colorized) {
      if (item.kind === 'background' && shownOf(item)?.form === form && item.state.name === 'colorized' && !item.state.showingOriginal) {
        void this.fallBack(item, form);
      }
    }
  };

  /** Shows the result in the next form the page allows; where none is left, the original again. */
  private async fallBack(item: Item, failed: ResultForm): Promise<void> {
    const shown = shownOf(item);
    if (!shown || item.state.name !== 'colorized' || shown.form !== failed || item.fallingBack) return;
    item.fallingBack = true;
    const generation = item.generation;
    try {
      const showingOriginal = item.state.showingOriginal;
      const moved = await this.presenter.fallBack(item, shown, failed, showingOriginal, () => generation === item.generation, (next) => {
        this.apply(item, { type: 'shown', shown: next, showingOriginal });
        this.displayed(item);
      });
      if (moved !== null || generation !== item.generation || item.state.name !== 'colorized') return;
      this.drop(item, true);
      this.skip(item, 'page-refuses');
      this.counts.changed();
    } finally {
      item.fallingBack = false;
    }
  }

  private onSourceChanged(element: HTMLElement, attribute: string): void {
    const item = this.items.get(element);
    if (!item || isLookable(item.state) || item.state.name === 'loading') return;
    if ((item.kind === 'img') !== (attribute === 'src' || attribute === 'srcset')) return; // e.g. an img's style
    const shown = shownOf(item);
    if (shown?.expected !== undefined && this.presenter.isOurs(element, shown)) return; // our own change
    if (item.kind === 'background' && !shown && this.sourceUrlOf(item) === item.sourceUrl) return;
    // The page put a different image there: ours no longer applies, and its new source is the original.
    if (shown) item.overruled += 1;
    this.drop(item, false);
    if (item.overruled >= MAX_OVERRULED) this.skip(item, 'page-replaces');
    else this.discovery?.discovery.watch(item.element);
    this.counts.changed();
  }

  private findBySrc(srcUrl: string): Item | undefined {
    const matches = (element: Element | null): element is HTMLElement => {
      if (!(element instanceof HTMLElement)) return false;
      const item = this.items.get(element);
      if (shownOf(item)?.url === srcUrl || item?.sourceUrl === srcUrl) return true;
      return element instanceof HTMLImageElement && (element.currentSrc === srcUrl || element.src === srcUrl);
    };
    const last = this.presence?.pointer.lastContextTarget ?? null;
    const element = matches(last) ? last : Array.from(document.images).find((image) => matches(image));
    if (!element) return undefined;
    return this.items.get(element) ?? this.register(element, element instanceof HTMLImageElement ? 'img' : 'background');
  }
}
