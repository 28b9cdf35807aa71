// Puts a colorized result on screen and takes it off again: picks the first form the page allows
// (result-forms.ts), swaps it in (swap.ts, together with other results under load: swap-batch.ts),
// flips between it and the original, moves it to the next form when the page refuses one (its CSP),
// puts the original back exactly, and shows the result again at another strength (strength-render.ts).
// A colorized image is described to assistive technology as colorized (its alt is left alone).
// Keeps no per-image state of its own: what it showed is returned as a Shown, which the caller
// keeps in the image's lifecycle state.
import { t } from '../shared/i18n.ts';
import type { ColorizedImage } from '../shared/messages.ts';
import { DATA_URL_MAX_CHARS, dataFirst, formsFor, prepareForm, ResultBytes, standsIn, urlFor } from './result-forms.ts';
import type { Prepared, ResultForm } from './result-forms.ts';
import type { Slicer } from './slicer.ts';
import { browserBatchClock, SwapBatch } from './swap-batch.ts';
import { captureOriginal, dropStandIn, showColorized, showOriginal, showStandIn } from './swap.ts';
import type { Original, Target } from './swap.ts';
import { renderAtStrength } from './strength-render.ts';
import { measureSince, timed } from './timing.ts';

/**
 * What an element's source attributes were when we last wrote them, to tell our own changes from
 * the page's. Kept apart, not joined: a data: URL is ~100 KB, and a joined copy per mutation costs.
 */
type Fingerprint = readonly (string | null)[];

/** A result on screen (or ready to be, while the original is shown). */
export interface Shown {
  form: ResultForm;
  /** The URL shown (data:, blob:), on the element or in the 'shadow' stand-in; empty for the canvas. */
  url: string;
  /** The result shown, at `strength`. */
  color: ResultBytes;
  strength: number;
  /** The result as the background made it, at `baseStrength`: other strengths are made from it. */
  base: ResultBytes;
  baseStrength: number;
  colorWidth: number;
  sourceWidth: number;
  original: Original;
  /** What we last wrote on the element (see Fingerprint). */
  expected?: Fingerprint;
}

export interface Presentable {
  element: Target;
  kind: 'img' | 'background';
  /** A number for the timing measures (timing.ts). */
  id: number;
}

function fingerprint(element: Target): Fingerprint {
  if (element instanceof HTMLImageElement) return [element.getAttribute('src'), element.getAttribute('srcset')];
  return [element.style.getPropertyValue('background-image')];
}

function sameFingerprint(a: Fingerprint, b: Fingerprint | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((value, i) => value === b[i]);
}

function altOf(element: Element): string {
  return element.getAttribute('alt') ?? element.getAttribute('aria-label') ?? '';
}

/** What a colorized image says to assistive technology, beside its alt. */
function describe(standIn: { picture: Element } | undefined | null): void {
  standIn?.picture.setAttribute('aria-description', t('colorizedDescription'));
}

function revoke(url: string | undefined): void {
  if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
}

export class Presenter {
  /** Result forms this page's CSP refused (for loads the page started itself). */
  private readonly blocked = new Set<ResultForm>();
  /** Results shown together under load (swap-batch.ts). */
  private readonly swaps = new SwapBatch(browserBatchClock());

  constructor(private readonly slicer: Slicer) {}

  /**
   * Shows the result in the first form that decodes and the page has not refused, unless
   * `wanted()` says no by the time it would go in (the page moved on). `shown` is called in the
   * same task as the swap (before the page's observers hear of it). Null: no form could be shown.
   */
  async present(
    item: Presentable,
    result: ColorizedImage,
    /** The strength the background made it at, and the one to show it at. */
    strength: { made: number; shown: number },
    /** Whether the page's scripts could read the image themselves (else only the stand-ins). */
    pageMayRead: boolean,
    wanted: () => boolean,
    asOriginal: boolean,
    shown: (what: Shown) => void,
  ): Promise<Shown | 'unwanted' | null> {
    const base = new ResultBytes(result.base64, result.mime);
    const color = strength.made === strength.shown ? base : await renderAtStrength(base, strength.made, strength.shown);
    const swapIn = (form: ResultForm, prepared: Prepared): Shown => {
      const original = captureOriginal(item.element);
      original.standIn = prepared.standIn;
      describe(prepared.standIn);
      const made: Shown = {
        form,
        url: prepared.url,
        color,
        strength: strength.shown,
        base,
        baseStrength: strength.made,
        colorWidth: result.width,
        sourceWidth: result.sourceWidth,
        original,
      };
      this.display(item.element, made, asOriginal);
      shown(made);
      return made;
    };
    const preferData = dataFirst(color.base64.length, navigator.userAgent);
    for (const form of formsFor(item.kind, this.blocked, preferData, pageMayRead)) {
      if (!standsIn(form)) {
        // A large result's bytes (megabytes of base64 decoded and copied into a Blob: several ms)
        // are made in a slice of their own, so no one task holds both that and the swap.
        if (form === 'blob' && color.base64.length > DATA_URL_MAX_CHARS) await this.sliced(() => timed('swap', () => color.blob, item.id));
        // A URL: made and shown in one task, one measure; under load together with the results
        // arriving just after it (swap-batch.ts), by when the page may have moved on.
        return this.swaps.run(() =>
          timed('swap', () => {
            if (!wanted()) return 'unwanted' as const;
            return swapIn(form, { url: urlFor(form, color) });
          }, item.id),
        );
      }
      // A stand-in, decoded (or drawn) first: measured apart from the await.
      const start = performance.now();
      const ready = prepareForm(form, color, altOf(item.element), preferData);
      measureSince('swap', start, item.id);
      const prepared = await ready;
      if (!prepared) continue;
      if (!wanted()) {
        revoke(prepared.url);
        return 'unwanted';
      }
      return timed('swap', () => swapIn(form, prepared), item.id);
    }
    return null;
  }

  /**
   * Shows another result for the same image (the colour editor's) in place of `shown`: in its form
   * where the page still allows it, else the next that it does; the original kept is the page's
   * own. `moved` is called in the same task as the swap. Null: no form could be shown.
   */
  async replace(
    item: Presentable,
    shown: Shown,
    result: ColorizedImage,
    pageMayRead: boolean,
    current: () => boolean,
    moved: (what: Shown) => void,
  ): Promise<Shown | null | 'unwanted'> {
    const color = new ResultBytes(result.base64, result.mime);
    const preferData = dataFirst(result.base64.length, navigator.userAgent);
    const forms = formsFor(item.kind, this.blocked, preferData, pageMayRead);
    for (const form of forms.includes(shown.form) ? [shown.form, ...forms.filter((f) => f !== shown.form)] : forms) {
      const prepared = standsIn(form) ? await prepareForm(form, color, altOf(item.element), preferData) : { url: urlFor(form, color) };
      if (!prepared) continue;
      if (!current()) {
        revoke(prepared.url);
        return 'unwanted';
      }
      const { original } = shown;
      // The old stand-in (if any) goes; the element gets its own attributes back before the new result.
      if (standsIn(shown.form)) dropStandIn(item.element, original);
      original.standIn = prepared.standIn;
      describe(prepared.standIn);
      const next: Shown = {
        form, url: prepared.url, color, strength: result.strength, base: color, baseStrength: result.strength,
        colorWidth: result.width, sourceWidth: result.sourceWidth, original,
      };
      timed('swap', () => this.display(item.element, next, false), item.id);
      revoke(shown.url);
      moved(next);
      return next;
    }
    return null;
  }

  /** Shows the original or our result; returns the element now on screen (a stand-in's host, or the element). */
  display(element: Target, shown: Shown, original: boolean): Element {
    let onScreen: Element = element;
    if (original) showOriginal(element, shown.original);
    else if (standsIn(shown.form)) {
      showStandIn(element as HTMLImageElement, shown.original);
      onScreen = shown.original.standIn?.host ?? element;
    } else {
      showColorized(element, shown.url, shown.colorWidth, shown.sourceWidth);
      element.setAttribute('aria-description', t('colorizedDescription'));
    }
    shown.expected = fingerprint(element);
    return onScreen;
  }

  /** The element on screen for a shown result: the stand-in's host while it is shown. */
  onScreen(element: Element, shown: Shown): Element {
    return (shown.original.hidden && shown.original.standIn?.host) || element;
  }

  /** Takes our result off (putting the original back if asked; else the page has put its own there). */
  remove(element: Target, shown: Shown, putBack: boolean): void {
    if (putBack) showOriginal(element, shown.original);
    else dropStandIn(element, shown.original);
    revoke(shown.url);
  }

  /** Whether the element still shows what we last wrote (not the page's own change). */
  isOurs(element: Target, shown: Shown): boolean {
    return sameFingerprint(fingerprint(element), shown.expected);
  }

  /** The page refuses `form` (a CSP violation or a load error of ours): later results skip it. */
  refuse(form: ResultForm): void {
    this.blocked.add(form);
  }

  /**
   * Shows the result in the next form the page allows, after `failed` was refused; null where none
   * is left (the caller puts the original back). `current()` says whether the item is still the same;
   * `moved` is called in the same task as the swap.
   */
  async fallBack(
    item: Presentable,
    shown: Shown,
    failed: ResultForm,
    showingOriginal: boolean,
    current: () => boolean,
    moved: (what: Shown) => void,
  ): Promise<Shown | null | 'unwanted'> {
    this.refuse(failed);
    const { color, original } = shown;
    for (const form of formsFor(item.kind, this.blocked, dataFirst(color.base64.length, navigator.userAgent))) {
      const prepared = await prepareForm(form, color, altOf(item.element));
      if (!prepared) continue;
      if (!current()) {
        revoke(prepared.url);
        return 'unwanted';
      }
      revoke(shown.url);
      original.standIn = prepared.standIn;
      describe(prepared.standIn);
      const next: Shown = { ...shown, form, url: prepared.url };
      if (standsIn(form)) {
        // The stand-in takes the box the page lays out for its own image (ours, broken, has another).
        showOriginal(item.element, original);
        shown.expected = fingerprint(item.element); // ours: not the page changing its image
        await (item.element as HTMLImageElement).decode().catch(() => undefined);
        if (!current()) return 'unwanted';
      }
      this.display(item.element, next, showingOriginal);
      moved(next);
      return next;
    }
    return null;
  }

  /**
   * Shows the result again at `strength`, made from the background's result (strength-render.ts),
   * in the same form; null where it could not be made or shown (the old one stays).
   */
  async restrength(
    item: Presentable,
    shown: Shown,
    strength: number,
    /** Whether the original is shown (read when the new result goes in). */
    originalShown: () => boolean,
    current: () => boolean,
    /** Called in the same task as the swap (before the page's observers hear of it). */
    moved: (what: Shown) => void,
  ): Promise<Shown | null> {
    const color = await renderAtStrength(shown.base, shown.baseStrength, strength);
    if (!current()) return null;
    const prepared = await prepareForm(shown.form, color, altOf(item.element), dataFirst(color.base64.length, navigator.userAgent));
    if (!prepared) return null;
    if (!current()) {
      revoke(prepared.url);
      return null;
    }
    const { original } = shown;
    const showingOriginal = originalShown();
    const next: Shown = { ...shown, color, strength, url: prepared.url };
    if (prepared.standIn) {
      // The old stand-in goes (the image shows its original for a moment, in this same task).
      const wasShown = original.hidden !== undefined;
      dropStandIn(item.element, original);
      original.standIn = prepared.standIn;
      describe(prepared.standIn);
      if (wasShown && !showingOriginal) showStandIn(item.element as HTMLImageElement, original);
    } else if (!showingOriginal) this.display(item.element, next, false);
    revoke(shown.url);
    moved(next);
    return next;
  }

  /** Runs main-thread work as one of the slicer's tasks (within its per-frame budget). */
  sliced<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) =>
      this.slicer.add(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      }),
    );
  }
}
