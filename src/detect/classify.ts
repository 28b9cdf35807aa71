// Turns measurements into a kind. The order matters: graphics are ruled out first, because a
// black-and-white logo or a page of text is as gray as a B&W photo and must never be colorized.
import type { ImageKind } from '../shared/result.ts';
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
/**
 * ... and the page colour fills the space between the lines too, not only a frame around them: a
 * busy photo inside a wide plain border (a print's white margin) has a few percent there (the
 * bordered prints of test/fixtures/detect/prints: at most 0.02; white text on navy: 0.15).
 */
export const TEXT_INNER_TOP_COLOR_FRAC = 0.08;
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
 * Toned also needs the colour to stay on a smooth tone curve (mean a*b* per 5-unit lightness band,
 * interpolated, see metrics.ts): at most this share of the mid-tones strays more than
 * OFF_CURVE_CHROMA from it. Toned prints, foxing, stains and uneven toning included, stay under
 * 0.015 (the real toned prints of ../shared/data/prints: at most 0.013; sepia, brown, cyanotype
 * and tinted versions of the val photos: at most 0.017, but for one with clipped highlights);
 * single-hue colour scenes whose tint varies from object to object do not (a cat on a carpet,
 * 0.023; a sweater on magenta, 0.025; a blue-gray street under an overcast sky, 0.035).
 */
export const TONED_MAX_OFF_CURVE = 0.02;
/**
 * Cool tones (hue 180-300 degrees, cyan to blue-violet) are the colour of haze, shade, snow,
 * dusk, water and overcast light; the one cool toned print, the cyanotype, is strongly blue. A cool
 * curve needs this much chroma somewhere to be a toned print.
 */
export const COOL_HUE_MIN_DEG = 180;
export const COOL_HUE_MAX_DEG = 300;
export const COOL_TONE_MIN_CHROMA = 16;
/**
 * Paper tone: a print whose paper is tinted (yellowed, cream) while its image is neutral or toned
 * another way has colour in its highlights only, so the tinted area can be far under 60%. One
 * coherent hue, nearly every pixel on the tone curve (at most PAPER_MAX_OFF_CURVE off it) and no
 * pixel beyond a pale tint (vivid pixels, chroma > 15, under PAPER_MAX_VIVID_FRAC: muted colour
 * photos have a few vivid details, an eagle's beak, a logo, a ruler) is a print; a cool cast is
 * haze or shade (see COOL_TONE_MIN_CHROMA).
 */
export const PAPER_MAX_OFF_CURVE = 0.01;
export const PAPER_MAX_VIVID_FRAC = 0.005;
/**
 * A cool image tone (blue-black, cold-tone paper) on warm paper (cream, yellowed) has two hues, so
 * the rules above see "several hues". It is still a print when it is pale and on its tone curve (as
 * the paper rule asks) and the cool hue is in the shadows, the warm one in the highlights. Colour
 * photos have it the other way round: the cool light (sky, haze, shade) is the bright part.
 */
export const WARM_HUE_MIN_DEG = 20;
export const WARM_HUE_MAX_DEG = 130;

/**
 * A pale print (faded, yellowed paper, a cold- or warm-tone paper, a faint scan cast) straddles the
 * chroma floor, so neither the gray nor the toned rule sees it. Its tone curve stays pale (no
 * lightness band's mean beyond PALE_MAX_CURVE_CHROMA), almost no pixel strays from it, and nothing
 * is brighter than a pale tint (99th percentile chroma <= PALE_MAX_P99): muted colour photos have a
 * few coloured details, a logo, a ruler, a flower.
 */
export const PALE_MAX_CURVE_CHROMA = 6.5;
export const PALE_MAX_OFF_CURVE = 0.01;
export const PALE_MAX_P99 = 10;

/** The detector's call on an image: its kind, the confidence and the deciding rule in words. */
export interface Classification {
  kind: ImageKind;
  score: number;
  reason: string;
}

/** Confidence from the distance to a threshold: 0.5 at it, 1 at `span` beyond it. */
function margin(value: number, threshold: number, span: number): number {
  return Math.min(1, Math.max(0.5, 0.5 + (0.5 * Math.abs(value - threshold)) / span));
}

function graphicClassification(m: RawMetrics): Classification | null {
  if (m.pixels < MIN_PIXELS) return { kind: 'not-photo', score: 1, reason: `only ${m.pixels} opaque pixels` };
  if (m.transparentFrac >= MAX_TRANSPARENT_FRAC)
    return { kind: 'not-photo', score: margin(m.transparentFrac, MAX_TRANSPARENT_FRAC, 0.2), reason: 'transparent pixels (icon or logo)' };
  if (m.distinctColors <= MAX_GRAPHIC_COLORS)
    return { kind: 'not-photo', score: margin(m.distinctColors, MAX_GRAPHIC_COLORS, 40), reason: `only ${m.distinctColors} distinct colours` };
  // The picture inside a frame (metrics.ts, findContent): a print's wide white border is one exact
  // colour too, but it is not the picture.
  if (m.contentTopColorFrac >= GRAPHIC_TOP_COLOR_FRAC)
    return { kind: 'not-photo', score: margin(m.contentTopColorFrac, GRAPHIC_TOP_COLOR_FRAC, 0.3), reason: 'large area of one exact colour' };
  if (m.topColorFrac >= TEXT_TOP_COLOR_FRAC && m.contentTopColorFrac >= TEXT_INNER_TOP_COLOR_FRAC && m.edgeFrac >= TEXT_EDGE_FRAC)
    return { kind: 'not-photo', score: margin(m.edgeFrac, TEXT_EDGE_FRAC, 0.2), reason: 'uniform background with dense sharp edges (text)' };
  if (m.strongEdgeFrac >= GRAPHIC_STRONG_EDGE_FRAC)
    return { kind: 'not-photo', score: margin(m.strongEdgeFrac, GRAPHIC_STRONG_EDGE_FRAC, 0.3), reason: 'hard edges everywhere (dithered or small print)' };
  if (m.flatAnisotropy >= GRAPHIC_FLAT_ANISOTROPY)
    return { kind: 'not-photo', score: margin(m.flatAnisotropy, GRAPHIC_FLAT_ANISOTROPY, 0.3), reason: 'flat along one axis (linear gradient)' };
  return null;
}

const inRange = (hue: number, min: number, max: number) => hue >= min && hue <= max;

export function classify(m: RawMetrics): Classification {
  const graphic = graphicClassification(m);
  if (graphic) return graphic;
  if (m.chromaticFrac < GRAY_MAX_CHROMATIC_FRAC)
    return { kind: 'grayscale', score: margin(m.chromaticFrac, GRAY_MAX_CHROMATIC_FRAC, GRAY_MAX_CHROMATIC_FRAC), reason: 'no coloured pixels beyond JPEG noise' };
  // Each toned criterion as a signed margin, scaled by how far beyond its threshold counts as
  // certain (these spans only shape the score; the thresholds above make the decision).
  const oneHue = (m.hueCoherence - TONED_MIN_HUE_COHERENCE) / 0.03;
  const followsLightness = (TONED_MAX_RESIDUAL - m.toneResidual) / 1.5;
  const covers = (m.chromaticFrac - TONED_MIN_CHROMATIC_FRAC) / 0.3;
  const onCurve = (TONED_MAX_OFF_CURVE - m.offCurveFrac) / 0.03;
  const notFaintCool = inRange(m.dominantHueDeg, COOL_HUE_MIN_DEG, COOL_HUE_MAX_DEG) ? (m.curveMaxChroma - COOL_TONE_MIN_CHROMA) / 10 : 1;
  const weakest = Math.min(oneHue, followsLightness, covers, onCurve, notFaintCool);
  if (weakest >= 0)
    return { kind: 'toned', score: Math.min(1, 0.5 + 0.5 * weakest), reason: 'one hue whose colour follows lightness (toned print)' };
  // Pale and on the tone curve: the common ground of the paper-tone and two-tone rules.
  const paleOnCurve = followsLightness >= 0 && m.offCurveFrac <= PAPER_MAX_OFF_CURVE && m.vividFrac <= PAPER_MAX_VIVID_FRAC;
  const paperScore = margin(m.offCurveFrac, PAPER_MAX_OFF_CURVE, PAPER_MAX_OFF_CURVE);
  if (paleOnCurve && oneHue >= 0 && notFaintCool >= 0)
    return { kind: 'toned', score: paperScore, reason: 'a pale single-hue tone on the tone curve (tinted or yellowed paper, a warm scan)' };
  if (
    paleOnCurve &&
    inRange(m.curveShadowHueDeg, COOL_HUE_MIN_DEG, COOL_HUE_MAX_DEG) &&
    inRange(m.curveHighlightHueDeg, WARM_HUE_MIN_DEG, WARM_HUE_MAX_DEG)
  )
    return { kind: 'toned', score: paperScore, reason: 'a cool image tone on warm paper (cold-tone print on yellowed paper)' };
  const palest = Math.min(
    (PALE_MAX_CURVE_CHROMA - m.curveMaxChroma) / 3,
    (PALE_MAX_OFF_CURVE - m.offCurveFrac) / 0.01,
    (PALE_MAX_P99 - m.chromaP99) / 5,
  );
  if (palest >= 0)
    return { kind: 'toned', score: Math.min(1, 0.5 + 0.5 * palest), reason: 'a pale tone that follows lightness (faded or yellowed print, tinted paper)' };
  const grayMargin = (m.chromaticFrac - GRAY_MAX_CHROMATIC_FRAC) / 0.05;
  return {
    kind: 'color',
    score: Math.min(1, 0.5 + 0.5 * Math.min(grayMargin, -weakest, -palest)),
    reason:
      oneHue < 0 ? 'several hues'
      : covers < 0 ? 'a few coloured areas'
      : notFaintCool < 0 ? 'a faint cool cast (haze, shade, water or overcast light)'
      : 'colour not tied to lightness',
  };
}
