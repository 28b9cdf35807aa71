// The one message contract between content scripts, UI pages and the background. Each message is
// declared once, in a protocol map below (its fields' checks, its response type and, for requests
// to the background, who may send it); the message types, the validators (parse*) and the sender
// rule are derived from it. A malformed or unexpected message is dropped, never acted on.
import { isHintList } from './hints.ts';
import type { ColorHint } from './hints.ts';
import { isStrength } from './strength.ts';
import type { Result } from './result.ts';
import type { SiteDecision } from './sites.ts';

export type Priority = 'user' | 'visible' | 'background';

/** Pixels travel as base64: extension messaging turns typed arrays into objects of indices. */
export interface EncodedImage {
  base64: string;
  mime: string;
  width: number;
  height: number;
}

/** Where the background gets the image from: a URL it fetches, or bytes the content script read. */
export type ImageSource =
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; url: string; base64: string; mime: string };

// ---- values

export interface TabStatus {
  ok: true;
  site: string | null;
  decision: SiteDecision;
  colorized: number;
  working: number;
  candidates: number;
  showingOriginals: boolean;
}

export type EngineState = 'not-loaded' | 'loading' | 'ready' | 'failed';

export interface EngineStatus {
  ok: true;
  state: EngineState;
  backend?: string;
  reason?: string;
  modelVersion?: string;
  error?: string;
}

export interface CacheStats {
  ok: true;
  entries: number;
  bytes: number;
  maxBytes: number;
}

export type Failure = { ok: false; error: string };

/**
 * The colorized image as the background sends it, with the size of the source it was made from.
 * `strength`: the one it was made at (the content script re-makes it at others). `hints`: what an
 * edited result was made with (the request's, or the ones remembered for the image when the
 * request named none); absent for an automatic result.
 */
export type ColorizedImage = EncodedImage & { cached: boolean; sourceWidth: number; sourceHeight: number; strength: number; hints?: ColorHint[] };
/** The background's answer to a colorize request (the result contract, result.ts). */
export type ColorizeResponse = Result<ColorizedImage>;
/** One suggested colour for a new hint: CSS hex sRGB and the model's probability of it there. */
export interface SuggestedColor {
  color: string;
  probability: number;
}
export type SuggestResponse = { ok: true; colors: SuggestedColor[] } | Failure;
/** What a menu command did in the page. */
export type CommandAnswer = { ok: boolean; error?: string };

// ---- field checks: each a type guard, so a message's type is derived from its checks

type Guard<T> = (value: unknown) => value is T;

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length < 64 * 1024 * 1024;
const isUrl = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 8192;
/** A right-clicked image's URL: ours are data: URLs of up to ~1 MB; Chromium passes none over 2 MB. */
const isShownUrl = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 2 * 1024 * 1024;
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7;
const isTabId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 31;
const isFraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isPriority = (v: unknown): v is Priority => v === 'user' || v === 'visible' || v === 'background';
const isMime = (v: unknown): v is string => typeof v === 'string' && /^image\/[a-z0-9.+-]+$/.test(v);
/** A colour editor's session id (content/editor/session-id.ts makes 32 hex digits). */
const isSessionId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64;
const optional =
  <T>(check: Guard<T>): Guard<T | undefined> =>
  (v: unknown): v is T | undefined =>
    v === undefined || check(v);
const isSource = (v: unknown): v is ImageSource => {
  if (!isObject(v)) return false;
  if (v.kind === 'url') return isUrl(v.url);
  if (v.kind === 'bytes') return isUrl(v.url) && isStr(v.base64) && isMime(v.mime);
  return false;
};

/** A response type, named in the protocol map (a type only: nothing is checked at run time). */
const answer = <T>() => undefined as unknown as T;

type Shape = Record<string, Guard<unknown>>;
type Checked<G> = G extends Guard<infer T> ? T : never;
type Optional<S extends Shape> = { [K in keyof S]: undefined extends Checked<S[K]> ? K : never }[keyof S];
/** The fields a shape checks, as a type: fields whose check accepts undefined are optional. */
type Fields<S extends Shape> = { [K in Exclude<keyof S, Optional<S>>]: Checked<S[K]> } & { [K in Optional<S>]?: Checked<S[K]> };

/** Who may send a background request: a content script in a web page, or one of our own pages (options). */
export type Sender = 'content-script' | 'extension-page';

interface Entry<S extends Shape, R> {
  shape: S;
  response: R;
}

export interface SkippedImage {
  url: string;
  verdict: string;
}
export interface TabReport extends TabStatus {
  /** Images the detector skipped on the tab's current page. */
  skipped: number;
  /** The first of them (at most TAB_REPORT_MAX_SKIPS). */
  skips: SkippedImage[];
}
export const TAB_REPORT_MAX_SKIPS = 50;

// ---- the protocol: every message declared once

/** Requests to the background: fields checked on arrival, the response, and who may send it. */
const BACKGROUND = {
  /** Which site the tab shows: frames decide by the top page's site, which cross-origin frames can't read. */
  'page-site': { from: 'content-script', shape: {}, response: answer<{ ok: true; site: string | null }>() },
  /**
   * Colorize an image. `detect` (automatic colorizing): the background runs the detector first and
   * answers `skipped` unless it is a black-and-white or toned photo (the page's main thread never
   * decodes or measures it). A user's request leaves it out: what they picked is colorized.
   * `hints` (the colour editor): the user's colour hints (shared/hints.ts, at most
   * MAX_MESSAGE_HINTS); a request with hints is never run through the detector, and its result is
   * cached under the image and those hints. A request without `hints` gets the hints remembered
   * for the image's content (an edit applied earlier), if any. `strength`: this image's own chroma
   * scale (the editor's slider) instead of the setting. `remember`: keep these hints and strength
   * for the image's content (the editor's Apply; an empty list forgets). `editorSession`: the
   * colour editor asks, in the session it made when it opened; the background keeps the image
   * decoded for that session (until its 'editor-closed'), so the next hint does not decode it
   * again. A request of a session already closed is answered but keeps nothing.
   */
  colorize: {
    from: 'content-script',
    shape: {
      source: isSource,
      priority: isPriority,
      detect: optional(isBool),
      hints: optional(isHintList),
      strength: optional(isStrength),
      remember: optional(isBool),
      editorSession: optional(isSessionId),
    },
    response: answer<ColorizeResponse>(),
  },
  /**
   * The colour editor: the model's likeliest colours at a point (fractions of the image), with the
   * hints placed so far; the image is kept for `editorSession` as a colorize's is.
   */
  'suggest-colors': {
    from: 'content-script',
    shape: { source: isSource, x: isFraction, y: isFraction, hints: optional(isHintList), editorSession: isSessionId },
    response: answer<SuggestResponse>(),
  },
  /**
   * The colour editor's session closed: the image the background kept for its colorizes and
   * suggestions (editor-images.ts) is dropped, and its requests still on their way keep nothing.
   */
  'editor-closed': { from: 'content-script', shape: { editorSession: isSessionId }, response: answer<{ ok: true }>() },
  /** The page's counts, for the toolbar badge and menu. */
  'page-status': {
    from: 'content-script',
    shape: { colorized: isCount, working: isCount, candidates: isCount, showingOriginals: isBool },
    response: answer<{ ok: true }>(),
  },
  /** The pointer entered or left an image: whether it shows our colorized result (which menu entries fit). */
  'menu-target': { from: 'content-script', shape: { showsColorized: isBool }, response: answer<{ ok: true }>() },
  /** The engine's state; `load`: load the model now if it is not loaded yet (the options page's "check" button). */
  'engine-status': { from: 'extension-page', shape: { load: isBool }, response: answer<EngineStatus>() },
  'cache-stats': { from: 'extension-page', shape: {}, response: answer<CacheStats | Failure>() },
  'cache-clear': { from: 'extension-page', shape: {}, response: answer<CacheStats | Failure>() },
  /** The toolbar popup: what Recolor does on a tab (the badge's counts, the site's decision, the skips). */
  'tab-report': { from: 'extension-page', shape: { tabId: isTabId }, response: answer<TabReport | Failure>() },
} satisfies Record<string, Entry<Shape, unknown> & { from: Sender }>;

/** Commands from the background to a content script (sent to a tab, all frames or one frame). */
const CONTENT = {
  'menu-colorize': { shape: { srcUrl: isShownUrl }, response: answer<CommandAnswer>() },
  'menu-show-original': { shape: { srcUrl: isShownUrl }, response: answer<CommandAnswer>() },
  /** Open the colour editor on the image (colorizing it first if it is not yet). */
  'menu-edit-colors': { shape: { srcUrl: isShownUrl }, response: answer<CommandAnswer>() },
  'set-show-originals': { shape: { show: isBool }, response: answer<{ ok: true }>() },
  'get-page-status': { shape: {}, response: answer<PageStatusReport>() },
} satisfies Record<string, Entry<Shape, unknown>>;

type Messages<P extends Record<string, { shape: Shape }>> = { [K in keyof P & string]: { type: K } & Fields<P[K]['shape']> };

type BackgroundMessages = Messages<typeof BACKGROUND>;
export type BackgroundRequest = BackgroundMessages[keyof BackgroundMessages];
export type BackgroundRequestOf<K extends BackgroundRequest['type']> = BackgroundMessages[K];
export type ResponseMap = { [K in keyof typeof BACKGROUND]: (typeof BACKGROUND)[K]['response'] };

type ContentMessages = Messages<typeof CONTENT>;
export type ContentCommand = ContentMessages[keyof ContentMessages];
export type ContentResponseMap = { [K in keyof typeof CONTENT]: (typeof CONTENT)[K]['response'] };

export type PageStatusReport = BackgroundRequestOf<'page-status'>;

/** Who may send a request of this type (index.ts checks the sender against it). */
export function senderOf(type: BackgroundRequest['type']): Sender {
  return BACKGROUND[type].from;
}

// ---- validation

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseWith<T>(protocol: Record<string, { shape: Shape }>, value: unknown): T | null {
  if (!isObject(value) || typeof value.type !== 'string') return null;
  if (!Object.hasOwn(protocol, value.type)) return null;
  const shape = protocol[value.type].shape;
  return Object.entries(shape).every(([key, check]) => check(value[key])) ? (value as T) : null;
}

export function parseBackgroundRequest(value: unknown): BackgroundRequest | null {
  return parseWith<BackgroundRequest>(BACKGROUND, value);
}

export function parseContentCommand(value: unknown): ContentCommand | null {
  return parseWith<ContentCommand>(CONTENT, value);
}

// ---- the content script's request port
/**
 * Content scripts send their requests over one long-lived port of this name, each in an envelope
 * with a number the response comes back with: posting on an open port costs the sender's main
 * thread 0.007 ms, runtime.sendMessage 0.04 ms, ~0.3 ms while the model runs (it opens a channel
 * per message; `npm run bench:content`, bench/README.md).
 */
export const REQUEST_PORT = 'recolor-requests';

export interface PortRequest {
  id: number;
  request: BackgroundRequest;
}

export interface PortResponse {
  id: number;
  response: unknown;
}

export function parsePortRequest(value: unknown): PortRequest | null {
  if (!isObject(value) || !isCount(value.id)) return null;
  const request = parseBackgroundRequest(value.request);
  return request ? { id: value.id as number, request } : null;
}

export function parsePortResponse(value: unknown): PortResponse | null {
  return isObject(value) && isCount(value.id) && 'response' in value ? { id: value.id as number, response: value.response } : null;
}
