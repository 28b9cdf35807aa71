// The user's own requests for one image: the right-click menu's "Colorize this image" and "Show
// original" (found by the URL the menu names), and the hover control's "Colorize anyway". What the
// user asks for is colorized whatever the detector says, and stays when the site is switched off.
import type { CommandAnswer, Priority } from '../shared/messages.ts';
import { shownOf } from './item-registry.ts';
import type { Item, ItemRegistry } from './item-registry.ts';
import { whenLoaded } from './pixels.ts';

export interface UserRequestHost {
  readonly items: ItemRegistry;
  /** The element of the user's last right-click, if any. */
  lastContextTarget(): Element | null;
  display(item: Item, original: boolean): void;
  colorize(item: Item, priority: Priority, detect: boolean): Promise<void>;
}

export class UserRequests {
  constructor(private readonly host: UserRequestHost) {}

  menuColorize(srcUrl: string): Promise<CommandAnswer> {
    const item = this.host.items.findBySrc(srcUrl, this.host.lastContextTarget());
    return item ? this.colorize(item) : Promise.resolve({ ok: false, error: 'image not found on this page' });
  }

  menuShowOriginal(srcUrl: string): CommandAnswer {
    const item = this.host.items.findBySrc(srcUrl, this.host.lastContextTarget());
    if (!item || !shownOf(item)) return { ok: false, error: 'no colorized image there' };
    this.host.display(item, true);
    return { ok: true };
  }

  /** Colorizes the image (or shows ours again), waiting for automatic work under way on it first. */
  async colorize(item: Item): Promise<CommandAnswer> {
    if (shownOf(item)) {
      this.host.display(item, false);
      return { ok: true };
    }
    item.manual = true;
    if (item.kind === 'img' && !(await whenLoaded(item.element as HTMLImageElement))) {
      return { ok: false, error: 'image did not load' };
    }
    await item.pending; // automatic work under way (it may skip what the user now asks for)
    if (!shownOf(item)) await this.host.colorize(item, 'user', false);
    if (shownOf(item)) this.host.display(item, false);
    const state = item.state;
    return state.name === 'colorized' ? { ok: true } : { ok: false, error: 'detail' in state ? state.detail : 'not colorized' };
  }
}
