// Turns measurements into a kind. The order matters: graphics are ruled out first, because a
// black-and-white logo or a page of text is as gray as a B&W photo and must never be colorized.
import type { ImageKind } from './index.ts';
import type { RawMetrics } from './metrics.ts';

/** Fewer opaque pixels than this (an 8x8 icon) is too little to call a photo. */
export const MIN_PIXELS = 64;
/** Photos have no holes; a few percent of transparent pixels means an icon or logo cut-out. */
export const MAX_TRANSPARENT_FRAC = 0.05;
/**
 * A 64 px photo has hundreds to thousands of distinct colours (fewest in the val set: 750 in
 * colour, 113 in gray); flat graphics, even after an anti-aliasing downscale, have a few dozen.
 */
export const MAX_GRAPHIC_COLORS = 48;
/**
 * Share of the single most common exact RGB value. Fills in graphics are exact; photos are
 * noisy even on studio backgrounds (gray/toned versions of the val photos reach 0.24 at JPEG q40,
 * where JPEG flattens a plain sky; text pages and charts start around 0.27).
 */
export const GRAPHIC_TOP_COLOR_FRAC = 0.26;
/**
 * Text: a uniform page plus dense sharp glyph edges. A photo with an exact background this large
 * (>= 0.15) has few edges (at most 0.24 of its pixels in the mono photo set; text has 0.5-0.6).
 */
export const TEXT_TOP_COLOR_FRAC = 0.15;
export const TEXT_EDGE_FRAC = 0.4;
/** Hard edges (L* step > 20) on nearly half the pixels: dithered or tiny-print graphics. */
export const GRAPHIC_STRONG_EDGE_FRAC = 0.45;
/**
 * Linear gradients (buttons, banners) are flat along one axis and smooth along the other; photo
 * texture is not direction-bound like that (largest gap in the val photos: 0.32).
 */
export const GRAPHIC_FLAT_ANISOTROPY = 0.5;
/**
 * A gray photo has (almost) no coloured pixels. The most muted colour photo in the val set has
 * 2.6% above the chroma floor, a gray one through JPEG q40 with scanner noise has 0%.
 */
export const GRAY_MAX_CHROMATIC_FRAC = 0.01;
/**
 * Toned: the coloured pixels share one hue (toned versions of the val photos: >= 0.971; colour
 * photos with a varied palette are far below, e.g. 0.2-0.9) ...
 */
export const TONED_MIN_HUE_COHERENCE = 0.965;
/**
 * ... and the colour is a function of lightness (the tone curve). Toned versions through JPEG q40
 * stay below ~2.3 a*b* units, except a sepia filter whose clipped highlights bend the curve (3.2);
 * single-hue colour photos (skin close-ups, sand, beige rooms) start around 2.4-2.8.
 */
export const TONED_MAX_RESIDUAL = 2.6;
/**
 * A tint covers most of a print, shadows included (toned versions of the val photos: >= 0.69); a
 * colour photo with one coloured area on a neutral scene (a beige wall behind a dark coat) is not.
 */
export const TONED_MIN_CHROMATIC_FRAC = 0.6;

/**
 * A faint cast (yellowed paper, a warm scan) straddles the chroma floor: part of the picture is just
 * above it, part below, so neither the gray nor the toned rule sees it. Coherent hue, a curve that
 * follows lightness, no pixel beyond a pale tint (90th percentile chroma <= 10, vivid pixels under
 * 0.5%: the muted colour photos all have a few vivid details, an eagle's beak, a logo) is a cast.
 */
export const FAINT_CAST_MAX_P90 = 10;
export const FAINT_CAST_MAX_VIVID_FRAC = 0.005;

export interface Verdict {
  kind: ImageKind;
  score: number;
  reason: string;
}

/** Confidence from the distance to a threshold: 0.5 at it, 1 at `span` beyond it. */
function margin(value: number, threshold: number, span: number): number {
  return Math.min(1, Math.max(0.5, 0.5 + (0.5 * Math.abs(value - threshold)) / span));
}

function graphicVerdict(m: RawMetrics): Verdict | null {
  if (m.pixels < MIN_PIXELS) return { kind: 'not-photo', score: 1, reason: `only ${m.pixels} opaque pixels` };
  if (m.transparentFrac >= MAX_TRANSPARENT_FRAC)
    return { kind: 'not-photo', score: margin(m.transparentFrac, MAX_TRANSPARENT_FRAC, 0.2), reason: 'transparent pixels (icon or logo)' };
  if (m.distinctColors <= MAX_GRAPHIC_COLORS)
    return { kind: 'not-photo', score: margin(m.distinctColors, MAX_GRAPHIC_COLORS, 40), reason: `only ${m.distinctColors} distinct colours` };
  if (m.topColorFrac >= GRAPHIC_TOP_COLOR_FRAC)
    return { kind: 'not-photo', score: margin(m.topColorFrac, GRAPHIC_TOP_COLOR_FRAC, 0.3), reason: 'large area of one exact colour' };
  if (m.topColorFrac >= TEXT_TOP_COLOR_FRAC && m.edgeFrac >= TEXT_EDGE_FRAC)
    return { kind: 'not-photo', score: margin(m.edgeFrac, TEXT_EDGE_FRAC, 0.2), reason: 'uniform background with dense sharp edges (text)' };
  if (m.strongEdgeFrac >= GRAPHIC_STRONG_EDGE_FRAC)
    return { kind: 'not-photo', score: margin(m.strongEdgeFrac, GRAPHIC_STRONG_EDGE_FRAC, 0.3), reason: 'hard edges everywhere (dithered or small print)' };
  if (m.flatAnisotropy >= GRAPHIC_FLAT_ANISOTROPY)
    return { kind: 'not-photo', score: margin(m.flatAnisotropy, GRAPHIC_FLAT_ANISOTROPY, 0.3), reason: 'flat along one axis (linear gradient)' };
  return null;
}

export function classify(m: RawMetrics): Verdict {
  const graphic = graphicVerdict(m);
  if (graphic) return graphic;
  if (m.chromaticFrac < GRAY_MAX_CHROMATIC_FRAC)
    return { kind: 'grayscale', score: margin(m.chromaticFrac, GRAY_MAX_CHROMATIC_FRAC, GRAY_MAX_CHROMATIC_FRAC), reason: 'no coloured pixels beyond JPEG noise' };
  // Each toned criterion as a signed margin, scaled by how far beyond its threshold counts as
  // certain (these spans only shape the score; the thresholds above make the decision).
  const toneScores = [
    (m.hueCoherence - TONED_MIN_HUE_COHERENCE) / 0.03,
    (TONED_MAX_RESIDUAL - m.toneResidual) / 1.5,
    (m.chromaticFrac - TONED_MIN_CHROMATIC_FRAC) / 0.3,
  ];
  const weakest = Math.min(...toneScores);
  if (weakest >= 0)
    return { kind: 'toned', score: Math.min(1, 0.5 + 0.5 * weakest), reason: 'one hue whose colour follows lightness (toned print)' };
  if (
    toneScores[0] >= 0 &&
    toneScores[1] >= 0 &&
    m.chromaP90 <= FAINT_CAST_MAX_P90 &&
    m.vividFrac <= FAINT_CAST_MAX_VIVID_FRAC
  )
    return {
      kind: 'toned',
      score: margin(m.chromaP90, FAINT_CAST_MAX_P90, FAINT_CAST_MAX_P90),
      reason: 'faint single-hue cast (yellowed paper or a warm scan)',
    };
  const grayMargin = (m.chromaticFrac - GRAY_MAX_CHROMATIC_FRAC) / 0.05;
  return {
    kind: 'color',
    score: Math.min(1, 0.5 + 0.5 * Math.min(grayMargin, -weakest)),
    reason: toneScores[0] < 0 ? 'several hues' : toneScores[2] < 0 ? 'a few coloured areas' : 'colour not tied to lightness',
  };
}
