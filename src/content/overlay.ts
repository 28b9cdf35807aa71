// The extension's only visible page furniture: a small pulsing dot on images being worked on, and
// an original/colorized switch on hover. It lives in one fixed, zero-size host on <html> (outside
// <body>, so it can't move the page's boxes), in a closed shadow root the page's CSS can't reach.

const CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; pointer-events: none; z-index: 2147483647; }
.dot { position: fixed; width: 10px; height: 10px; border-radius: 50%; background: #e8793a; box-shadow: 0 0 0 2px rgba(255,255,255,.85);
  animation: pulse 1.2s ease-in-out infinite; }
@keyframes pulse { 0%, 100% { opacity: .35; } 50% { opacity: 1; } }
button { position: fixed; pointer-events: auto; font: 600 11px/1 system-ui, sans-serif; color: #fff; background: rgba(30,30,30,.78);
  border: 1px solid rgba(255,255,255,.35); border-radius: 11px; padding: 5px 9px; cursor: pointer; opacity: 0; transition: opacity .15s; }
button.shown { opacity: 1; }
button:focus-visible { outline: 2px solid #e8793a; }
`;

export interface OverlayTarget {
  element: Element;
}

export class Overlay {
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private readonly dots = new Map<Element, HTMLElement>();
  private button: HTMLButtonElement | undefined;
  private buttonFor: Element | undefined;
  private hideTimer: number | undefined;
  private frame = 0;

  constructor(private readonly onSwitch: (element: Element) => void) {}

  private ensure(): HTMLElement {
    if (this.layer && this.host?.isConnected) return this.layer;
    const host = document.createElement('recolor-overlay');
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('width', '0', 'important');
    host.style.setProperty('height', '0', 'important');
    const root = host.attachShadow({ mode: 'closed' });
    try {
      // A constructed sheet is not subject to the page's style-src CSP, unlike a <style> element.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CSS;
      root.append(style);
    }
    const layer = document.createElement('div');
    layer.className = 'layer';
    root.append(layer);
    document.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    addEventListener('scroll', this.reposition, { passive: true, capture: true });
    addEventListener('resize', this.reposition, { passive: true });
    return layer;
  }

  private readonly reposition = () => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const [element, dot] of this.dots) this.place(dot, element, 'dot');
      if (this.button && this.buttonFor) this.hideControl();
    });
  };

  private place(node: HTMLElement, element: Element, kind: 'dot' | 'button'): void {
    const rect = element.getBoundingClientRect();
    const visible = element.isConnected && rect.width > 0 && rect.height > 0;
    node.style.display = visible ? '' : 'none';
    if (!visible) return;
    if (kind === 'dot') {
      node.style.left = `${rect.right - 16}px`;
      node.style.top = `${rect.top + 6}px`;
    } else {
      node.style.left = `${rect.left + 6}px`;
      node.style.top = `${rect.top + 6}px`;
    }
  }

  showWorking(element: Element): void {
    if (this.dots.has(element)) return;
    const dot = document.createElement('div');
    dot.className = 'dot';
    dot.title = 'Recolor is colorizing this image';
    this.ensure().append(dot);
    this.dots.set(element, dot);
    this.place(dot, element, 'dot');
  }

  doneWorking(element: Element): void {
    this.dots.get(element)?.remove();
    this.dots.delete(element);
  }

  showControl(element: Element, showingOriginal: boolean): void {
    clearTimeout(this.hideTimer);
    if (!this.button) {
      const button = document.createElement('button');
      button.type = 'button';
      button.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        if (this.buttonFor) this.onSwitch(this.buttonFor);
      });
      button.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
      button.addEventListener('mouseleave', () => this.scheduleHide());
      this.ensure().append(button);
      this.button = button;
    }
    this.buttonFor = element;
    this.button.textContent = showingOriginal ? 'Show colorized' : 'Show original';
    this.button.setAttribute('aria-label', `Recolor: ${this.button.textContent.toLowerCase()}`);
    this.place(this.button, element, 'button');
    this.button.classList.add('shown');
  }

  scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.hideControl(), 400);
  }

  hideControl(): void {
    this.button?.classList.remove('shown');
    if (this.button) this.button.style.display = 'none';
    this.buttonFor = undefined;
  }

  controlTarget(): Element | undefined {
    return this.buttonFor;
  }
}
