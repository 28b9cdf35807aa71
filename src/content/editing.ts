// The colour editor on one image of the page (issue 14): from the menu's "Edit colors…" or the
// hover control's button. An image not colorized yet is colorized first (as the user's own
// request); Apply puts the edited result in place of ours (presenter.replace: no box moves, "Show
// original" still flips) and makes its strength the image's own, so a revisit shows it as edited.
import type { ColorizedImage, CommandAnswer } from '../shared/messages.ts';
import type { ColorizeClient } from './colorize-client.ts';
import { openEditor } from './editor/open.ts';
import { colorizedState, pageMayReadItem, pixelSource, shownOf } from './item-registry.ts';
import type { Item, ItemRegistry } from './item-registry.ts';
import type { Presenter } from './presenter.ts';
import type { StrengthKeeper } from './strength-keeper.ts';
import type { UserRequests } from './user-requests.ts';

export interface EditingHost {
  readonly items: ItemRegistry;
  readonly presenter: Presenter;
  readonly strengths: StrengthKeeper;
  readonly requests: UserRequests;
  readonly client: ColorizeClient;
  lastContextTarget(): Element | null;
  /** Our display of the item changed. */
  displayed(item: Item): void;
}

export class Editing {
  constructor(private readonly host: EditingHost) {}

  /** The menu's "Edit colors…" on the image its URL names. */
  menuEdit(srcUrl: string): Promise<CommandAnswer> {
    const item = this.host.items.findBySrc(srcUrl, this.host.lastContextTarget());
    return item ? this.edit(item) : Promise.resolve({ ok: false, error: 'image not found on this page' });
  }

  async edit(item: Item): Promise<CommandAnswer> {
    if (!shownOf(item)) {
      const done = await this.host.requests.colorize(item);
      if (!done.ok) return done;
    }
    const url = item.sourceUrl;
    if (!url) return { ok: false, error: 'no source' };
    return openEditor({ client: this.host.client, url, pixels: () => pixelSource(item), apply: (result) => this.apply(item, result) });
  }

  private async apply(item: Item, result: ColorizedImage): Promise<boolean> {
    const state = colorizedState(item);
    if (!state || !item.sourceUrl) return false;
    const generation = item.generation;
    const current = () => generation === item.generation && item.state.name === 'colorized';
    const next = await this.host.presenter.replace(item, state.shown, result, pageMayReadItem(item, item.sourceUrl), current, (made) => {
      this.host.items.apply(item, { type: 'shown', shown: made, showingOriginal: false });
      this.host.displayed(item);
    });
    if (!next || next === 'unwanted') return false;
    await this.host.strengths.setOwn(item, result.strength);
    return true;
  }
}
