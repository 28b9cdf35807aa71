// Whole-buffer conversions for RGBA pixel data (ImageData layout).
import { labFInverse, luminance, writeLinearRgbInGamut, X_B, X_G, X_R, XN, Z_B, Z_G, Z_R, ZN } from '../shared/lab.ts';
import { ENCODE_STEPS, labTables, tableF, Y_INDEX_SHIFT, Y_ROUND as ROUND } from './lab-tables.ts';

/**
 * f(Y) of every pixel (CIE L* = 116 f - 16), the one quantity of the input the engine keeps at
 * full resolution. Color is ignored: a sepia scan gives the same plane as its gray version.
 */
export function rgbaToLightnessF(rgba: ArrayLike<number>, out?: Float32Array): Float32Array {
  const n = rgba.length >> 2;
  const fy = out ?? new Float32Array(n);
  const { yR, yG, yB, fOfY } = labTables();
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    fy[i] = fOfY[(yR[rgba[p]] + yG[rgba[p + 1]] + yB[rgba[p + 2]] + ROUND) >> Y_INDEX_SHIFT];
  }
  return fy;
}

/**
 * Means of f(Y) over kx x ky blocks (the last ones may be partial): a ceil(w/kx) x ceil(h/ky)
 * plane. Computing the lightness inside the reduction spares a full-resolution float plane
 * (48 MB and a pass over it for a 12-megapixel image).
 */
export function lightnessBlockMeans(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  kx: number,
  ky: number,
): Float32Array {
  const { yR, yG, yB, fOfY } = labTables();
  const ow = Math.ceil(width / kx);
  const oh = Math.ceil(height / ky);
  const out = new Float32Array(ow * oh);
  const sums = new Float64Array(ow);
  for (let oy = 0; oy < oh; oy++) {
    sums.fill(0);
    const y1 = Math.min(height, (oy + 1) * ky);
    for (let y = oy * ky; y < y1; y++) {
      let p = y * width * 4;
      for (let ox = 0, x = 0; ox < ow; ox++) {
        const x1 = Math.min(width, x + kx);
        let acc = 0;
        for (; x < x1; x++, p += 4) acc += fOfY[(yR[rgba[p]] + yG[rgba[p + 1]] + yB[rgba[p + 2]] + ROUND) >> Y_INDEX_SHIFT];
        sums[ox] += acc;
      }
    }
    const rows = y1 - oy * ky;
    for (let ox = 0; ox < ow; ox++) out[oy * ow + ox] = sums[ox] / (rows * (Math.min(width, (ox + 1) * kx) - ox * kx));
  }
  return out;
}

/** RGBA -> interleaved L, a, b (3 floats per pixel). */
export function rgbaToLab(rgba: ArrayLike<number>, out?: Float32Array): Float32Array {
  const n = rgba.length >> 2;
  const lab = out ?? new Float32Array(n * 3);
  const { decode, f } = labTables();
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const r = decode[rgba[p]];
    const g = decode[rgba[p + 1]];
    const b = decode[rgba[p + 2]];
    const fx = tableF(f, (X_R * r + X_G * g + X_B * b) / XN);
    const fy = tableF(f, luminance(r, g, b));
    const fz = tableF(f, (Z_R * r + Z_G * g + Z_B * b) / ZN);
    lab[i * 3] = 116 * fy - 16;
    lab[i * 3 + 1] = 500 * (fx - fy);
    lab[i * 3 + 2] = 200 * (fy - fz);
  }
  return lab;
}

/**
 * Interleaved L, a, b -> RGBA with out-of-gamut chroma pulled toward gray (L kept). Alpha comes
 * from `alphaFrom` (an RGBA buffer of the same size) or is 255.
 */
export function labToRgba(
  lab: ArrayLike<number>,
  out?: Uint8ClampedArray,
  alphaFrom?: ArrayLike<number>,
): Uint8ClampedArray {
  const n = Math.floor(lab.length / 3);
  const rgba = out ?? new Uint8ClampedArray(n * 4);
  const rgb = new Float64Array(3);
  const { encode } = labTables();
  for (let i = 0, p = 0; i < n; i++, p += 4) {
    const fy = (lab[i * 3] + 16) / 116;
    writeLinearRgbInGamut(labFInverse(fy), fy, lab[i * 3 + 1], lab[i * 3 + 2], rgb, 0);
    writeEncodedPixel(rgb, encode, rgba, p, alphaFrom ? alphaFrom[p + 3] : 255);
  }
  return rgba;
}

/** Linear RGB (in gamut) -> 8-bit sRGB by table, plus alpha. */
export function writeEncodedPixel(
  rgb: Float64Array,
  encode: Uint8Array,
  rgba: Uint8ClampedArray,
  p: number,
  alpha: number,
): void {
  rgba[p] = encode[(rgb[0] * ENCODE_STEPS + 0.5) | 0];
  rgba[p + 1] = encode[(rgb[1] * ENCODE_STEPS + 0.5) | 0];
  rgba[p + 2] = encode[(rgb[2] * ENCODE_STEPS + 0.5) | 0];
  rgba[p + 3] = alpha;
}
