// The detector's sRGB (8-bit) -> CIE Lab (D65): the conversion of src/shared/lab.ts, tabulated for
// speed over a 64x64 buffer on a page's main thread: sRGB decoding is a 256-entry table and f() a
// 2048-entry table with linear interpolation (error < 0.01 L* against the exact srgbToLab).
import { labF, LUMA_B, LUMA_G, LUMA_R, srgbDecode, X_B, X_G, X_R, XN, Z_B, Z_G, Z_R, ZN } from '../shared/lab.ts';

const F_TABLE_SIZE = 2048;
const F_TABLE_MAX = 1.01; // X/Xn, Y, Z/Zn of 8-bit sRGB stay within [0, 1]

const SRGB_TO_LINEAR = new Float64Array(256);
for (let i = 0; i < 256; i++) SRGB_TO_LINEAR[i] = srgbDecode(i / 255);

const F_TABLE = new Float64Array(F_TABLE_SIZE + 2);
for (let i = 0; i < F_TABLE.length; i++) F_TABLE[i] = labF((i / F_TABLE_SIZE) * F_TABLE_MAX);

function tableF(t: number): number {
  const x = (t < 0 ? 0 : t > F_TABLE_MAX ? F_TABLE_MAX : t) * (F_TABLE_SIZE / F_TABLE_MAX);
  const i = x | 0;
  return F_TABLE[i] + (F_TABLE[i + 1] - F_TABLE[i]) * (x - i);
}

/** Writes L, a, b of one 8-bit sRGB colour into out[offset..offset+2] (tabulated srgbToLab). */
export function writeLabOfSrgb(r: number, g: number, b: number, out: Float32Array | Float64Array | number[], offset = 0): void {
  const lr = SRGB_TO_LINEAR[r];
  const lg = SRGB_TO_LINEAR[g];
  const lb = SRGB_TO_LINEAR[b];
  const fx = tableF((X_R * lr + X_G * lg + X_B * lb) / XN);
  const fy = tableF(LUMA_R * lr + LUMA_G * lg + LUMA_B * lb);
  const fz = tableF((Z_R * lr + Z_G * lg + Z_B * lb) / ZN);
  out[offset] = 116 * fy - 16;
  out[offset + 1] = 500 * (fx - fy);
  out[offset + 2] = 200 * (fy - fz);
}
