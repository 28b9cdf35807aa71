// The content script's coordinator: wires the parts around each image's lifecycle. Automatic
// colorizing (auto-colorizing.ts) finds and chooses images while it is on for the site; the client
// asks the background; the presenter puts results on screen and back, at the strength wanted; the
// presence (the working dots, the hover control, the pointer and menu, the CSP fallback) lives
// while anything of ours is on the page. The items and their states are in item-registry.ts.
// Nothing here may throw into the page.
import type { PageStatusReport, Priority } from '../shared/messages.ts';
import { requestPort } from '../shared/messaging.ts';
import { detailOf } from '../shared/result.ts';
import { pageMayRead, routeFor } from './candidate-rules.ts';
import { ColorizeClient } from './colorize-client.ts';
import { AutoColorizing } from './auto-colorizing.ts';
import { MIN_SOURCE_STRENGTH } from './strength-render.ts';
import { ImageStrengths } from './image-strengths.ts';
import { colorizedState, ItemRegistry, pixelSource, shownOf, sourceUrlOf } from './item-registry.ts';
import type { Item } from './item-registry.ts';
import { PageStatus } from './page-status.ts';
import { Presence } from './presence.ts';
import { whenLoaded } from './pixels.ts';
import { Presenter } from './presenter.ts';
import type { Shown } from './presenter.ts';
import { browserSlicerHost, Slicer } from './slicer.ts';
import { measureSince } from './timing.ts';

/**
 * Automatic work shows its dot only when it takes longer than this: most images are either
 * answered "not a black-and-white photo" by the background's detector or colorized within it, and
 * a dot flashing on a colour photo would say something that is not happening.
 */
const AUTO_DOT_DELAY_MS = 400;

export class PageController {
  readonly items = new ItemRegistry();
  private readonly slicer = new Slicer({ ...browserSlicerHost(), onError: (error) => console.debug('[recolor]', error) });
  /** Requests to the background (one per candidate, and status): over a port, far cheaper per message than sendMessage. */
  private readonly port = requestPort();
  private readonly client = new ColorizeClient(this.port, location.origin);
  readonly presenter = new Presenter(this.slicer);
  private readonly strengths: ImageStrengths;
  private auto: AutoColorizing | undefined;
  private presence: Presence | undefined;
  /** The page's counts, for the toolbar badge (page-status.ts). */
  private readonly counts = new PageStatus(
    () => this.items.colorized.size,
    (report) => void this.port.request(report).catch(() => undefined),
  );
  hoverControl = true;
  /** The strength setting: every colorized image without one of its own is shown at it. */
  strength = 1;

  constructor(site: string | null) {
    this.strengths = new ImageStrengths(site);
  }

  get autoOn(): boolean {
    return this.auto !== undefined;
  }

  setAuto(on: boolean): void {
    if (on === this.autoOn) return;
    if (on) {
      this.auto = new AutoColorizing(this.items, this.slicer, this.presenter, {
        showingOriginals: () => this.counts.showingOriginals,
        candidate: () => this.counts.candidate(),
        colorize: (item, priority, detect) => this.colorize(item, priority, detect),
        drop: (item, putBack) => this.drop(item, putBack),
        changed: () => this.counts.changed(),
      });
      this.present();
      this.auto.start();
      return;
    }
    // Switched off for this site: discovery ends; what we did on our own is put back, what the
    // user asked for stays.
    this.auto?.stop();
    this.auto = undefined;
    for (const item of [...this.items.colorized]) if (!item.manual) this.drop(item, true);
    this.leaveIfIdle();
    this.counts.changed();
  }

  /** The page goes away (or into the back/forward cache): nothing of ours keeps running. Returns what resume() needs. */
  suspend(): { auto: boolean } {
    const auto = this.autoOn;
    this.auto?.stop();
    this.auto = undefined;
    this.presence?.end();
    this.presence = undefined;
    return { auto };
  }

  /** The page came back from the back/forward cache: as it was before suspend(). */
  resume(was: { auto: boolean }): void {
    if (this.items.colorized.size > 0) this.present();
    this.setAuto(was.auto);
  }

  setShowOriginals(show: boolean): void {
    this.counts.showingOriginals = show;
    for (const item of this.items.colorized) this.display(item, show);
    if (!show) this.auto?.rescan();
    this.counts.changed();
  }

  /** The strength setting changed: colorized images without their own strength follow it, from their results (no fetch). */
  setStrength(strength: number): void {
    if (strength === this.strength) return;
    this.strength = strength;
    for (const item of this.items.colorized) if (item.strength === undefined) void this.restrength(item);
  }

  /** The user set one image's strength (the hover control): shown now, remembered for its URL. */
  async setImageStrength(item: Item, strength: number): Promise<void> {
    item.strength = strength;
    if (item.sourceUrl) void this.strengths.set(item.sourceUrl, strength);
    await this.restrength(item);
  }

  /** Shows the item at the strength wanted for it now (one re-render at a time; the last one wins). */
  private restrength(item: Item): Promise<void> {
    item.rendering = (item.rendering ?? Promise.resolve()).then(() => this.restrengthNow(item));
    return item.rendering;
  }

  private async restrengthNow(item: Item): Promise<void> {
    const state = colorizedState(item);
    const wanted = item.strength ?? this.strength;
    if (!state || state.shown.strength === wanted) return;
    if (state.shown.baseStrength < MIN_SOURCE_STRENGTH) {
      // Made (almost) gray: no chroma to scale up. Asked again (the background's cache keys on strength).
      this.drop(item, true);
      return void this.colorize(item, 'user', false);
    }
    const generation = item.generation;
    const current = () => generation === item.generation && item.state.name === 'colorized';
    const originalShown = () => colorizedState(item)?.showingOriginal ?? false;
    const moved = (next: Shown) => {
      this.items.apply(item, { type: 'shown', shown: next, showingOriginal: originalShown() });
      this.displayed(item);
    };
    await this.presenter.restrength(item, state.shown, wanted, originalShown, current, moved).catch(() => null);
  }

  setHoverControl(on: boolean): void {
    this.hoverControl = on;
    for (const item of this.items.colorized) this.displayed(item);
  }

  status(): PageStatusReport {
    return this.counts.now();
  }

  async menuColorize(srcUrl: string): Promise<{ ok: boolean; error?: string }> {
    const item = this.items.findBySrc(srcUrl, this.presence?.pointer.lastContextTarget ?? null);
    if (!item) return { ok: false, error: 'image not found on this page' };
    return this.colorizeByUser(item);
  }

  /** The user asked for this image (the menu, "Colorize anyway"): colorized whatever the detector says. */
  async colorizeByUser(item: Item): Promise<{ ok: boolean; error?: string }> {
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

  menuShowOriginal(srcUrl: string): { ok: boolean; error?: string } {
    const item = this.items.findBySrc(srcUrl, this.presence?.pointer.lastContextTarget ?? null);
    if (!item || !shownOf(item)) return { ok: false, error: 'no colorized image there' };
    this.display(item, true);
    return { ok: true };
  }

  /** Flips a colorized image between its original and ours (the hover control). */
  toggle(item: Item): void {
    const state = colorizedState(item);
    if (state) this.display(item, !state.showingOriginal);
  }

  // ---- asking and showing

  /** `detect`: automatic work, which the background colorizes only if it is a black-and-white photo. */
  private colorize(item: Item, priority: Priority, detect: boolean): Promise<void> {
    item.pending ??= this.runColorize(item, priority, detect).finally(() => (item.pending = undefined));
    return item.pending;
  }

  private async runColorize(item: Item, priority: Priority, detect: boolean): Promise<void> {
    // Already 'asked' where the detector ran here first (auto-colorizing.ts).
    if (item.state.name !== 'asked' && !this.items.apply(item, { type: 'ask', detect, manual: item.manual })) return;
    const generation = item.generation;
    const start = performance.now();
    item.sourceUrl ??= sourceUrlOf(item) ?? undefined;
    const presence = this.present();
    this.counts.started();
    presence.overlay.showWorking(item.element, detect ? AUTO_DOT_DELAY_MS : 0);
    try {
      const url = item.sourceUrl;
      if (!url) return this.items.skip(item, 'not-raster', 'no source');
      const answer = this.client.colorize({ url, priority, detect, pixels: () => pixelSource(item) });
      measureSince('send', start, item.id);
      const [response, own] = await Promise.all([answer, item.strength === undefined ? this.strengths.get(url) : item.strength]);
      if (this.unwanted(item, generation)) return;
      if (response.outcome === 'skipped') return this.items.skip(item, response.code, response.detail);
      if (response.outcome === 'failed') return this.items.fail(item, response.code, response.detail);
      item.strength = own;
      const strength = { made: response.strength, shown: own ?? this.strength };
      const asOriginal = this.counts.showingOriginals && !item.manual;
      const wanted = () => !this.unwanted(item, generation);
      const shown = await this.presenter.present(item, response, strength, this.pageMayReadSource(item, url), wanted, asOriginal, (made) => {
        this.items.apply(item, { type: 'shown', shown: made, showingOriginal: asOriginal });
        this.displayed(item);
      });
      if (!shown) this.items.fail(item, 'not-shown', 'result could not be shown');
    } catch (error) {
      this.items.fail(item, 'internal', detailOf(error));
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
    if (item.manual || this.autoOn) return false;
    // Switched off for this site meanwhile: looked at again if it is switched on.
    this.drop(item, false);
    return true;
  }

  private display(item: Item, original: boolean): void {
    const shown = shownOf(item);
    if (!shown || !this.items.apply(item, { type: 'flip', original })) return;
    this.presenter.display(item.element, shown, original);
    this.displayed(item);
  }

  /** After our display of an item changed: a stand-in's host answers for it, and the menu and hover control follow. */
  private displayed(item: Item): void {
    const shown = shownOf(item);
    if (shown?.original.standIn) this.items.alias(shown.original.standIn.host, item); // for the hover control
    this.presence?.changed(item, this.hoverControl);
  }

  /** Undoes our work for an item (putting the original back if asked) so it is looked at afresh. */
  private drop(item: Item, putBack: boolean): void {
    const shown = shownOf(item);
    if (shown) this.presenter.remove(item.element, shown, putBack);
    if (!this.items.apply(item, { type: 'drop' })) return;
    item.sourceUrl = undefined;
    item.manual = false;
    item.generation += 1;
    this.presence?.changed(item, this.hoverControl);
  }

  // ---- presence: the dots, the hover control, the pointer and the CSP watch, while there is anything of ours

  private present(): Presence {
    if (this.presence) return this.presence;
    this.presence = new Presence(this, this.port, {
      displayed: (item) => this.displayed(item),
      drop: (item, putBack) => this.drop(item, putBack),
      changed: () => this.counts.changed(),
    });
    for (const item of this.items.colorized) this.displayed(item);
    return this.presence;
  }

  /** With the site off and nothing of ours on the page or under way, nothing of ours keeps listening. */
  private leaveIfIdle(): void {
    if (this.autoOn || this.items.colorized.size > 0 || this.counts.busy || !this.presence) return;
    this.presence.end();
    this.presence = undefined;
  }
}
