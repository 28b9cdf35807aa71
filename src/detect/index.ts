// Public API of the grayscale/toned/photo detector. Pure: no DOM, no extension APIs.
import { classify } from './classify.ts';
import { measure } from './metrics.ts';
import type { ImageKind } from '../shared/result.ts';

/** The kinds and which of them get colorized are part of the result contract (src/shared/result.ts). */
export type { ImageKind };

export interface Detection {
  kind: ImageKind;
  /**
   * Confidence in the chosen kind, in [0.5, 1]: 0.5 means the deciding measurement sits exactly on
   * its threshold, 1 that it is a full "span" (named beside each rule in classify.ts) beyond it.
   * It is a margin mapped to [0.5, 1], not a calibrated probability.
   */
  score: number;
  /** Which rule decided, in words (for logs and the options page). */
  reason: string;
  /** Every measurement the rules looked at (see metrics.ts), for debugging and tuning. */
  metrics: Record<string, number>;
}

/**
 * Callers downscale to at most this many px on the long side (aspect kept) before calling, with a
 * filtering resize (sharp's default, or canvas with imageSmoothingQuality = 'high'). Thresholds
 * were tuned on lanczos3 thumbnails; a point-sampled one keeps the same gray and not-photo calls
 * but finds somewhat fewer toned prints (see src/detect/detect-table.test.ts).
 */
export const DETECT_MAX_SIDE = 64;

/**
 * Says whether a small RGBA buffer (ImageData.data or a raw decode, row-major, 4 bytes per pixel)
 * is a colour photo, a gray or toned photo worth colorizing, or not a photo at all. Pixels with
 * alpha < 128 are ignored. Pure and synchronous (one reused scratch table, no await); about
 * 0.3 ms for a 64x64 thumbnail on this project's busy 2-core VM.
 */
export function detectImageKind(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
): Detection {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0)
    throw new RangeError(`detectImageKind: bad size ${width}x${height}`);
  if (rgba.length < width * height * 4)
    throw new RangeError(`detectImageKind: ${rgba.length} bytes is less than ${width}x${height} RGBA`);
  const metrics = measure(rgba, width, height);
  return { ...classify(metrics), metrics };
}
