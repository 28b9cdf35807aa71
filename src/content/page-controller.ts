// The content script's coordinator: wires the parts around each image's lifecycle. Automatic
// colorizing (auto-colorizing.ts) finds and chooses images while it is on for the site; the client
// asks the background; the presenter puts results on screen and back, at the strength wanted; the
// presence (the working dots, the hover control, the pointer and menu, the CSP fallback) lives
// while anything of ours is on the page. The items and their states are in item-registry.ts.
// Nothing here may throw into the page.
import type { PageStatusReport, Priority } from '../shared/messages.ts';
import { requestPort } from '../shared/messaging.ts';
import { detailOf } from '../shared/result.ts';
import { ColorizeClient } from './colorize-client.ts';
import { AutoColorizing } from './auto-colorizing.ts';
import { Editing } from './editing.ts';
import { colorizedState, ItemRegistry, pageMayReadItem, pixelSource, shownOf, sourceUrlOf } from './item-registry.ts';
import type { Item } from './item-registry.ts';
import { AUTO_DOT_DELAY_MS } from './overlay.ts';
import { PageStatus } from './page-status.ts';
import { Presence } from './presence.ts';
import { Presenter } from './presenter.ts';
import { browserSlicerHost, Slicer } from './slicer.ts';
import type { ImageStrengths } from './image-strengths.ts';
import { StrengthKeeper } from './strength-keeper.ts';
import { UserRequests } from './user-requests.ts';
import { measureSince } from './timing.ts';

export class PageController {
  readonly items = new ItemRegistry();
  private readonly slicer = new Slicer({ ...browserSlicerHost(), onError: (error) => console.debug('[recolor]', error) });
  /** Requests to the background (one per candidate, and status): over a port, far cheaper per message than sendMessage. */
  private readonly port = requestPort();
  readonly client = new ColorizeClient(this.port, location.origin);
  readonly presenter = new Presenter(this.slicer);
  readonly strengths: StrengthKeeper;
  private auto: AutoColorizing | undefined;
  private presence: Presence | undefined;
  /** The page's counts, for the toolbar badge (page-status.ts). */
  private readonly counts = new PageStatus(
    () => this.items.colorized.size,
    (report) => void this.port.request(report).catch(() => undefined),
  );
  hoverControl = true;
  /** The menu's commands and "Colorize anyway". */
  readonly requests = new UserRequests(this);
  /** The colour editor ("Edit colors…"). */
  readonly editing = new Editing(this);

  constructor(strengths: ImageStrengths) {
    this.strengths = new StrengthKeeper(this.items, this.presenter, {
      displayed: (item) => this.displayed(item),
      redo: (item) => {
        this.drop(item, true);
        void this.colorize(item, 'user', false);
      },
    }, strengths);
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
    this.port.close(); // an open extension port keeps a page out of the back/forward cache
    return { auto };
  }

  /** The page came back from the back/forward cache: as it was before suspend(). */
  resume(was: { auto: boolean }): void {
    this.port.reopen();
    if (this.items.colorized.size > 0) this.present();
    this.setAuto(was.auto);
  }

  setShowOriginals(show: boolean): void {
    this.counts.showingOriginals = show;
    for (const item of this.items.colorized) this.display(item, show);
    if (!show) this.auto?.rescan();
    this.counts.changed();
  }

  setHoverControl(on: boolean): void {
    this.hoverControl = on;
    for (const item of this.items.colorized) this.displayed(item);
  }

  lastContextTarget(): Element | null {
    return this.presence?.pointer.lastContextTarget ?? null;
  }

  status(): PageStatusReport {
    return this.counts.now();
  }

  /** Flips a colorized image between its original and ours (the hover control). */
  toggle(item: Item): void {
    const state = colorizedState(item);
    if (state) this.display(item, !state.showingOriginal);
  }

  // ---- asking and showing

  /** `detect`: automatic work, which the background colorizes only if it is a black-and-white photo. */
  colorize(item: Item, priority: Priority, detect: boolean): Promise<void> {
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
      const [response] = await Promise.all([answer, this.strengths.recall(item, url)]);
      if (this.unwanted(item, generation)) return;
      if (response.outcome === 'skipped') return this.items.skip(item, response.code, response.detail);
      if (response.outcome === 'failed') return this.items.fail(item, response.code, response.detail);
      const strength = { made: response.strength, shown: this.strengths.of(item) };
      const asOriginal = this.counts.showingOriginals && !item.manual;
      const wanted = () => !this.unwanted(item, generation);
      const shown = await this.presenter.present(item, response, strength, pageMayReadItem(item, url), wanted, asOriginal, (made) => {
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

  /** Whether a result that took a while is still wanted: not if the page moved on, or the site was switched off. */
  private unwanted(item: Item, generation: number): boolean {
    if (generation !== item.generation || !item.element.isConnected) return true; // page moved on
    if (item.manual || this.autoOn) return false;
    // Switched off for this site meanwhile: looked at again if it is switched on.
    this.drop(item, false);
    return true;
  }

  display(item: Item, original: boolean): void {
    const shown = shownOf(item);
    if (!shown || !this.items.apply(item, { type: 'flip', original })) return;
    this.presenter.display(item.element, shown, original);
    this.displayed(item);
  }

  /** After our display of an item changed: a stand-in's host answers for it, and the menu and hover control follow. */
  displayed(item: Item): void {
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
