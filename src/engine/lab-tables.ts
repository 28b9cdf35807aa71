// Lookup tables for the per-pixel loops over full-resolution images. Built once, lazily, so that
// importing the engine costs nothing until the first image.
import { labF, LUMA_B, LUMA_G, LUMA_R, srgbDecode, srgbEncode } from '../shared/lab.ts';

/** Entries of the linear -> 8-bit sRGB table; 16384 keeps its error under 0.2 of a code near black. */
export const ENCODE_STEPS = 16384;
/** Entries of the Y -> f(Y) table (linear interpolation between them; error ~1e-5 in f). */
export const F_STEPS = 4096;
/** Fixed-point luminance: channel contributions in units of 2^-20, summed, then >> 4 to index. */
const Y_SHIFT = 20;
export const Y_INDEX_SHIFT = 4;
/** Added before the shift, to round to the nearest table entry. */
export const Y_ROUND = 1 << (Y_INDEX_SHIFT - 1);
export const Y_STEPS = 1 << (Y_SHIFT - Y_INDEX_SHIFT);

export interface LabTables {
  /** 8-bit sRGB code -> linear light 0..1. */
  decode: Float32Array;
  /** round(linear * ENCODE_STEPS) -> 8-bit sRGB code. */
  encode: Uint8Array;
  /** f(i / F_STEPS) for i = 0..F_STEPS, plus one guard entry. */
  f: Float32Array;
  /** Per-channel luminance contributions of an 8-bit code, fixed point (see Y_SHIFT). */
  yR: Int32Array;
  yG: Int32Array;
  yB: Int32Array;
  /** f(i / Y_STEPS) for i = 0..Y_STEPS: lightness of a fixed-point luminance, no interpolation
   * (max error 0.008 L* over all 8-bit colors). */
  fOfY: Float32Array;
}

let tables: LabTables | undefined;

export function labTables(): LabTables {
  if (tables) return tables;
  const decode = new Float32Array(256);
  for (let i = 0; i < 256; i++) decode[i] = srgbDecode(i / 255);
  const encode = new Uint8Array(ENCODE_STEPS + 1);
  for (let i = 0; i <= ENCODE_STEPS; i++) encode[i] = Math.round(255 * srgbEncode(i / ENCODE_STEPS));
  const f = new Float32Array(F_STEPS + 2);
  for (let i = 0; i <= F_STEPS + 1; i++) f[i] = labF(i / F_STEPS);
  const one = 1 << Y_SHIFT;
  const yR = new Int32Array(256);
  const yG = new Int32Array(256);
  const yB = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    // Rounding each term can push white to 2^20 + 1; clamp so 255,255,255 stays a valid index.
    yR[i] = Math.round(LUMA_R * decode[i] * one);
    yG[i] = Math.round(LUMA_G * decode[i] * one);
    yB[i] = Math.min(one - yR[i] - yG[i], Math.round(LUMA_B * decode[i] * one));
  }
  const fOfY = new Float32Array(Y_STEPS + 1);
  for (let i = 0; i <= Y_STEPS; i++) fOfY[i] = labF(i / Y_STEPS);
  tables = { decode, encode, f, yR, yG, yB, fOfY };
  return tables;
}

/** f(y) for y in 0..1 by table interpolation. */
export function tableF(f: Float32Array, y: number): number {
  const t = (y < 0 ? 0 : y > 1 ? 1 : y) * F_STEPS;
  const i = t | 0;
  const w = t - i;
  return f[i] + w * (f[i + 1] - f[i]);
}
