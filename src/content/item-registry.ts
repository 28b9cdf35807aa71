// The content script's per-image bookkeeping: one Item per image we have looked at, its lifecycle
// state (item-lifecycle.ts) applied here and nowhere else, the set of colorized ones (for the
// badge, a strength change, the site switched off), and finding an item by the URL the menu names.
import type { FailCode, SkipCode } from '../shared/result.ts';
import { pageMayRead, routeFor, singleBackgroundUrl } from './candidate-rules.ts';
import type { Box } from './discovery.ts';
import { next } from './item-lifecycle.ts';
import type { ItemEvent, ItemState } from './item-lifecycle.ts';
import { loadDetached } from './pixels.ts';
import type { Shown } from './presenter.ts';

export interface Item {
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
  /** The user asked for it (the menu, "Colorize anyway"): switching the site off leaves it colorized. */
  manual: boolean;
  sourceUrl?: string;
  /** The colorize in flight, so a menu click during automatic work waits for it instead of racing. */
  pending?: Promise<void>;
  /** A form change under way after the page refused one (one at a time). */
  fallingBack?: boolean;
  /** Times the page replaced our result: a page that keeps doing it is left alone. */
  overruled: number;
  /** The user's strength for this image (the hover control), over the global setting. */
  strength?: number;
  /** The re-render at another strength under way (one at a time). */
  rendering?: Promise<void>;
}

export const shownOf = (item: Item | undefined): Shown | undefined => (item?.state.name === 'colorized' ? item.state.shown : undefined);

/** The colorized state's fields, where the item is colorized. */
export function colorizedState(item: Item | undefined): { shown: Shown; showingOriginal: boolean } | undefined {
  return item?.state.name === 'colorized' ? item.state : undefined;
}

export class ItemRegistry {
  private readonly items = new WeakMap<Element, Item>();
  /** Items in the colorized state. */
  readonly colorized = new Set<Item>();
  private lastId = 0;

  get(element: Element | null | undefined): Item | undefined {
    return element ? this.items.get(element) : undefined;
  }

  register(element: HTMLElement, kind: Item['kind']): Item {
    let item = this.items.get(element);
    if (!item) {
      item = { id: ++this.lastId, element, kind, state: { name: 'found' }, near: false, generation: 0, manual: false, overruled: 0 };
      this.items.set(element, item);
    }
    return item;
  }

  /** Another element answers for the item too (a stand-in's host, for the hover control). */
  alias(element: Element, item: Item): void {
    this.items.set(element, item);
  }

  /** Applies a lifecycle event; false where it does not apply in the item's state (nothing changes). */
  apply(item: Item, event: ItemEvent<Shown>): boolean {
    const state = next(item.state, event);
    if (!state) return false;
    item.state = state;
    if (state.name === 'colorized') this.colorized.add(item);
    else this.colorized.delete(item);
    return true;
  }

  skip(item: Item, code: SkipCode, detail = ''): void {
    this.apply(item, { type: 'skip', code, detail });
  }

  fail(item: Item, code: FailCode, detail = ''): void {
    this.apply(item, { type: 'fail', code, detail });
  }

  /** The item the menu's image URL names: the right-clicked element if it matches, else the first image that does. */
  findBySrc(srcUrl: string, lastContextTarget: Element | null): Item | undefined {
    const matches = (element: Element | null): element is HTMLElement => {
      if (!(element instanceof HTMLElement)) return false;
      const item = this.items.get(element);
      if (shownOf(item)?.url === srcUrl || item?.sourceUrl === srcUrl) return true;
      return element instanceof HTMLImageElement && (element.currentSrc === srcUrl || element.src === srcUrl);
    };
    const element = matches(lastContextTarget) ? lastContextTarget : Array.from(document.images).find((image) => matches(image));
    if (!element) return undefined;
    return this.items.get(element) ?? this.register(element, element instanceof HTMLImageElement ? 'img' : 'background');
  }
}

/** The image's URL as the page has it now (an <img>'s current source, or an element's single CSS background photo). */
export function sourceUrlOf(item: Item): string | null {
  if (item.kind === 'img') {
    const image = item.element as HTMLImageElement;
    return image.currentSrc || image.src || null;
  }
  return singleBackgroundUrl(getComputedStyle(item.element).backgroundImage);
}

/** The loaded image whose pixels may be read here (an <img>, or a CSS background's URL loaded detached). */
export async function pixelSource(item: Item): Promise<HTMLImageElement | null> {
  if (item.kind === 'img') return item.element as HTMLImageElement;
  return item.sourceUrl ? loadDetached(item.sourceUrl) : null;
}

/**
 * Whether the page's scripts could read the image's pixels themselves: only then may the result
 * be shown as a URL (result-forms.ts). Its URL and (an <img>'s) crossorigin attribute say. Not
 * caught: a same-origin URL the server redirects to another origin without CORS (a one-pixel
 * canvas read would tell, but costs ~1 ms per image on the page's main thread).
 */
export function pageMayReadItem(item: Item, url: string): boolean {
  if (item.kind === 'background') return routeFor(url, location.origin) === 'direct';
  return pageMayRead(url, location.origin, (item.element as HTMLImageElement).crossOrigin !== null);
}
