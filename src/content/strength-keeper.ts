// Which strength each colorized image is shown at, and showing it again when that changes: the
// strength setting for every image, or the image's own from its hover control (remembered per site
// and URL: image-strengths.ts). A change re-renders the image from its result in place
// (strength-render.ts, presenter.ts): no fetch, no model. One re-render per image at a time.
import type { ImageStrengths } from './image-strengths.ts';
import { colorizedState } from './item-registry.ts';
import type { Item, ItemRegistry } from './item-registry.ts';
import type { Presenter, Shown } from './presenter.ts';
import { MIN_SOURCE_STRENGTH } from './strength-render.ts';

export interface StrengthHost {
  /** Our display of the item changed. */
  displayed(item: Item): void;
  /** Colorize the item afresh (its result has no chroma to scale up). */
  redo(item: Item): void;
}

export class StrengthKeeper {
  /** The strength setting. */
  private setting = 1;
  private readonly stored: ImageStrengths;

  constructor(
    private readonly items: ItemRegistry,
    private readonly presenter: Presenter,
    private readonly host: StrengthHost,
    stored: ImageStrengths,
  ) {
    this.stored = stored;
  }

  /** The strength the item is (to be) shown at. */
  of(item: Item): number {
    return item.strength ?? this.setting;
  }

  /** The item's own strength, remembered from an earlier visit (read before its first result is shown). */
  async recall(item: Item, url: string): Promise<void> {
    item.strength ??= await this.stored.get(url);
  }

  /** The strength setting changed: colorized images without their own follow it. */
  setSetting(strength: number): void {
    if (strength === this.setting) return;
    this.setting = strength;
    for (const item of this.items.colorized) if (item.strength === undefined) void this.show(item);
  }

  /** The user set one image's strength (the hover control): shown now, remembered for its URL. */
  setOwn(item: Item, strength: number): Promise<void> {
    item.strength = strength;
    if (item.sourceUrl) void this.stored.set(item.sourceUrl, strength);
    return this.show(item);
  }

  /** Shows the item at the strength wanted for it now (one re-render at a time; the last one wins). */
  private show(item: Item): Promise<void> {
    item.rendering = (item.rendering ?? Promise.resolve()).then(() => this.showNow(item));
    return item.rendering;
  }

  private async showNow(item: Item): Promise<void> {
    const state = colorizedState(item);
    const wanted = this.of(item);
    if (!state || state.shown.strength === wanted) return;
    // Made (almost) gray: no chroma to scale up; asked again (the background's cache keys on strength).
    if (state.shown.baseStrength < MIN_SOURCE_STRENGTH) return this.host.redo(item);
    const generation = item.generation;
    const current = () => generation === item.generation && item.state.name === 'colorized';
    const originalShown = () => colorizedState(item)?.showingOriginal ?? false;
    const moved = (next: Shown) => {
      this.items.apply(item, { type: 'shown', shown: next, showingOriginal: originalShown() });
      this.host.displayed(item);
    };
    await this.presenter.restrength(item, state.shown, wanted, originalShown, current, moved).catch(() => null);
  }
}
