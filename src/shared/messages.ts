// The one message contract between content scripts, UI pages and the background. Every message is
// validated on arrival (parse*), so a malformed or unexpected message is dropped, never acted on.
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

// ---- content script -> background
/** Which site the tab shows: frames decide by the top page's site, which cross-origin frames can't read. */
export interface PageSiteRequest {
  type: 'page-site';
}
export interface ColorizeRequest {
  type: 'colorize';
  source: ImageSource;
  priority: Priority;
  /**
   * Automatic colorizing: the background runs the detector on the image first and answers
   * `skipped` unless it is a black-and-white or toned photo (the page's main thread never decodes
   * or measures it). A user's request leaves it out: what they picked is colorized.
   */
  detect?: boolean;
}
/** The pointer entered or left an image: whether it shows our colorized result (which menu entries fit). */
export interface MenuTargetReport {
  type: 'menu-target';
  showsColorized: boolean;
}
export interface PageStatusReport {
  type: 'page-status';
  colorized: number;
  working: number;
  candidates: number;
  showingOriginals: boolean;
}

// ---- UI page -> background
export interface EngineStatusRequest {
  type: 'engine-status';
  /** Load the model now if it is not loaded yet (the options page's "check" button). */
  load: boolean;
}
export interface CacheStatsRequest {
  type: 'cache-stats';
}
export interface CacheClearRequest {
  type: 'cache-clear';
}
/** The toolbar popup: what Recolor does on a tab (the badge's counts, the site's decision, the skips). */
export interface TabReportRequest {
  type: 'tab-report';
  tabId: number;
}

export type BackgroundRequest =
  | PageSiteRequest
  | ColorizeRequest
  | PageStatusReport
  | MenuTargetReport
  | EngineStatusRequest
  | CacheStatsRequest
  | CacheClearRequest
  | TabReportRequest;

export type Failure = { ok: false; error: string };

export type ColorizeResponse =
  | ({ ok: true; cached: boolean; sourceWidth: number; sourceHeight: number } & EncodedImage)
  | Failure
  /** `detect` was asked and the detector says it is no black-and-white photo (error: its verdict). */
  | { ok: false; skipped: true; error: string };

export interface TabStatus {
  ok: true;
  site: string | null;
  decision: SiteDecision;
  colorized: number;
  working: number;
  candidates: number;
  showingOriginals: boolean;
}

/** An image automatic colorizing left alone, and the detector's verdict ("color: several hues"). */
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

export interface ResponseMap {
  'page-site': { ok: true; site: string | null };
  colorize: ColorizeResponse;
  'page-status': { ok: true };
  'menu-target': { ok: true };
  'engine-status': EngineStatus;
  'cache-stats': CacheStats | Failure;
  'cache-clear': CacheStats | Failure;
  'tab-report': TabReport | Failure;
}

// ---- background -> content script (sent to a tab, all frames or one frame)
export type ContentCommand =
  | { type: 'menu-colorize'; srcUrl: string }
  | { type: 'menu-show-original'; srcUrl: string }
  | { type: 'set-show-originals'; show: boolean }
  | { type: 'get-page-status' };

export interface ContentResponseMap {
  'menu-colorize': { ok: boolean; error?: string };
  'menu-show-original': { ok: boolean; error?: string };
  'set-show-originals': { ok: true };
  'get-page-status': PageStatusReport;
}

// ---- validation
type Shape = Record<string, (value: unknown) => boolean>;

const isStr = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length < 64 * 1024 * 1024;
const isUrl = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 8192;
/** A right-clicked image's URL: ours are data: URLs of up to ~1 MB; Chromium passes none over 2 MB. */
const isShownUrl = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 2 * 1024 * 1024;
const isBool = (v: unknown) => typeof v === 'boolean';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7;
const isTabId = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 31;
const isPriority = (v: unknown) => v === 'user' || v === 'visible' || v === 'background';
const isMime = (v: unknown) => typeof v === 'string' && /^image\/[a-z0-9.+-]+$/.test(v);
const isSource = (v: unknown): boolean => {
  if (!isObject(v)) return false;
  if (v.kind === 'url') return matches(v, { kind: () => true, url: isUrl });
  if (v.kind === 'bytes') return matches(v, { kind: () => true, url: isUrl, base64: isStr, mime: isMime });
  return false;
};

const BACKGROUND_SHAPES: Record<BackgroundRequest['type'], Shape> = {
  'page-site': {},
  colorize: { source: isSource, priority: isPriority, detect: (v) => v === undefined || isBool(v) },
  'page-status': { colorized: isCount, working: isCount, candidates: isCount, showingOriginals: isBool },
  'menu-target': { showsColorized: isBool },
  'engine-status': { load: isBool },
  'cache-stats': {},
  'cache-clear': {},
  'tab-report': { tabId: isTabId },
};

const CONTENT_SHAPES: Record<ContentCommand['type'], Shape> = {
  'menu-colorize': { srcUrl: isShownUrl },
  'menu-show-original': { srcUrl: isShownUrl },
  'set-show-originals': { show: isBool },
  'get-page-status': {},
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matches(value: Record<string, unknown>, shape: Shape): boolean {
  return Object.entries(shape).every(([key, check]) => check(value[key]));
}

function parseWith<T extends { type: string }>(shapes: Record<string, Shape>, value: unknown): T | null {
  if (!isObject(value) || typeof value.type !== 'string') return null;
  if (!Object.hasOwn(shapes, value.type)) return null;
  return matches(value, shapes[value.type]) ? (value as T) : null;
}

export function parseBackgroundRequest(value: unknown): BackgroundRequest | null {
  return parseWith<BackgroundRequest>(BACKGROUND_SHAPES, value);
}

export function parseContentCommand(value: unknown): ContentCommand | null {
  return parseWith<ContentCommand>(CONTENT_SHAPES, value);
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

/** Requests that make the background fetch or read page images: only content scripts may send them. */
export const CONTENT_ONLY: ReadonlySet<BackgroundRequest['type']> = new Set([
  'page-site',
  'colorize',
  'page-status',
  'menu-target',
]);
