// What the user's pointer does with our images: the hover control (hover-control.ts), the right-click
// menu's entries (menu-target.ts) and which element was right-clicked last (for the menu's
// commands). Only the user's own events count (isTrusted): a page script can neither flip our
// images nor steer the menu. Listens only while its Lifetime lasts.
import type { Lifetime } from './lifetime.ts';
import { MenuTarget } from './menu-target.ts';
import type { HoverControl } from './hover-control.ts';

export interface PointerHost {
  /** The image whose hover control fits the element under the pointer (a colorized image, or one automatic colorizing left alone); null: none. */
  controlFor(element: Element): Element | null;
  /** Whether the element shows our colorized result as an image the right-click menu offers image entries on (an <img>, or a stand-in's host whose <img> it sees). */
  showsColorized(element: Element): boolean;
  /** Tells the background which image entries fit (menu-target.ts). */
  tellMenu(showsColorized: boolean): void;
  /** Whether the hover control is wanted (a setting). */
  hoverControl(): boolean;
}

export class Pointer {
  private readonly menu: MenuTarget;
  /** The element of the last right-click, if the user made it. */
  lastContextTarget: Element | null = null;

  constructor(
    private readonly control: HoverControl,
    private readonly host: PointerHost,
  ) {
    this.menu = new MenuTarget(
      (element) => host.showsColorized(element),
      (shows) => host.tellMenu(shows),
    );
  }

  start(lifetime: Lifetime): void {
    const options = { capture: true, passive: true };
    lifetime.listen<MouseEvent>(document, 'mouseover', this.onMouseOver, options);
    lifetime.listen<MouseEvent>(document, 'mouseout', this.onMouseOut, options);
    lifetime.listen<MouseEvent>(document, 'contextmenu', (event) => {
      if (event.isTrusted) this.lastContextTarget = event.target as Element;
    }, options);
    this.menu.start(lifetime);
    // Started while the pointer may already rest on an image (the menu used on a page with nothing
    // of ours yet): what it is over now, deepest last.
    const hovered = document.querySelectorAll(':hover');
    this.menu.pointerAt(hovered[hovered.length - 1] ?? null);
  }

  /** Our display of `element` changed (colorized <-> original) while the pointer may be on it. */
  changed(element: Element): void {
    this.menu.changed(element);
  }

  private readonly onMouseOver = (event: MouseEvent) => {
    if (!event.isTrusted || !this.host.hoverControl()) return;
    const image = this.host.controlFor(event.target as Element);
    if (image) this.control.show(image);
  };

  private readonly onMouseOut = (event: MouseEvent) => {
    if (!event.isTrusted) return;
    const shown = this.control.target();
    if (shown && this.host.controlFor(event.target as Element) === shown) this.control.scheduleHide();
  };
}
