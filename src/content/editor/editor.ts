// The colour editor over the page (issue 14): the photo large on a canvas, colour hints placed,
// moved and removed on it, a before/after slider, this image's strength, suggested colours from
// the model, a free colour picker and an eyedropper; each change re-colorized by the background
// (the latest change wins: latest.ts). Apply puts the result on the page in place (the caller's
// presenter path), Save image downloads it as a PNG. Everything lives in a closed shadow root the
// page can neither reach nor restyle, and everything is drawn on canvases from decoded bytes (no
// URL of ours is loaded), so a strict CSP (img-src 'self') does not stop it.
import type { ColorHint } from '../../shared/hints.ts';
import { canonicalHints } from '../../shared/hints.ts';
import type { ColorizedImage, ColorizeResponse, SuggestResponse } from '../../shared/messages.ts';
import { base64ToBytes } from '../../shared/base64.ts';
import { loadSettings } from '../../shared/settings-store.ts';
import { t } from '../../ui/i18n.ts';
import { EDITOR_CSS } from './editor-css.ts';
import { amend, canRedo, canUndo, edit, emptyHistory, hintAt, messageHints, redo, undo } from './hint-history.ts';
import type { EditorHint, HintEdit, History } from './hint-history.ts';
import { Latest } from './latest.ts';
import { holdPageScroll } from './scroll-lock.ts';
import { measureSince } from '../timing.ts';
import { download, pngOf, saveName } from './save.ts';

/** What the editor works on, supplied by the page's coordinator. */
export interface EditTarget {
  /** The image's source URL (the saved file is named after it). */
  url: string;
  /** The original picture, loaded (drawn for "before"). */
  original: HTMLImageElement;
  /** Asks the background; no `hints`: the edit remembered for the image, else automatic. */
  colorize(ask: { hints?: ColorHint[]; strength?: number; remember?: boolean }): Promise<ColorizeResponse>;
  suggest(x: number, y: number, hints: ColorHint[]): Promise<SuggestResponse>;
  /** Shows the result on the page in place of the image; false where it could not be shown. */
  apply(result: ColorizedImage): Promise<boolean>;
  /** The editor closed (applied or not). */
  closed(): void;
}

interface Result {
  response: ColorizedImage;
  bitmap: ImageBitmap;
  /** Its pixels, read once for the eyedropper. */
  pixels?: ImageData;
}

interface Request {
  key: string;
  hints: ColorHint[];
  strength: number;
}

/** Marker radius in CSS px; hits count a few px beyond it. */
const MARKER = 8;
const HIT = MARKER + 4;
/** Results kept for instant undo and redo. */
const KEEP_RESULTS = 24;
const KEY_STEP = 0.01;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(labelKey: Parameters<typeof t>[0], onClick: () => void, className = ''): HTMLButtonElement {
  const node = el('button', { type: 'button', className });
  node.textContent = t(labelKey);
  node.addEventListener('click', onClick);
  return node;
}

function labelled(labelKey: Parameters<typeof t>[0], control: HTMLElement): HTMLLabelElement {
  const label = el('label');
  const text = el('span');
  text.textContent = t(labelKey);
  label.append(text, control);
  return label;
}

async function decode(response: ColorizedImage): Promise<ImageBitmap> {
  // Decoded from bytes, never loaded from a URL: no CSP of the page applies.
  return createImageBitmap(new Blob([base64ToBytes(response.base64)], { type: response.mime }));
}

const hex2 = (v: number) => v.toString(16).padStart(2, '0');

export class ColorEditor {
  private readonly host = document.createElement('div');
  private readonly root: ShadowRoot;
  private readonly canvas = el('canvas');
  private readonly status = el('span', { className: 'status' });
  private readonly statusText = el('span');
  private readonly spinner = el('span', { className: 'spinner' });
  private readonly compare = el('input', { type: 'range', min: '0', max: '100', value: '0' });
  private readonly strengthInput = el('input', { type: 'range', min: '0', max: '150', value: '100' });
  private readonly colorGroup = el('fieldset');
  private readonly swatches = el('div', { className: 'swatches' });
  private readonly swatchNote = el('p', { className: 'note' });
  private readonly picker = el('input', { type: 'color', value: '#808080' });
  private readonly eyedropper = button('editEyedropper', () => this.setEyedropper(!this.eyedropping));
  private readonly undoButton = button('editUndo', () => this.change(undo(this.history)));
  private readonly redoButton = button('editRedo', () => this.change(redo(this.history)));
  private readonly removeButton = button('editRemove', () => this.removeSelected());
  private readonly applyButton = button('editApply', () => void this.applyNow(), 'primary');
  private readonly saveButton = button('editSave', () => void this.save());

  private history: History = emptyHistory();
  private strength = 1;
  private selected: number | undefined;
  private cursor = { x: 0.5, y: 0.5 };
  /** The cursor is drawn once the keyboard moves it (a mouse user has the pointer). */
  private keyboardCursor = false;
  private eyedropping = false;
  private drag: { id: number; moved: boolean } | undefined;
  /** The picker's colour gesture: its first input is an undo step, the rest amend it. */
  private picking = false;
  private shown: Result | undefined;
  private readonly results = new Map<string, Result>();
  private readonly latest: Latest<Request, ColorizeResponse>;
  private suggestionsFor = 0;
  private closed = false;
  /** Why the last request gave no result, shown in the status until the next change. */
  private failure: string | undefined;
  private readonly returnFocus: Element | null = document.activeElement;
  private readonly view = { width: 0, height: 0 };
  /** When the hints last changed (performance.now()), until their result is drawn: `npm run bench:hints`. */
  private changedAt: number | undefined;

  constructor(private readonly target: EditTarget) {
    this.root = this.host.attachShadow({ mode: 'closed' });
    this.latest = new Latest((request) => this.target.colorize({ hints: request.hints, strength: request.strength }), {
      answered: (request, answer) => void this.answered(request, answer),
      busy: (busy) => this.setBusy(busy),
    });
  }

  /** Opens over the page: the current result first (an edit remembered for the image, or the automatic one). */
  async open(): Promise<void> {
    this.build();
    this.setBusy(true);
    const first = await this.target.colorize({});
    if (this.closed) return;
    if (first.outcome !== 'colorized') {
      this.setBusy(false);
      this.fail(first);
      return;
    }
    this.history = emptyHistory(first.hints ?? []);
    // An automatic result was made at the setting's strength: the slider starts there.
    this.strength = first.strength ?? (await loadSettings()).strength;
    if (this.closed) return;
    this.strengthInput.value = String(Math.round(this.strength * 100));
    await this.answered(this.request(), first);
    this.setBusy(false);
    this.refreshControls();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.latest.close();
    for (const result of this.results.values()) result.bitmap.close();
    this.results.clear();
    this.host.remove();
    removeEventListener('resize', this.onResize);
    if (this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.target.closed();
  }

  // ---- building

  private build(): void {
    const host = this.host;
    for (const [name, value] of [['all', 'initial'], ['position', 'fixed'], ['inset', '0'], ['z-index', '2147483647']]) {
      host.style.setProperty(name, value, 'important');
    }
    try {
      // A constructed sheet is not subject to the page's style-src CSP, unlike a <style> element.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(EDITOR_CSS);
      this.root.adoptedStyleSheets = [sheet];
    } catch {
      const style = el('style');
      style.textContent = EDITOR_CSS;
      this.root.append(style);
    }
    const title = el('h2', { id: 'recolor-editor-title' });
    title.textContent = t('editTitle');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.status.append(this.spinner, this.statusText);
    const close = button('editClose', () => this.close(), 'close');

    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'application');
    this.canvas.setAttribute('aria-label', t('editPhoto'));
    const help = el('p', { className: 'note' });
    help.textContent = t('editHelp');

    this.compare.addEventListener('input', () => this.draw());
    // Live while dragging (and on each arrow key): every value asks, and Latest (latest.ts) keeps
    // one request in flight with only the newest waiting, so a drag costs no queue of passes.
    this.strengthInput.addEventListener('input', () => {
      this.strength = Number(this.strengthInput.value) / 100;
      this.refresh();
    });
    const legend = el('legend');
    legend.textContent = t('editColorGroup');
    const suggested = el('span', { className: 'label' });
    suggested.textContent = t('editSuggested');
    this.swatches.setAttribute('role', 'group');
    this.swatches.setAttribute('aria-label', t('editSuggested'));
    this.picker.addEventListener('input', () => this.pick(this.picker.value));
    this.picker.addEventListener('change', () => (this.picking = false));
    this.eyedropper.setAttribute('aria-pressed', 'false');
    this.colorGroup.append(legend, suggested, this.swatches, this.swatchNote, labelled('editPick', this.picker), this.eyedropper);

    const side = el(
      'div',
      { className: 'side' },
      labelled('editCompare', this.compare),
      labelled('editStrength', this.strengthInput),
      this.colorGroup,
      el('div', { className: 'row' }, this.undoButton, this.redoButton, this.removeButton, button('editReset', () => this.change(edit(this.history, { kind: 'reset' })))),
      el('div', { className: 'row' }, this.saveButton, this.applyButton),
      help,
    );
    const stage = el('div', { className: 'stage' }, this.canvas);
    const dialog = el('div', { className: 'dialog' }, el('header', {}, title, this.status, close), stage, side);
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', title.id);
    const backdrop = el('div', { className: 'backdrop' }, dialog);
    this.root.append(backdrop);
    document.documentElement.append(host);

    dialog.addEventListener('keydown', (event) => this.onKey(event));
    this.canvas.addEventListener('pointerdown', (event) => this.onPointerDown(event));
    this.canvas.addEventListener('pointermove', (event) => this.onPointerMove(event));
    this.canvas.addEventListener('pointerup', () => this.endDrag());
    this.canvas.addEventListener('pointercancel', () => this.endDrag());
    this.canvas.addEventListener('contextmenu', (event) => this.onContextMenu(event));
    this.canvas.addEventListener('keydown', (event) => this.onCanvasKey(event));
    this.canvas.addEventListener('focus', () => this.draw());
    this.canvas.addEventListener('blur', () => this.draw());
    // Events inside stay inside: the page's own key and pointer handlers must not act on them.
    for (const type of ['keydown', 'keyup', 'keypress', 'pointerdown', 'mousedown', 'click', 'wheel', 'contextmenu']) {
      backdrop.addEventListener(type, (event) => event.stopPropagation());
    }
    // Modal: the page behind does not scroll under it (the side panel still does).
    holdPageScroll(backdrop);
    addEventListener('resize', this.onResize);
    this.refreshControls();
    this.canvas.focus();
  }

  private readonly onResize = () => this.layout();

  /** Sizes the canvas to the photo fitted in the stage (device pixels for a sharp picture). */
  private layout(): void {
    const stage = this.canvas.parentElement;
    const image = this.shown?.bitmap;
    if (!stage || !image) return;
    const room = { width: Math.max(50, stage.clientWidth - 24), height: Math.max(50, stage.clientHeight - 24) };
    const scale = Math.min(room.width / image.width, room.height / image.height);
    this.view.width = Math.max(1, Math.round(image.width * scale));
    this.view.height = Math.max(1, Math.round(image.height * scale));
    const dpr = devicePixelRatio || 1;
    this.canvas.style.width = `${this.view.width}px`;
    this.canvas.style.height = `${this.view.height}px`;
    this.canvas.width = Math.round(this.view.width * dpr);
    this.canvas.height = Math.round(this.view.height * dpr);
    this.draw();
  }

  // ---- drawing

  private draw(): void {
    const context = this.canvas.getContext('2d');
    const result = this.shown;
    if (!context || !result) return;
    const { width, height } = this.canvas;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.drawImage(result.bitmap, 0, 0, width, height);
    const split = (Number(this.compare.value) / 100) * width;
    if (split > 0) {
      context.save();
      context.beginPath();
      context.rect(0, 0, split, height);
      context.clip();
      context.drawImage(this.target.original, 0, 0, width, height);
      context.restore();
      context.fillStyle = '#fff';
      context.fillRect(Math.min(width - 2, split) - 1, 0, 2, height);
    }
    const dpr = width / Math.max(1, this.view.width);
    for (const hint of this.history.present) {
      const selected = hint.id === this.selected;
      const r = (selected ? MARKER + 2 : MARKER) * dpr;
      const [x, y] = [hint.x * width, hint.y * height];
      context.beginPath();
      context.arc(x, y, r, 0, 2 * Math.PI);
      context.fillStyle = hint.color;
      context.fill();
      context.lineWidth = 2.5 * dpr;
      context.strokeStyle = '#fff';
      context.stroke();
      context.beginPath();
      context.arc(x, y, r + 2 * dpr, 0, 2 * Math.PI);
      context.lineWidth = (selected ? 2 : 1) * dpr;
      context.strokeStyle = '#000';
      context.stroke();
    }
    if (this.keyboardCursor && document.activeElement === this.host && this.root.activeElement === this.canvas) {
      // The keyboard cursor.
      const [x, y] = [this.cursor.x * width, this.cursor.y * height];
      context.lineWidth = 2 * dpr;
      for (const [color, offset] of [['#000', 1], ['#fff', 0]] as const) {
        context.strokeStyle = color;
        context.beginPath();
        context.moveTo(x - 12 * dpr + offset, y + offset);
        context.lineTo(x + 12 * dpr + offset, y + offset);
        context.moveTo(x + offset, y - 12 * dpr + offset);
        context.lineTo(x + offset, y + 12 * dpr + offset);
        context.stroke();
      }
    }
  }

  // ---- state changes

  private request(): Request {
    const hints = messageHints(this.history);
    return { key: JSON.stringify([canonicalHints(hints), this.strength]), hints, strength: this.strength };
  }

  /** A new history: redrawn at once, re-colorized (from the kept results where the same hints were seen). */
  private change(next: History): void {
    if (next === this.history) return;
    this.history = next;
    this.failure = undefined;
    this.changedAt ??= performance.now();
    if (this.selected !== undefined && !next.present.some((h) => h.id === this.selected)) this.select(undefined);
    this.refresh();
  }

  private refresh(): void {
    this.refreshControls();
    this.draw();
    const request = this.request();
    const kept = this.results.get(request.key);
    if (kept) {
      this.show(kept);
      return;
    }
    this.latest.ask(request);
  }

  private async answered(request: Request, answer: ColorizeResponse): Promise<void> {
    if (this.closed) return;
    if (answer.outcome !== 'colorized') {
      this.fail(answer);
      return;
    }
    let result = this.results.get(request.key);
    if (!result) {
      result = { response: answer, bitmap: await decode(answer) };
      if (this.closed) return result.bitmap.close();
      this.results.set(request.key, result);
      if (this.results.size > KEEP_RESULTS) {
        const [oldest] = this.results.keys();
        const old = this.results.get(oldest)!;
        if (old !== this.shown) old.bitmap.close();
        this.results.delete(oldest);
      }
    }
    // An answer for hints the user has since changed is kept, not shown.
    if (request.key === this.request().key) this.show(result);
  }

  private show(result: Result): void {
    const resized = !this.shown || this.shown.bitmap.width !== result.bitmap.width || this.shown.bitmap.height !== result.bitmap.height;
    this.shown = result;
    if (resized) this.layout();
    else this.draw();
    if (this.changedAt !== undefined && result === this.results.get(this.request().key)) {
      measureSince('edit', this.changedAt);
      this.changedAt = undefined;
    }
    this.refreshControls();
  }

  private setBusy(busy: boolean): void {
    this.status.classList.toggle('busy', busy);
    this.status.setAttribute('aria-busy', String(busy));
    this.refreshControls();
  }

  /** Says why the last request gave no result (until the next change). */
  private fail(answer: Exclude<ColorizeResponse, { outcome: 'colorized' }>): void {
    this.failure = t('editFailed', answer.outcome === 'failed' ? answer.detail || answer.code : answer.code);
    this.refreshControls();
  }

  private refreshControls(): void {
    const busy = this.status.classList.contains('busy');
    this.statusText.textContent = this.failure ?? (busy ? t('editBusy') : t('editReady', this.history.present.length));
    this.undoButton.disabled = !canUndo(this.history);
    this.redoButton.disabled = !canRedo(this.history);
    this.removeButton.disabled = this.selected === undefined;
    this.colorGroup.disabled = this.selected === undefined;
    // Apply asks for the result of the hints as they are now: it need not wait for one in flight.
    this.applyButton.disabled = !this.shown;
    this.saveButton.disabled = !this.shown || busy;
    const hint = this.selectedHint();
    if (hint) this.picker.value = this.normalHex(hint.color);
    if (!hint) this.swatchNote.textContent = t('editNoSuggestions');
  }

  private normalHex(color: string): string {
    return color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join('')}` : color.toLowerCase();
  }

  private selectedHint(): EditorHint | undefined {
    return this.history.present.find((h) => h.id === this.selected);
  }

  private select(id: number | undefined): void {
    this.selected = id;
    this.setEyedropper(false);
    this.swatches.replaceChildren();
    this.refreshControls();
    this.draw();
    if (id !== undefined) void this.suggest(id);
  }

  /** Fetches the model's likeliest colours at the selected hint (the other hints placed). */
  private async suggest(id: number): Promise<void> {
    const hint = this.history.present.find((h) => h.id === id);
    if (!hint) return;
    const asked = ++this.suggestionsFor;
    this.swatchNote.textContent = t('editBusy');
    const others = this.history.present.filter((h) => h.id !== id).map(({ x, y, color }) => ({ x, y, color }));
    const answer = await this.target.suggest(hint.x, hint.y, others);
    if (this.closed || asked !== this.suggestionsFor || this.selected !== id) return;
    this.swatchNote.textContent = answer.ok ? '' : t('editFailed', answer.error);
    if (!answer.ok) return;
    this.swatches.replaceChildren(...answer.colors.map(({ color, probability }) => this.swatch(color, probability)));
  }

  private swatch(color: string, probability: number): HTMLButtonElement {
    const swatch = el('button', { type: 'button', className: 'swatch' });
    swatch.style.background = color;
    const label = t('editSuggestion', color, Math.round(probability * 100));
    swatch.setAttribute('aria-label', label);
    swatch.title = label;
    swatch.addEventListener('click', () => this.recolorSelected(color));
    return swatch;
  }

  private recolorSelected(color: string): void {
    if (this.selected === undefined) return;
    this.change(edit(this.history, { kind: 'recolor', id: this.selected, color }));
  }

  private pick(color: string): void {
    if (this.selected === undefined) return;
    const change: HintEdit = { kind: 'recolor', id: this.selected, color };
    this.change(this.picking ? amend(this.history, change) : edit(this.history, change));
    this.picking = true;
  }

  private removeSelected(): void {
    if (this.selected === undefined) return;
    this.change(edit(this.history, { kind: 'remove', id: this.selected }));
  }

  private setEyedropper(on: boolean): void {
    this.eyedropping = on && this.selected !== undefined;
    this.eyedropper.setAttribute('aria-pressed', String(this.eyedropping));
  }

  /** The current result's colour at a point (a 3x3 mean), as hex. */
  private colorAt(x: number, y: number): string | undefined {
    const result = this.shown;
    if (!result) return undefined;
    if (!result.pixels) {
      const canvas = document.createElement('canvas');
      canvas.width = result.bitmap.width;
      canvas.height = result.bitmap.height;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return undefined;
      context.drawImage(result.bitmap, 0, 0);
      result.pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    }
    const { data, width, height } = result.pixels;
    const cx = Math.min(width - 1, Math.floor(x * width));
    const cy = Math.min(height - 1, Math.floor(y * height));
    const sum = [0, 0, 0];
    let n = 0;
    for (let row = Math.max(0, cy - 1); row <= Math.min(height - 1, cy + 1); row++) {
      for (let col = Math.max(0, cx - 1); col <= Math.min(width - 1, cx + 1); col++) {
        const p = (row * width + col) * 4;
        for (let c = 0; c < 3; c++) sum[c] += data[p + c];
        n += 1;
      }
    }
    return `#${sum.map((v) => hex2(Math.round(v / n))).join('')}`;
  }

  // ---- placing, moving, removing

  private pointOf(event: MouseEvent): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)),
      y: Math.min(1, Math.max(0, (event.clientY - box.top) / box.height)),
    };
  }

  private hit(x: number, y: number): EditorHint | undefined {
    return hintAt(this.history.present, x, y, this.view.width, this.view.height, HIT);
  }

  /** Places a hint at (x, y) in the current result's colour there, selects it and asks for suggestions. */
  private place(x: number, y: number): void {
    const color = this.colorAt(x, y) ?? '#808080';
    const next = edit(this.history, { kind: 'add', x, y, color });
    if (next === this.history) return;
    const id = next.present[next.present.length - 1].id;
    this.change(next);
    this.select(id);
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 || !this.shown) return;
    event.preventDefault();
    this.canvas.focus();
    const { x, y } = this.pointOf(event);
    this.cursor = { x, y };
    this.keyboardCursor = false;
    if (this.takeColor(x, y)) return;
    const hit = this.hit(x, y);
    if (!hit) return this.place(x, y);
    if (hit.id !== this.selected) this.select(hit.id);
    this.drag = { id: hit.id, moved: false };
    this.canvas.setPointerCapture(event.pointerId);
  }

  /** With the eyedropper on: the selected hint takes the result's colour at (x, y). False where it is off. */
  private takeColor(x: number, y: number): boolean {
    if (!this.eyedropping) return false;
    const color = this.colorAt(x, y);
    this.setEyedropper(false);
    if (color) this.recolorSelected(color);
    return true;
  }

  private onPointerMove(event: PointerEvent): void {
    if (!this.drag) return;
    const { x, y } = this.pointOf(event);
    const change: HintEdit = { kind: 'move', id: this.drag.id, x, y };
    // The first move is the drag's undo step; the rest amend it.
    this.change(this.drag.moved ? amend(this.history, change) : edit(this.history, change));
    this.drag.moved = true;
  }

  private endDrag(): void {
    const drag = this.drag;
    this.drag = undefined;
    if (drag?.moved && drag.id === this.selected) void this.suggest(drag.id);
  }

  private onContextMenu(event: MouseEvent): void {
    event.preventDefault();
    const { x, y } = this.pointOf(event);
    const hit = this.hit(x, y);
    if (hit) this.change(edit(this.history, { kind: 'remove', id: hit.id }));
  }

  // ---- keyboard

  private onCanvasKey(event: KeyboardEvent): void {
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const step = arrows[event.key];
    if (step) {
      event.preventDefault();
      this.keyboardCursor = true;
      const hint = this.selectedHint();
      if (event.shiftKey && hint) {
        this.change(edit(this.history, { kind: 'move', id: hint.id, x: hint.x + step[0] * KEY_STEP, y: hint.y + step[1] * KEY_STEP }));
        const moved = this.selectedHint()!;
        this.cursor = { x: moved.x, y: moved.y };
      } else {
        const factor = event.altKey ? 0.2 : 1;
        this.cursor = {
          x: Math.min(1, Math.max(0, this.cursor.x + step[0] * KEY_STEP * 2 * factor)),
          y: Math.min(1, Math.max(0, this.cursor.y + step[1] * KEY_STEP * 2 * factor)),
        };
      }
      this.draw();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const { x, y } = this.cursor;
      if (this.takeColor(x, y)) return;
      const hit = this.hit(x, y);
      if (hit) this.select(hit.id);
      else this.place(x, y);
      return;
    }
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.removeSelected();
    }
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      this.change(event.shiftKey ? redo(this.history) : undo(this.history));
      return;
    }
    if (mod && event.key.toLowerCase() === 'y') {
      event.preventDefault();
      this.change(redo(this.history));
      return;
    }
    if (event.key === 'Tab') this.trapFocus(event);
  }

  /** Tab and Shift+Tab stay inside the dialog. */
  private trapFocus(event: KeyboardEvent): void {
    const focusable = Array.from(this.root.querySelectorAll<HTMLElement>('button, input, canvas')).filter(
      (node) => !(node as HTMLButtonElement).disabled && !node.closest('fieldset:disabled'),
    );
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.root.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  // ---- keeping the result

  private async applyNow(): Promise<void> {
    if (!this.shown) return;
    this.setBusy(true);
    // The result with these hints is in the background's cache: this asks it to remember them too.
    const { hints, strength } = this.request();
    const answer = await this.target.colorize({ hints, strength, remember: true });
    if (this.closed) return;
    if (answer.outcome !== 'colorized') {
      this.setBusy(false);
      this.fail(answer);
      return;
    }
    const ok = await this.target.apply(answer);
    if (ok) this.close();
    else {
      this.setBusy(false);
      this.failure = t('editNotShown');
      this.refreshControls();
    }
  }

  private async save(): Promise<void> {
    const result = this.shown;
    if (!result) return;
    const blob = result.response.mime === 'image/png' ? new Blob([base64ToBytes(result.response.base64)], { type: 'image/png' }) : await pngOf(result.bitmap);
    download(blob, saveName(this.target.url), this.root);
  }
}
