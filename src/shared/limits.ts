// Size limits and the one size rule every part applies: the content script skips what the
// background would refuse anyway, before spending main-thread time drawing it.

/** Larger images are refused before decoding: 36 MP is ~144 MB of RGBA, the most we hold at once. */
export const MAX_SOURCE_PIXELS = 36_000_000;
/** Sources with a shorter side can't be photos worth colorizing (icons, spacers, tracking pixels). */
export const MIN_SOURCE_SIDE = 32;

/** The size to scale an image to so that its long side is at most `maxSide` (never up). Pure. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
