// What the user's pointer does with colorized images: the hover switch (overlay.ts), the right-click
// menu's entries (menu-target.ts) and which element was right-clicked last (for the menu's
// commands). Only the user's own events count (isTrusted): a page script can neither flip our
// images nor steer the menu. Listens only while its Lifetime lasts.
import type { Lifetime } from './lifetime.ts';
import { MenuTarget } from './menu-target.ts';
import type { Overlay } from './overlay.ts';

export interface PointerHost {
  /** The element on screen for a colorized image under the pointer, and whether it shows the original; null: none of ours. */
  colorizedAt(element: Element): { onScreen: Element; showingOriginal: boolean } | null;
  /** Whether the element shows our colorized result as an image the right-click menu offers image entries on (an <img>, or a stand-in's host whose <img> it sees). */
  showsColorized(element: Element): boolean;
  /** Tells the background which image entries fit (menu-target.ts). */
  tellMenu(showsColorized: boolean): void;
  /** Whether the hover switch is wanted (a setting). */
  hoverControl(): boolean;
}

export class Pointer {
  private readonly menu: MenuTarget;
  /** The element of the last right-click, if the user made it. */
  lastContextTarget: Element | null = null;

  constructor(
    private readonly overlay: Overlay,
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

  /** Shows the switch on `onScreen` (after a flip, so its label follows). */
  showSwitch(onScreen: Element, showingOriginal: boolean): void {
    this.overlay.showControl(onScreen, showingOriginal);
  }

  private readonly onMouseOver = (event: MouseEvent) => {
    if (!event.isTrusted || !this.host.hoverControl()) return;
    const at = this.host.colorizedAt(event.target as Element);
    if (at) this.overlay.showControl(at.onScreen, at.showingOriginal);
  };

  private readonly onMouseOut = (event: MouseEvent) => {
    if (event.isTrusted && this.overlay.controlTarget() === event.target) this.overlay.scheduleHide();
  };
}
