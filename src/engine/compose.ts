// Full-resolution compose: the network's coarse ab grid is upsampled bilinearly and joined with
// the ORIGINAL lightness of every pixel, then converted to sRGB. This is the hot loop for large
// images (12 Mpx), so it uses tables, precomputed per-column taps and no per-pixel allocation.
import { DELTA, gamutScale, INVERSE_KAPPA, XN, ZN } from '../shared/lab.ts';
import { ENCODE_STEPS, labTables, Y_INDEX_SHIFT, Y_ROUND, Y_STEPS } from './lab-tables.ts';
import type { LabTables } from './lab-tables.ts';

export interface AbGrid {
  /** NHWC [1, rows, cols, 2]: a*, b* interleaved. */
  data: Float32Array;
  cols: number;
  rows: number;
  /** Working-space pixels per grid cell (the model's output stride). */
  stride: number;
  /** Content size in working pixels (the rest of the grid covers padding). */
  contentWidth: number;
  contentHeight: number;
}

interface AxisTaps {
  i0: Int32Array;
  i1: Int32Array;
  w1: Float32Array;
}

/** Grid coordinate of each full-resolution pixel center along one axis. */
function axisTaps(fullLen: number, contentLen: number, stride: number, cells: number): AxisTaps {
  const i0 = new Int32Array(fullLen);
  const i1 = new Int32Array(fullLen);
  const w1 = new Float32Array(fullLen);
  const last = Math.max(0, Math.min(cells, Math.ceil(contentLen / stride)) - 1);
  const scale = contentLen / fullLen;
  for (let x = 0; x < fullLen; x++) {
    // Working coordinate of the pixel center, then the grid cell whose center is at stride*j + (stride-1)/2.
    const g = ((x + 0.5) * scale - 0.5 - (stride - 1) / 2) / stride;
    const c = g < 0 ? 0 : g > last ? last : g;
    const lo = Math.floor(c);
    i0[x] = lo;
    i1[x] = Math.min(lo + 1, last);
    w1[x] = c - lo;
  }
  return { i0, i1, w1 };
}

/**
 * Writes RGBA: lightness from `source` (each pixel's own, color ignored), chroma from the grid
 * times `strength`, alpha from `source`.
 */
export function composeColor(
  source: ArrayLike<number>,
  width: number,
  height: number,
  grid: AbGrid,
  strength: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  const tables = labTables();
  const tx = axisTaps(width, grid.contentWidth, grid.stride, grid.cols);
  const ty = axisTaps(height, grid.contentHeight, grid.stride, grid.rows);
  const rowA = new Float32Array(grid.cols);
  const rowB = new Float32Array(grid.cols);
  // Per pixel of one row: the f(X) and f(Z) offsets of a* and b* (f(X) = f(Y) + a/500, f(Z) = f(Y) - b/200).
  const fxOffset = new Float32Array(width);
  const fzOffset = new Float32Array(width);
  const ab = grid.data;
  for (let y = 0; y < height; y++) {
    const r0 = ty.i0[y] * grid.cols;
    const r1 = ty.i1[y] * grid.cols;
    const wy = ty.w1[y];
    for (let c = 0; c < grid.cols; c++) {
      const a0 = ab[(r0 + c) * 2];
      const b0 = ab[(r0 + c) * 2 + 1];
      rowA[c] = strength * 0.002 * (a0 + wy * (ab[(r1 + c) * 2] - a0));
      rowB[c] = strength * 0.005 * (b0 + wy * (ab[(r1 + c) * 2 + 1] - b0));
    }
    for (let x = 0; x < width; x++) {
      const c0 = tx.i0[x];
      const c1 = tx.i1[x];
      fxOffset[x] = rowA[c0] + tx.w1[x] * (rowA[c1] - rowA[c0]);
      fzOffset[x] = rowB[c0] + tx.w1[x] * (rowB[c1] - rowB[c0]);
    }
    composeRow(source, out, y * width * 4, width, fxOffset, fzOffset, tables);
  }
  return out;
}

/**
 * One row of pixels, all arithmetic inline. A function per row rather than one loop over the
 * image: V8 optimizes a function called a few hundred times as a whole, where a single long loop
 * is compiled on stack replacement with partial type feedback and may be thrown away again
 * half-way (a pixel out of gamut first seen late in the image).
 */
function composeRow(
  source: ArrayLike<number>,
  out: Uint8ClampedArray,
  start: number,
  width: number,
  fxOffset: Float32Array,
  fzOffset: Float32Array,
  { encode, yR, yG, yB, fOfY }: LabTables,
): void {
  for (let x = 0, q = start; x < width; x++, q += 4) {
    const index = (yR[source[q]] + yG[source[q + 1]] + yB[source[q + 2]] + Y_ROUND) >> Y_INDEX_SHIFT;
    const fy = fOfY[index];
    const lum = index / Y_STEPS;
    const fx = fy + fxOffset[x];
    const fz = fy - fzOffset[x];
    const cx = XN * (fx > DELTA ? fx * fx * fx : (116 * fx - 16) * INVERSE_KAPPA);
    const cz = ZN * (fz > DELTA ? fz * fz * fz : (116 * fz - 16) * INVERSE_KAPPA);
    let r = 3.2404542 * cx - 1.5371385 * lum - 0.4985314 * cz;
    let g = -0.969266 * cx + 1.8760108 * lum + 0.041556 * cz;
    let b = 0.0556434 * cx - 0.2040259 * lum + 1.0572252 * cz;
    if (r < 0 || g < 0 || b < 0 || r > 1 || g > 1 || b > 1) {
      // Out of gamut: chroma pulled toward the pixel's gray (lightness kept), as writeLinearRgbInGamut does.
      const s = gamutScale(r, g, b, lum);
      r = lum + s * (r - lum);
      g = lum + s * (g - lum);
      b = lum + s * (b - lum);
    }
    out[q] = encode[(r * ENCODE_STEPS + 0.5) | 0];
    out[q + 1] = encode[(g * ENCODE_STEPS + 0.5) | 0];
    out[q + 2] = encode[(b * ENCODE_STEPS + 0.5) | 0];
    out[q + 3] = source[q + 3];
  }
}
