// The one result contract for colorizing an image, used by the background (its answer to a
// content script), the content script (what it shows, and whether it tries again) and the CLI (its
// summary): an image is colorized, skipped with a code (deliberately left alone), or failed with a
// code (something went wrong). Codes are what code decides on; `detail` is only for people.

/** What the detector (src/detect) calls an image. Defined here, with the rule below; detect uses it. */
export type ImageKind = 'color' | 'grayscale' | 'toned' | 'not-photo';

/** The one rule for which of the detector's kinds get colorized: black-and-white and toned photos. */
export function isColorizable(kind: ImageKind): boolean {
  return kind === 'grayscale' || kind === 'toned';
}

export type SkipCode =
  /** The detector: a colour photo, or no photo at all (logo, text, chart, line art). */
  | 'color'
  | 'not-photo'
  /** Too small (source or box) or too large (pixels) to be worth it. */
  | 'too-small'
  | 'too-large'
  /** Vector art, or no image URL we could use. */
  | 'not-raster'
  /** The page's own image could not be read here (its pixels are not the page's to give). */
  | 'unreadable'
  /** The page refuses every form we could show the result in, or keeps putting its own image back. */
  | 'page-refuses'
  | 'page-replaces';

export type FailCode =
  /** The image could not be fetched (network error, HTTP error status): the page's own copy may still be readable. */
  | 'unreachable'
  /** The background's policy refused the URL or the file (not an image, too big, animated...): asking again won't help. */
  | 'refused'
  /** The bytes would not decode. */
  | 'undecodable'
  /** The model could not run. */
  | 'engine'
  /** No answer in time (content script's timeout) or the extension went away. */
  | 'no-answer'
  /** The result came but could not be put on screen. */
  | 'not-shown'
  /** Anything else (a bug). */
  | 'internal';

export type Skipped = { outcome: 'skipped'; code: SkipCode; detail: string };
export type Failed = { outcome: 'failed'; code: FailCode; detail: string };
export type Colorized<T> = { outcome: 'colorized' } & T;
export type Result<T> = Colorized<T> | Skipped | Failed;

export function skipped(code: SkipCode, detail = ''): Skipped {
  return { outcome: 'skipped', code, detail };
}

export function failed(code: FailCode, detail = ''): Failed {
  return { outcome: 'failed', code, detail };
}

/**
 * What becomes of an image the detector has looked at: undefined (colorize it), or the skip that
 * says why not (`color` or `not-photo`, with the detector's reason). Pure.
 */
export function skipOfDetection(detection: { kind: ImageKind; reason: string }): Skipped | undefined {
  if (isColorizable(detection.kind)) return undefined;
  return skipped(detection.kind === 'color' ? 'color' : 'not-photo', detection.reason);
}

/** An error's message for `detail` (one place, so errors are not stringified in many). */
export function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error that carries its failure code (thrown where the code is known, caught where the answer is made). */
export class CodedFailure extends Error {
  constructor(
    readonly code: FailCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether asking again with the image's bytes read by the content script could help: only when the
 * background could not get the image at all (without the user's cookies). A policy refusal, an
 * undecodable file or a model failure would come back the same. Pure.
 */
export function worthRetryWithPageBytes(result: Result<unknown>): boolean {
  return result.outcome === 'failed' && result.code === 'unreachable';
}
