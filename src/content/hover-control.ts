// The hover control: a small toolbar over an image of ours (show original / colorized, its own
// strength, and whatever else the coordinator offers), or over an image automatic colorizing left
// alone (why, and "Colorize anyway"). It shows on mouse hover and on keyboard focus: each
// colorized image gets one tab stop right after it in the page's order (a zero-size host with the
// toolbar in a closed shadow root, so the page's CSS and scripts can't reach it). The toolbar
// follows the ARIA toolbar pattern: one tab stop, arrow keys move between its buttons. What it
// shows comes from `viewOf` each time (a list of parts: the coordinator decides, this only draws).
import type { Lifetime } from './lifetime.ts';
import { markOwn } from './own-nodes.ts';
import { timed } from './timing.ts';

/** One thing on the toolbar: a button (a toggle where `pressed` is set) or a value it shows. */
export type ControlPart =
  | { kind: 'button'; text: string; name?: string; pressed?: boolean; run(): void | Promise<void> }
  | { kind: 'value'; text: string; name: string };

export interface ControlView {
  /** The toolbar's accessible name. */
  name: string;
  /** A line above the buttons (why an image was left alone). */
  note?: string;
  parts: ControlPart[];
}

const CSS = `
:host { all: initial; }
.bar { position: fixed; z-index: 2147483647; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; max-width: 320px;
  font: 600 11px/1.2 system-ui, sans-serif; color: #fff; opacity: 0; pointer-events: none; transition: opacity .15s; }
.bar.shown { opacity: 1; pointer-events: auto; }
.note { flex-basis: 100%; background: #1e1e1e; border-radius: 6px; padding: 4px 7px; }
button, output { font: inherit; color: inherit; background: #1e1e1e; border: 1px solid #8a8a8a;
  border-radius: 11px; padding: 4px 9px; }
button { cursor: pointer; }
button[aria-pressed="true"] { background: #f5f5f5; color: #111; }
button:focus-visible { outline: 2px solid #e8793a; outline-offset: 1px; }
`;

/** Runs `work` when the page is idle (within a second at most). */
function idle(work: () => void): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 1000 }) : window.setTimeout(work, 50);
}

function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else clearTimeout(handle);
}

/** The host's inline style: zero-size and out of the flow (so nothing of the page moves), the page's CSS overridden. */
const HOST_STYLE = 'all: initial !important; position: absolute !important; width: 0 !important; height: 0 !important; overflow: visible !important;';

/** How long the toolbar stays after the pointer leaves (to reach it from the image). */
const HIDE_DELAY_MS = 400;

let sheet: CSSStyleSheet | null | undefined;

/** One stylesheet for every toolbar (constructed sheets are not subject to the page's style-src CSP). */
function adopt(root: ShadowRoot): void {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

/** One image's toolbar: its host after the image in the page, and the bar in the host's shadow root. */
class Anchor {
  readonly host = markOwn(document.createElement('span'));
  readonly bar = document.createElement('div');
  /** Which part has the toolbar's tab stop (roving tabindex). */
  focusIndex = 0;
  /** Drawn in full (once shown); until then only its first button, the tab stop (cheaper per image). */
  full = false;

  constructor(
    readonly element: Element,
    /** A tab stop the keyboard keeps (a colorized image), or one made for a hover only. */
    readonly keeps: boolean,
  ) {
    // A plain element, no name or attribute of ours; out of the flow, so the page's boxes don't move.
    this.host.style.cssText = HOST_STYLE;
    const root = this.host.attachShadow({ mode: __RECOLOR_TEST__ ? 'open' : 'closed' }); // open only for the axe check
    adopt(root);
    this.bar.className = 'bar';
    this.bar.setAttribute('role', 'toolbar');
    root.append(this.bar);
    (element.parentElement?.tagName === 'PICTURE' ? element.parentElement : element).after(this.host);
  }

  get focused(): boolean {
    return this.bar.matches(':focus-within');
  }

  buttons(): HTMLButtonElement[] {
    return Array.from(this.bar.querySelectorAll('button'));
  }
}

export class HoverControl {
  private readonly anchors = new Map<Element, Anchor>();
  private current: Anchor | undefined;
  private hideTimer: number | undefined;
  private frame = 0;
  /** Tab stops to add when the page is idle (keepSoon), all in one go. */
  private readonly toKeep = new Set<Element>();
  private keeping: number | undefined;

  constructor(
    /** What the toolbar offers for an element now (null: nothing of ours there). */
    private readonly viewOf: (element: Element) => ControlView | null,
    /** The element on screen for it (a stand-in's host while one is shown). */
    private readonly onScreen: (element: Element) => Element,
    lifetime: Lifetime,
  ) {
    lifetime.listen(window, 'scroll', this.follow, { passive: true, capture: true });
    lifetime.listen(window, 'resize', this.follow, { passive: true });
    lifetime.signal.addEventListener('abort', () => {
      clearTimeout(this.hideTimer);
      cancelAnimationFrame(this.frame);
      if (this.keeping !== undefined) cancelIdle(this.keeping);
      this.toKeep.clear();
      for (const anchor of this.anchors.values()) anchor.host.remove();
      this.anchors.clear();
      this.current = undefined;
    });
  }

  /**
   * A keyboard tab stop after a colorized image, added when the page is next idle (with the others
   * due then): not in the task that swaps the result in, which the page waits for.
   */
  keepSoon(element: Element): void {
    if (this.anchors.get(element)?.keeps) return;
    this.toKeep.add(element);
    this.keeping ??= idle(() =>
      timed('overlay', () => {
        this.keeping = undefined;
        for (const waiting of this.toKeep) this.keep(waiting);
        this.toKeep.clear();
      }),
    );
  }

  /** A keyboard tab stop after a colorized image (kept until removed). */
  keep(element: Element): void {
    const anchor = this.anchors.get(element);
    if (anchor?.keeps && anchor.host.isConnected) return;
    anchor?.host.remove();
    const made = new Anchor(element, true);
    this.wire(made);
    this.anchors.set(element, made);
    this.render(made);
  }

  /** The image is no longer ours: its toolbar and tab stop go. */
  remove(element: Element): void {
    this.toKeep.delete(element);
    const anchor = this.anchors.get(element);
    if (!anchor) return;
    if (this.current === anchor) this.current = undefined;
    anchor.host.remove();
    this.anchors.delete(element);
  }

  /** Shows the toolbar over `element` (the pointer is on it), if it has anything to offer. */
  show(element: Element): void {
    clearTimeout(this.hideTimer);
    let anchor = this.anchors.get(element);
    if (!anchor) {
      if (!this.viewOf(element)) return;
      anchor = new Anchor(element, false);
      this.wire(anchor);
      this.anchors.set(element, anchor);
    }
    if (this.current && this.current !== anchor) this.hideNow();
    this.current = anchor;
    anchor.full = true;
    this.render(anchor);
    this.place(anchor);
    anchor.bar.classList.add('shown');
  }

  /** The element whose toolbar is shown, if any. */
  target(): Element | undefined {
    return this.current?.element;
  }

  /** Draws the element's toolbar again if it is shown (its state changed). */
  refresh(element: Element): void {
    const anchor = this.anchors.get(element);
    if (anchor) this.render(anchor);
  }

  scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => {
      if (!this.current?.focused) this.hideNow();
    }, HIDE_DELAY_MS);
  }

  private hideNow(): void {
    const anchor = this.current;
    if (!anchor) return;
    anchor.bar.classList.remove('shown');
    this.current = undefined;
    if (!anchor.keeps) this.remove(anchor.element);
  }

  private wire(anchor: Anchor): void {
    const { bar } = anchor;
    bar.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    bar.addEventListener('mouseleave', () => this.scheduleHide());
    bar.addEventListener('focusin', () => {
      if (this.current !== anchor) this.show(anchor.element);
    });
    bar.addEventListener('focusout', (event) => {
      if (!bar.contains(event.relatedTarget as Node | null)) this.scheduleHide();
    });
    bar.addEventListener('keydown', (event) => {
      if (!event.isTrusted) return;
      const buttons = anchor.buttons();
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
      if (event.key === 'Escape') {
        anchor.bar.classList.remove('shown');
        return;
      }
      if (step === undefined && event.key !== 'Home' && event.key !== 'End') return;
      event.preventDefault();
      const at = Math.max(0, buttons.indexOf(event.target as HTMLButtonElement));
      const to = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + step! + buttons.length) % buttons.length;
      this.focusButton(anchor, to);
    });
  }

  private focusButton(anchor: Anchor, index: number): void {
    const buttons = anchor.buttons();
    anchor.focusIndex = Math.min(index, buttons.length - 1);
    buttons.forEach((button, i) => (button.tabIndex = i === anchor.focusIndex ? 0 : -1));
    buttons[anchor.focusIndex]?.focus();
  }

  private render(anchor: Anchor): void {
    const view = this.viewOf(anchor.element);
    if (!view) {
      this.remove(anchor.element);
      return;
    }
    const hadFocus = anchor.focused;
    anchor.bar.setAttribute('aria-label', view.name);
    const nodes: HTMLElement[] = [];
    const parts = anchor.full ? view.parts : view.parts.slice(0, 1);
    if (view.note && anchor.full) {
      const note = document.createElement('div');
      note.className = 'note';
      note.textContent = view.note;
      nodes.push(note);
    }
    for (const part of parts) nodes.push(part.kind === 'button' ? this.button(anchor, part) : this.value(part));
    anchor.bar.replaceChildren(...nodes);
    const buttons = anchor.buttons();
    anchor.focusIndex = Math.min(anchor.focusIndex, buttons.length - 1);
    buttons.forEach((button, i) => (button.tabIndex = i === anchor.focusIndex ? 0 : -1));
    if (hadFocus) buttons[anchor.focusIndex]?.focus();
  }

  private button(anchor: Anchor, part: Extract<ControlPart, { kind: 'button' }>): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = part.text;
    if (part.name) button.setAttribute('aria-label', part.name);
    if (part.pressed !== undefined) button.setAttribute('aria-pressed', String(part.pressed));
    button.addEventListener('click', (event) => {
      if (!event.isTrusted) return; // the user's click only
      event.preventDefault();
      event.stopPropagation();
      anchor.focusIndex = anchor.buttons().indexOf(button);
      void Promise.resolve(part.run()).finally(() => {
        if (this.anchors.get(anchor.element) === anchor) {
          this.render(anchor);
          if (this.current === anchor) this.place(anchor);
        }
      });
    });
    return button;
  }

  private value(part: Extract<ControlPart, { kind: 'value' }>): HTMLElement {
    const output = document.createElement('output');
    output.textContent = part.text;
    output.setAttribute('aria-label', part.name);
    return output;
  }

  private place(anchor: Anchor): void {
    const on = this.onScreen(anchor.element);
    const rect = on.isConnected ? on.getBoundingClientRect() : null;
    const visible = rect !== null && rect.width > 0 && rect.height > 0;
    anchor.bar.style.display = visible ? '' : 'none';
    if (!rect || !visible) return;
    anchor.bar.style.left = `${rect.left + 6}px`;
    anchor.bar.style.top = `${rect.top + 6}px`;
  }

  /** Scrolling moves the image: a toolbar the keyboard is in follows it; one shown for the pointer goes. */
  private readonly follow = () => {
    if (!this.current || this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.current) return;
      if (this.current.focused) this.place(this.current);
      else this.hideNow();
    });
  };
}
