// What of ours is on the page while anything of ours is (a result, work under way, automatic
// colorizing on): the working dots (overlay.ts), the hover control over our images
// (hover-control.ts, its parts from control-view.ts), the pointer's and the menu's wiring
// (pointer.ts) and the CSP fallback (csp-fallback.ts). All of it under one Lifetime: end() takes
// it off the page and stops every listener and observer of it.
import { t } from '../shared/i18n.ts';
import type { RequestPort } from '../shared/request-port.ts';
import { stepStrength } from './control-rules.ts';
import { controlView } from './control-view.ts';
import type { ControlView } from './hover-control.ts';
import { HoverControl } from './hover-control.ts';
import { CspFallback } from './csp-fallback.ts';
import type { FallbackHost } from './csp-fallback.ts';
import { colorizedState } from './item-registry.ts';
import type { Item, ItemRegistry } from './item-registry.ts';
import { Lifetime } from './lifetime.ts';
import { Overlay } from './overlay.ts';
import { Pointer } from './pointer.ts';
import type { Presenter } from './presenter.ts';
import type { StrengthKeeper } from './strength-keeper.ts';
import type { UserRequests } from './user-requests.ts';
import type { Editing } from './editing.ts';

/** What the presence asks of the coordinator (page-controller.ts). */
export interface PresenceHost {
  readonly items: ItemRegistry;
  readonly presenter: Presenter;
  readonly hoverControl: boolean;
  readonly strengths: StrengthKeeper;
  readonly requests: UserRequests;
  readonly editing: Editing;
  toggle(item: Item): void;
}

export class Presence {
  private readonly lifetime = new Lifetime();
  readonly overlay = new Overlay(this.lifetime);
  readonly control: HoverControl;
  readonly pointer: Pointer;

  constructor(
    private readonly host: PresenceHost,
    port: RequestPort,
    fallback: FallbackHost,
  ) {
    const { items, presenter } = host;
    this.control = new HoverControl(
      (element) => this.viewOf(element),
      (element) => {
        const shown = colorizedState(items.get(element))?.shown;
        return shown ? presenter.onScreen(element, shown) : element;
      },
      this.lifetime,
    );
    this.pointer = new Pointer(this.control, {
      controlFor: (element) => {
        const item = items.get(element);
        return item && this.viewOf(item.element) ? item.element : null;
      },
      showsColorized: (element) => {
        const item = items.get(element);
        const state = colorizedState(item);
        if (!item || !state || state.showingOriginal) return false;
        // The <img> with our URL, or the host of the stand-in whose <img> the menu sees (not a canvas: no image entries there).
        return item.element === element || (state.shown.form === 'shadow' && state.shown.original.standIn?.host === element);
      },
      tellMenu: (showsColorized) => void port.request({ type: 'menu-target', showsColorized }).catch(() => undefined),
      hoverControl: () => host.hoverControl,
    });
    this.pointer.start(this.lifetime);
    new CspFallback(items, presenter, fallback, this.lifetime);
  }

  /** Our display of the item changed: the menu follows, and its hover control (a keyboard stop while it is colorized). */
  changed(item: Item, hoverControl: boolean): void {
    this.pointer.changed(item.element);
    if (hoverControl && item.state.name === 'colorized') this.control.keepSoon(item.element);
    else this.control.remove(item.element);
    this.control.refresh(item.element);
  }

  end(): void {
    this.lifetime.end();
  }

  private viewOf(element: Element): ControlView | null {
    const item = this.host.items.get(element);
    if (!item || !this.host.hoverControl) return null;
    const state = item.state;
    if (state.name === 'skipped') {
      return controlView(state, { toggle: () => undefined, stepStrength: () => undefined, colorizeAnyway: async () => void (await this.host.requests.colorize(item)) });
    }
    if (state.name !== 'colorized') return null;
    return controlView(
      { name: 'colorized', showingOriginal: state.showingOriginal, strength: this.host.strengths.of(item) },
      {
        toggle: () => this.host.toggle(item),
        stepStrength: (direction) => this.host.strengths.setOwn(item, stepStrength(this.host.strengths.of(item), direction)),
        colorizeAnyway: () => undefined,
        extras: [{ kind: 'button', text: t('editOpen'), run: () => void this.host.editing.edit(item) }],
      },
    );
  }
}
