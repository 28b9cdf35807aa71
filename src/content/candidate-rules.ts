// Which elements are worth a look, and the small calculations the swap needs. Pure (strings and
// numbers in, strings and numbers out), so it is table-tested without a browser.
import { MAX_SOURCE_PIXELS, MIN_SOURCE_SIDE } from '../shared/limits.ts';
import type { SkipCode } from '../shared/result.ts';

/** Smaller boxes are icons, avatars, buttons: not photos worth colorizing. */
export const MIN_DISPLAY_SIDE = 96;

export function isBigEnough(width: number, height: number): boolean {
  return width >= MIN_DISPLAY_SIDE && height >= MIN_DISPLAY_SIDE;
}

/**
 * The image URL of a computed `background-image`, when it is exactly one url() layer. Gradients,
 * image-set() and several layers are left alone: swapping one layer of those would change the
 * element's look in ways the user didn't ask for.
 */
export function singleBackgroundUrl(value: string): string | null {
  const match = /^\s*url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^"'()\s]+))\s*\)\s*$/.exec(value);
  if (!match) return null;
  const raw = match[1] ?? match[2] ?? match[3] ?? '';
  const url = raw.replace(/\\(.)/g, '$1');
  return url || null;
}

/** A CSS url() value for a URL we made (blob: or data:), quoted safely. */
export function cssUrl(url: string): string {
  return `url("${url.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\a ' : `\\${c}`))}")`;
}

/**
 * The density descriptor that keeps an <img> the same intrinsic size once its source is swapped:
 * the page may have picked a 2x srcset candidate (natural width = pixels / 2), and our result may be
 * scaled down from the source. Rounded so the srcset string stays short.
 */
export function densityFor(resultPixelWidth: number, naturalWidth: number): number {
  if (naturalWidth <= 0 || resultPixelWidth <= 0) return 1;
  return Math.round((resultPixelWidth / naturalWidth) * 10000) / 10000;
}

export function srcsetFor(url: string, density: number): string {
  // Safe for our URLs: srcset splits candidates on whitespace, and blob:/base64 data: URLs have none.
  return `${url} ${density}x`;
}

export type SourceRoute = 'direct' | 'background' | 'skip';

/** Scheme and host (with any port) of an absolute http(s) URL, past any user info. */
const HTTP_AUTHORITY = /^(https?):\/\/(?:[^@/?#]*@)?([^/?#]+)/i;
const DEFAULT_PORT: Record<string, string> = { http: ':80', https: ':443' };

/**
 * How the content script reads an image: pixels of same-origin, data: and blob: images can be read
 * from a canvas here; other http(s) images go through the background (a canvas would be tainted).
 * String work only, no URL parse: it runs for every candidate on the page's main thread.
 */
export function routeFor(url: string, pageOrigin: string): SourceRoute {
  if (url.startsWith('data:image/') || url.startsWith('blob:')) return 'direct';
  const match = HTTP_AUTHORITY.exec(url);
  if (!match) return 'skip';
  const scheme = match[1].toLowerCase();
  const host = match[2].toLowerCase();
  const origin = `${scheme}://${host.endsWith(DEFAULT_PORT[scheme]) ? host.slice(0, -DEFAULT_PORT[scheme].length) : host}`;
  return origin === pageOrigin ? 'direct' : 'background';
}

/**
 * Whether the page's own scripts may read the pixels of an image from `url`: its own (same-origin,
 * data:, blob:), or one it loaded with CORS (`corsRequested`: a crossorigin attribute, whose load
 * fails unless the server consents). A cross-origin image without CORS is hidden from the page by
 * the same-origin policy, and so must its colorized result be (result-forms.ts). Pure.
 */
export function pageMayRead(url: string, pageOrigin: string, corsRequested: boolean): boolean {
  const route = routeFor(url, pageOrigin);
  return route === 'direct' || (route === 'background' && corsRequested);
}

/** "image/svg+xml" data URLs and .svg paths: vector art, never a photo. */
export function looksVector(url: string): boolean {
  if (url.startsWith('data:')) return /^data:image\/svg/i.test(url);
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/, 1)[0];
  return /\.svgz?$/i.test(path);
}


/** What the content script knows of an element near the viewport when it looks at it. */
export interface CandidateFacts {
  kind: 'img' | 'background';
  /** An <img>'s load state and natural size; null for a CSS background. */
  image: { complete: boolean; naturalWidth: number; naturalHeight: number } | null;
  /** Its box as the observers last reported it. */
  box: { width: number; height: number };
  /** Its image's URL, read only when the cheaper checks pass (a background's costs a style read). */
  url(): string | null;
  pageOrigin: string;
}

export type CandidateVerdict =
  /** An <img> without pixels yet: looked at again once it loads. */
  | { next: 'wait-load' }
  /** A box too small for a photo now: looked at again if it grows. */
  | { next: 'wait-size' }
  | { next: 'skip'; code: SkipCode; detail: string }
  /** Ask about it: a web image the background fetches and checks, or the page's own (read here). */
  | { next: 'ask'; url: string; web: boolean };

/** Whether automatic colorizing asks about an element, and if not, why not or not yet. Pure (but for `url()`). */
export function judgeCandidate(facts: CandidateFacts): CandidateVerdict {
  const { image, box } = facts;
  if (image) {
    if (!image.complete) return { next: 'wait-load' };
    if (Math.min(image.naturalWidth, image.naturalHeight) < MIN_SOURCE_SIDE) return { next: 'skip', code: 'too-small', detail: 'tiny source' };
    if (image.naturalWidth * image.naturalHeight > MAX_SOURCE_PIXELS) return { next: 'skip', code: 'too-large', detail: `${image.naturalWidth}x${image.naturalHeight}` };
  }
  if (!isBigEnough(box.width, box.height)) return { next: 'wait-size' };
  const url = facts.url();
  const route = url ? routeFor(url, facts.pageOrigin) : 'skip';
  if (!url || looksVector(url) || route === 'skip') return { next: 'skip', code: 'not-raster', detail: url ?? 'no URL' };
  // Another origin's CSS background: its result could only be shown as a URL the page could read.
  if (facts.kind === 'background' && route === 'background') return { next: 'skip', code: 'unreadable', detail: 'cross-origin background' };
  return { next: 'ask', url, web: /^https?:/.test(url) };
}
