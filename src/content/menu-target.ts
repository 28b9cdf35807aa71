// Tells the background which image entries the right-click menu should offer: "Show original" on
// an image showing our colorized result, "Colorize this image" on any other. Chromium builds the
// menu as soon as the page has seen the 'contextmenu' event, before a message sent from that event
// could change it, so the menu is set while the pointer moves: once when it enters a colorized
// image and once when it leaves, never per mouse move, and never on pages with nothing colorized.
// Only the user's own pointer counts: events a page script makes (isTrusted false) are ignored.
import type { Lifetime } from './lifetime.ts';

export class MenuTarget {
  /** What this frame last told the background. */
  private told = false;
  private under: Element | null = null;

  constructor(
    private readonly showsColorized: (element: Element) => boolean,
    private readonly tell: (showsColorized: boolean) => void,
  ) {}

  start(lifetime: Lifetime): void {
    const options = { capture: true, passive: true };
    lifetime.listen<MouseEvent>(document, 'mouseover', (event) => event.isTrusted && this.pointerAt(event.target as Element), options);
    // Out of this frame (into a parent frame, or out of the window): nothing of ours under it.
    lifetime.listen<MouseEvent>(document, 'mouseout', (event) => event.isTrusted && event.relatedTarget === null && this.pointerAt(null), options);
    // A keyboard-opened menu has no pointer: this corrects the next one at least.
    lifetime.listen<MouseEvent>(document, 'contextmenu', (event) => event.isTrusted && this.pointerAt(event.target as Element), options);
    // The background resets the entries when another tab comes to the front.
    lifetime.listen(document, 'visibilitychange', () => document.hidden && this.forget());
  }

  pointerAt(element: Element | null): void {
    this.under = element;
    this.update();
  }

  /** Our display of `element` changed (colorized <-> original) while the pointer may be on it. */
  changed(element: Element): void {
    if (element === this.under) this.update();
  }

  forget(): void {
    this.told = false;
    this.under = null;
  }

  private update(): void {
    const shows = this.under !== null && this.showsColorized(this.under);
    if (shows === this.told) return;
    this.told = shows;
    this.tell(shows);
  }
}
