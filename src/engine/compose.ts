// Full-resolution compose: the network's coarse ab grid is upsampled bilinearly and joined with
// the ORIGINAL lightness of every pixel, then converted to sRGB. This is the hot loop for large
// images (12 Mpx), so it uses tables, precomputed per-column taps and no per-pixel allocation.
import { labFInverse, writeLinearRgbInGamut } from './lab.ts';
import { labTables, Y_INDEX_SHIFT, Y_ROUND } from './lab-tables.ts';
import { writeEncodedPixel } from './lab-buffers.ts';

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
  const { encode, yR, yG, yB, fOfY } = labTables();
  const tx = axisTaps(width, grid.contentWidth, grid.stride, grid.cols);
  const ty = axisTaps(height, grid.contentHeight, grid.stride, grid.rows);
  const rowA = new Float32Array(grid.cols);
  const rowB = new Float32Array(grid.cols);
  const rgb = new Float64Array(3);
  const ab = grid.data;
  for (let y = 0; y < height; y++) {
    const r0 = ty.i0[y] * grid.cols;
    const r1 = ty.i1[y] * grid.cols;
    const wy = ty.w1[y];
    for (let c = 0; c < grid.cols; c++) {
      rowA[c] = strength * (ab[(r0 + c) * 2] + wy * (ab[(r1 + c) * 2] - ab[(r0 + c) * 2]));
      rowB[c] = strength * (ab[(r0 + c) * 2 + 1] + wy * (ab[(r1 + c) * 2 + 1] - ab[(r0 + c) * 2 + 1]));
    }
    let p = y * width;
    for (let x = 0; x < width; x++, p++) {
      const c0 = tx.i0[x];
      const c1 = tx.i1[x];
      const wx = tx.w1[x];
      const a = rowA[c0] + wx * (rowA[c1] - rowA[c0]);
      const b = rowB[c0] + wx * (rowB[c1] - rowB[c0]);
      const q = p * 4;
      const f = fOfY[(yR[source[q]] + yG[source[q + 1]] + yB[source[q + 2]] + Y_ROUND) >> Y_INDEX_SHIFT];
      writeLinearRgbInGamut(labFInverse(f), f, a, b, rgb, 0);
      writeEncodedPixel(rgb, encode, out, q, source[q + 3]);
    }
  }
  return out;
}
