// sRGB (D65, 8-bit) <-> CIE L*a*b* (D65): the one definition of the conversion (white point,
// matrices, transfer curve, f), for the engine, the detector and the tests. The single-pixel
// helpers here are exact (Math.pow / Math.cbrt). The per-pixel loops over whole images build
// lookup tables from these functions (src/engine/lab-tables.ts, src/detect/lab.ts), because a
// 12-megapixel image would otherwise spend seconds in pow(); the engine's compose loop inlines the
// Lab -> RGB matrix below for speed (src/engine/compose.ts).

/** D65 reference white (Y = 1). */
export const XN = 0.95047;
export const YN = 1;
export const ZN = 1.08883;

export interface Lab {
  L: number;
  a: number;
  b: number;
}

/** sRGB channels on the 0..255 scale (not rounded). */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const EPSILON = 216 / 24389; // (6/29)^3: below it f() is linear
const KAPPA = 24389 / 27; // 903.3: slope of L over Y in the linear part
export const DELTA = 6 / 29;
export const INVERSE_KAPPA = 27 / 24389;

export function srgbDecode(v: number): number {
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

export function srgbEncode(c: number): number {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

/** CIE f(t): cube root with a linear toe. */
export function labF(t: number): number {
  return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

export function labFInverse(f: number): number {
  return f > DELTA ? f * f * f : (116 * f - 16) * INVERSE_KAPPA;
}

/** Luminance weights: the Y row of the linear sRGB -> XYZ (D65) matrix. */
export const LUMA_R = 0.2126729;
export const LUMA_G = 0.7151522;
export const LUMA_B = 0.072175;
/** The X and Z rows of the same matrix. */
export const X_R = 0.4124564;
export const X_G = 0.3575761;
export const X_B = 0.1804375;
export const Z_R = 0.0193339;
export const Z_G = 0.119192;
export const Z_B = 0.9503041;

/** Relative luminance Y (0..1) of linear sRGB. */
export function luminance(r: number, g: number, b: number): number {
  return LUMA_R * r + LUMA_G * g + LUMA_B * b;
}

/** L* (0..100) of relative luminance Y (0..1). */
export function lightnessOfY(y: number): number {
  return 116 * labF(y) - 16;
}

/** One 8-bit sRGB colour's L*, a*, b* (exact). */
export function srgbToLab(r: number, g: number, b: number): Lab {
  const lr = srgbDecode(r / 255);
  const lg = srgbDecode(g / 255);
  const lb = srgbDecode(b / 255);
  const x = (X_R * lr + X_G * lg + X_B * lb) / XN;
  const y = luminance(lr, lg, lb);
  const z = (Z_R * lr + Z_G * lg + Z_B * lb) / ZN;
  const fx = labF(x);
  const fy = labF(y);
  const fz = labF(z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/**
 * Lab -> linear sRGB, written to out[0..2]. Out-of-gamut colors are pulled toward the gray of the
 * same luminance (in linear light, so Y and hence L* stay exact; the hue, i.e. the direction from
 * the white point in chromaticity, is kept too). Only chroma is lost.
 */
export function labToLinearRgbInGamut(L: number, a: number, b: number, out: Float64Array): void {
  const fy = (L + 16) / 116;
  const y = labFInverse(fy);
  writeLinearRgbInGamut(y, fy, a, b, out, 0);
}

/**
 * Core of every Lab -> RGB path: y is the luminance (0..1) and fy = f(y), given by the caller
 * because the engine already has both from the input pixel.
 */
export function writeLinearRgbInGamut(
  y: number,
  fy: number,
  a: number,
  b: number,
  out: Float64Array,
  o: number,
): void {
  const x = XN * labFInverse(fy + a * 0.002);
  const z = ZN * labFInverse(fy - b * 0.005);
  let r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  let g = -0.969266 * x + 1.8760108 * y + 0.041556 * z;
  let bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  if (r < 0 || g < 0 || bl < 0 || r > 1 || g > 1 || bl > 1) {
    const s = gamutScale(r, g, bl, y);
    const gray = y < 0 ? 0 : y > 1 ? 1 : y;
    r = gray + s * (r - gray);
    g = gray + s * (g - gray);
    bl = gray + s * (bl - gray);
  }
  out[o] = r;
  out[o + 1] = g;
  out[o + 2] = bl;
}

/** Largest s in [0,1] with gray + s * (color - gray) inside the unit cube (gray = Y clamped). */
export function gamutScale(r: number, g: number, b: number, y: number): number {
  const gray = y < 0 ? 0 : y > 1 ? 1 : y;
  return Math.min(1, channelScale(r, gray), channelScale(g, gray), channelScale(b, gray));
}

function channelScale(c: number, gray: number): number {
  if (c > 1) return c - gray > 0 ? (1 - gray) / (c - gray) : 0;
  if (c < 0) return gray - c > 0 ? gray / (gray - c) : 0;
  return 1;
}

const scratch = new Float64Array(3);

/** Lab -> sRGB 0..255 (unrounded, in gamut). */
export function labToSrgb(L: number, a: number, b: number): Rgb {
  labToLinearRgbInGamut(L, a, b, scratch);
  return {
    r: 255 * srgbEncode(clamp01(scratch[0])),
    g: 255 * srgbEncode(clamp01(scratch[1])),
    b: 255 * srgbEncode(clamp01(scratch[2])),
  };
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
