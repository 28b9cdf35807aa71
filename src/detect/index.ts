// Public API of the grayscale/toned/photo detector. Pure: no DOM, no extension APIs.
import { classify } from './classify.ts';
import { measure } from './metrics.ts';

export type ImageKind = 'color' | 'grayscale' | 'toned' | 'not-photo';

export interface Detection {
  kind: ImageKind;
  /** Confidence in the chosen kind, in [0,1]; 0.5 means "at a threshold". */
  score: number;
  reason: string;
  metrics: Record<string, number>;
}

/** Callers downscale to at most this many px on the long side (aspect kept) before calling. */
export const DETECT_MAX_SIDE = 64;

export function detectImageKind(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
): Detection {
  const metrics = measure(rgba, width, height);
  const verdict = classify(metrics);
  return { ...verdict, metrics };
}
