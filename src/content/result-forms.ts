// The forms a colorized result can be shown in, best first: a data: URL or a blob: URL on the
// element itself, or a stand-in for an <img>: a host element just before it (the image hidden)
// whose closed shadow root holds our picture, as an <img> ('shadow') or a canvas drawn here
// ('canvas'). Chromium and Firefox let a load that the content script starts past the page's CSP,
// but a load the page starts itself (its script setting the src again, a re-layout picking a srcset
// candidate) is checked against img-src: there a page that blocks data: or blob: breaks our image
// unless it falls back to a form it allows (the canvas has no URL at all). An image the page could
// not read itself (cross-origin without CORS) is shown only in a stand-in: a URL in the page's DOM
// would let its scripts read the result's pixels, which keep every pixel's lightness of an image
// the same-origin policy hides from them; inside a closed shadow root the page reaches nothing
// (the 'shadow' <img> still gives the right-click menu an image and its URL).
import { base64ToBytes } from '../shared/base64.ts';
import { markOwn } from './own-nodes.ts';

export type ResultForm = 'blob' | 'data' | 'shadow' | 'canvas';

/** Whether a form stands in for the <img> (a host before it), rather than changing the element's own URL. */
export function standsIn(form: ResultForm): form is 'shadow' | 'canvas' {
  return form === 'shadow' || form === 'canvas';
}

/**
 * Results up to this much base64 go in as data: URLs: the message already carries base64, so the
 * page's main thread only joins two strings; with `src` set, 0.05 ms for a 512x512 result on the
 * 2-core VM, where bytes, a Blob and a blob: URL cost 0.8 ms (`npm run bench:content`). Larger ones
 * go in as blob: URLs: Chromium passes no URL over 2 MB between processes (a right-click on it
 * would name no image).
 */
export const DATA_URL_MAX_CHARS = 1024 * 1024;

/**
 * Whether a data: URL comes before a blob: URL for a result of this size in this browser. Not in
 * Firefox: there an image a content script loads from a data: URL counts as another origin's to
 * the page, whose own canvas reads of it then throw (a blob: URL's does not). Pure.
 */
export function dataFirst(base64Chars: number, userAgent: string): boolean {
  return base64Chars <= DATA_URL_MAX_CHARS && !/\bFirefox\//.test(userAgent);
}

/**
 * The forms to try for an element, best first, leaving out those the page has blocked; only the
 * stand-ins where the page may not read the image (`pageMayRead` false). A CSS background has no
 * stand-in. Pure.
 */
export function formsFor(kind: 'img' | 'background', blocked: ReadonlySet<ResultForm>, preferData: boolean, pageMayRead = true): ResultForm[] {
  if (!pageMayRead) return kind === 'img' ? ['shadow', 'canvas'] : [];
  const urls: ResultForm[] = preferData ? ['data', 'blob'] : ['blob', 'data'];
  return (kind === 'img' ? [...urls, 'canvas' as const] : urls).filter((form) => !blocked.has(form));
}

/** A colorized result as the background sent it (base64), with its bytes as a Blob made on demand. */
export class ResultBytes {
  private made: Blob | undefined;

  constructor(
    readonly base64: string,
    readonly mime: string,
  ) {}

  get blob(): Blob {
    return (this.made ??= new Blob([base64ToBytes(this.base64)], { type: this.mime }));
  }
}

/**
 * The form a CSP violation report says the page blocks for images, if it is one we use. Browsers
 * report a blob: or data: URL by its scheme alone ("blob", "data"). Pure.
 */
export function blockedForm(blockedURI: string, effectiveDirective: string): ResultForm | null {
  if (effectiveDirective !== 'img-src') return null;
  const scheme = /^(blob|data)(:|$)/.exec(blockedURI)?.[1];
  return scheme === 'blob' || scheme === 'data' ? scheme : null;
}

/** A stand-in: a host element in the page's DOM, and our picture in its closed shadow root. */
export interface StandIn {
  host: HTMLElement;
  picture: HTMLImageElement | HTMLCanvasElement;
}

export interface Prepared {
  /** The URL shown (blob:, data:), on the element or the 'shadow' stand-in's <img>; empty for the canvas. */
  url: string;
  standIn?: StandIn;
}

/**
 * Makes the result ready to show in `form`; null where it won't decode (a stand-in is decoded
 * first). URL forms on the element are not test-loaded first: the bytes are our own encoder's, and
 * where the page refuses a form later, the image's error event (or the CSP violation, for a
 * background) moves it to the next one. `preferData`: the URL form the 'shadow' stand-in uses.
 */
export function prepareForm(form: ResultForm, result: ResultBytes, alt: string, preferData = true): Prepared | Promise<Prepared | null> {
  if (form === 'canvas') return drawResult(result.blob, alt).then((standIn) => ({ url: '', standIn }), () => null);
  if (form === 'shadow') {
    const url = urlFor(preferData ? 'data' : 'blob', result);
    return shadowImage(url, alt).then(
      (standIn) => ({ url, standIn }),
      () => {
        if (url.startsWith('blob:')) URL.revokeObjectURL(url);
        return null;
      },
    );
  }
  return { url: urlFor(form, result) };
}

/** The URL forms, made synchronously: the caller shows it in the same task (nothing of the page's runs in between). */
export function urlFor(form: 'blob' | 'data', result: ResultBytes): string {
  return form === 'blob' ? URL.createObjectURL(result.blob) : `data:${result.mime};base64,${result.base64}`;
}

/** A host element whose closed shadow root holds `picture`: nothing in it the page's scripts can reach. */
function standIn(picture: HTMLImageElement | HTMLCanvasElement): StandIn {
  const host = markOwn(document.createElement('span'));
  host.attachShadow({ mode: 'closed' }).append(picture);
  return { host, picture };
}

/** The result as an <img> in a closed shadow root, decoded; not draggable (a drop would hand the page its URL). */
async function shadowImage(url: string, alt: string): Promise<StandIn> {
  const img = document.createElement('img');
  img.alt = alt;
  img.draggable = false;
  img.src = url;
  await img.decode();
  return standIn(img);
}

/**
 * The result drawn on a canvas inside a closed shadow root: no URL for the page's CSP to refuse.
 * Announced as the image was.
 */
async function drawResult(blob: Blob, alt: string): Promise<StandIn> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
  bitmap.close();
  canvas.setAttribute('role', 'img');
  if (alt) canvas.setAttribute('aria-label', alt);
  return standIn(canvas);
}
