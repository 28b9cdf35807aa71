// A tiny sRGB (8-bit) -> CIE Lab (D65) converter, local to the detector so src/detect stays
// dependency-free. Tuned for speed over a 64x64 buffer on a page's main thread: sRGB decoding is a
// 256-entry table and the cube root a 2048-entry table with linear interpolation (error < 0.01 L*).

const D65_XN = 0.95047;
const D65_ZN = 1.08883;
const LAB_EPSILON = 216 / 24389;
const LAB_KAPPA = 24389 / 27;
const F_TABLE_SIZE = 2048;
const F_TABLE_MAX = 1.01; // X/Xn, Y, Z/Zn of 8-bit sRGB stay within [0, 1]

const SRGB_TO_LINEAR = new Float64Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  SRGB_TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

function labFExact(t: number): number {
  return t > LAB_EPSILON ? Math.cbrt(t) : (LAB_KAPPA * t + 16) / 116;
}

const F_TABLE = new Float64Array(F_TABLE_SIZE + 2);
for (let i = 0; i < F_TABLE.length; i++) F_TABLE[i] = labFExact((i / F_TABLE_SIZE) * F_TABLE_MAX);

function labF(t: number): number {
  const x = (t < 0 ? 0 : t > F_TABLE_MAX ? F_TABLE_MAX : t) * (F_TABLE_SIZE / F_TABLE_MAX);
  const i = x | 0;
  return F_TABLE[i] + (F_TABLE[i + 1] - F_TABLE[i]) * (x - i);
}

/** Writes L, a, b of one 8-bit sRGB colour into out[offset..offset+2]. */
export function srgbToLab(r: number, g: number, b: number, out: Float32Array | Float64Array | number[], offset = 0): void {
  const lr = SRGB_TO_LINEAR[r];
  const lg = SRGB_TO_LINEAR[g];
  const lb = SRGB_TO_LINEAR[b];
  const fx = labF((0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / D65_XN);
  const fy = labF(0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb);
  const fz = labF((0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / D65_ZN);
  out[offset] = 116 * fy - 16;
  out[offset + 1] = 500 * (fx - fy);
  out[offset + 2] = 200 * (fy - fz);
}
