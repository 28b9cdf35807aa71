// Measurements over a small RGBA buffer that the classifier (classify.ts) turns into a kind.
// Every value is a plain number so it can be reported in Detection.metrics and printed in tests.
import { srgbToLab } from './lab.ts';

/** Pixels with alpha below this are holes (not part of the picture). */
export const OPAQUE_ALPHA_MIN = 128;
/**
 * Chroma (C*ab) a pixel needs to count as coloured. Gray JPEGs, even with colour-scanner noise,
 * stay below ~1.5 after the downscale to 64 px averages the noise; the most muted colour photo in
 * the val set still has 2.6% of its pixels above 6.
 */
export const CHROMA_NOISE_FLOOR = 6;
/** Chroma of a clearly coloured pixel, beyond any toning cast or noise. */
export const VIVID_CHROMA = 15;
/**
 * Lightness bin width for "is a*b* a function of L*?": a toned print's colour depends on L* alone.
 * 2 units keeps the spread a steep tone curve (sepia filters near white) puts inside one bin small.
 */
export const TONE_BIN_L = 2;
/**
 * Only mid-tones enter the tone-curve test: near black and near white the sepia filter's clipping
 * bends the curve so steeply that one bin holds very different colours.
 */
export const TONE_L_MIN = 8;
export const TONE_L_MAX = 88;
/**
 * Edge pixels are down-weighted in the tone-curve test (weight 1/(1+(g/G)^2), g = local L* step):
 * downscaling and JPEG 4:2:0 mix the colours of both sides of an edge, off the tone curve.
 */
export const TONE_EDGE_SOFTNESS = 4;
/** Neighbours whose L* differs by at most this (and a*+b* by twice it) are "flat". */
export const FLAT_L_DELTA = 0.6;
/** An L* step above this between neighbours is an edge; above STRONG_EDGE_L a hard edge. */
export const EDGE_L = 6;
export const STRONG_EDGE_L = 20;

const TONE_BINS = Math.ceil(100 / TONE_BIN_L) + 1;
const CHROMA_BINS = 256; // CHROMA_BIN_SIZE units each
const CHROMA_BIN_SIZE = 0.5;

export interface RawMetrics {
  [key: string]: number;
  pixels: number;
  transparentFrac: number;
  chromaticFrac: number;
  vividFrac: number;
  chromaP50: number;
  chromaP90: number;
  chromaP99: number;
  hueCoherence: number;
  dominantHueDeg: number;
  toneResidual: number;
  topColorFrac: number;
  distinctColors: number;
  edgeFrac: number;
  strongEdgeFrac: number;
  flatFrac: number;
  flatAnisotropy: number;
}

function percentile(hist: Uint32Array, total: number, p: number): number {
  const target = p * total;
  let acc = 0;
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i];
    if (acc >= target) return (i + 0.5) * CHROMA_BIN_SIZE;
  }
  return hist.length * CHROMA_BIN_SIZE;
}

/**
 * Open-addressing table of the exact colours seen, with each colour's Lab: a photo thumbnail
 * repeats a third of its colours and a graphic most of them, so each is converted once. Reused
 * across calls (a page checks many images) and grown when a caller passes a bigger buffer.
 */
class ColorTable {
  keys = new Int32Array(0);
  counts = new Uint32Array(0);
  lab = new Float64Array(0);
  mask = 0;

  reset(pixels: number): void {
    let size = 1024;
    while (size < pixels * 2) size *= 2;
    if (size !== this.keys.length) {
      this.keys = new Int32Array(size);
      this.counts = new Uint32Array(size);
      this.lab = new Float64Array(size * 3);
      this.mask = size - 1;
    }
    this.keys.fill(-1);
  }

  /** The slot of `key`, claimed (count 0, Lab not yet filled) if new. */
  slot(key: number): number {
    let h = (Math.imul(key, 0x9e3779b1) >>> 7) & this.mask;
    while (this.keys[h] !== key) {
      if (this.keys[h] === -1) {
        this.keys[h] = key;
        this.counts[h] = 0;
        return h;
      }
      h = (h + 1) & this.mask;
    }
    return h;
  }
}

const table = new ColorTable();

export function measure(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): RawMetrics {
  const n = width * height;
  const L = new Float64Array(n);
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const opaque = new Uint8Array(n);
  const chromaHist = new Uint32Array(CHROMA_BINS);
  table.reset(n);
  const tableLab = table.lab;
  let distinct = 0;
  let topColor = 0;
  let count = 0;
  let chromatic = 0;
  let vivid = 0;
  let sumA = 0;
  let sumB = 0;
  let sumC = 0;

  // Lightness steps to the right and down neighbour (-1 where either pixel is a hole), and whether
  // that pair is flat. Each pair is measured once, when its second pixel is reached.
  const stepR = new Float32Array(n).fill(-1);
  const stepD = new Float32Array(n).fill(-1);
  const flatR = new Uint8Array(n);
  const flatD = new Uint8Array(n);
  let pairsH = 0;
  let pairsV = 0;
  let flatH = 0;
  let flatV = 0;

  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const p = i * 4;
      if (rgba[p + 3] < OPAQUE_ALPHA_MIN) continue;
      opaque[i] = 1;
      count++;
      const h = table.slot((rgba[p] << 16) | (rgba[p + 1] << 8) | rgba[p + 2]);
      const seen = ++table.counts[h];
      if (seen === 1) {
        distinct++;
        srgbToLab(rgba[p], rgba[p + 1], rgba[p + 2], tableLab, h * 3);
      }
      if (seen > topColor) topColor = seen;
      const l = tableLab[h * 3];
      const a = tableLab[h * 3 + 1];
      const b = tableLab[h * 3 + 2];
      L[i] = l;
      A[i] = a;
      B[i] = b;
      const c = Math.sqrt(a * a + b * b);
      const cbin = (c * (1 / CHROMA_BIN_SIZE)) | 0;
      chromaHist[cbin < CHROMA_BINS ? cbin : CHROMA_BINS - 1]++;
      if (c > CHROMA_NOISE_FLOOR) {
        chromatic++;
        sumA += a;
        sumB += b;
        sumC += c;
      }
      if (c > VIVID_CHROMA) vivid++;
      if (x > 0 && opaque[i - 1]) {
        const j = i - 1;
        const d = Math.abs(l - L[j]);
        stepR[j] = d;
        pairsH++;
        if (d <= FLAT_L_DELTA && Math.abs(a - A[j]) + Math.abs(b - B[j]) <= 2 * FLAT_L_DELTA) {
          flatR[j] = 1;
          flatH++;
        }
      }
      if (y > 0 && opaque[i - width]) {
        const j = i - width;
        const d = Math.abs(l - L[j]);
        stepD[j] = d;
        pairsV++;
        if (d <= FLAT_L_DELTA && Math.abs(a - A[j]) + Math.abs(b - B[j]) <= 2 * FLAT_L_DELTA) {
          flatD[j] = 1;
          flatV++;
        }
      }
    }
  }

  // Edges, flat pixels and the edge-weighted tone curve.
  const binW = new Float64Array(TONE_BINS);
  const binA = new Float64Array(TONE_BINS);
  const binB = new Float64Array(TONE_BINS);
  let sumWSq = 0;
  let pairs = 0;
  let edges = 0;
  let strong = 0;
  let flat = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!opaque[i]) continue;
      const r = stepR[i];
      const d = stepD[i];
      if (r >= 0 && d >= 0) {
        const step = r > d ? r : d;
        pairs++;
        if (flatR[i] && flatD[i]) flat++;
        if (step > EDGE_L) edges++;
        if (step > STRONG_EDGE_L) strong++;
      }
      const l = L[i];
      if (l > TONE_L_MIN && l < TONE_L_MAX) {
        let g = r > d ? r : d;
        if (x > 0 && stepR[i - 1] > g) g = stepR[i - 1];
        if (y > 0 && stepD[i - width] > g) g = stepD[i - width];
        const gs = g / TONE_EDGE_SOFTNESS;
        const w = 1 / (1 + gs * gs);
        const bin = (l * (1 / TONE_BIN_L) + 0.5) | 0;
        const a = A[i];
        const b = B[i];
        binW[bin] += w;
        binA[bin] += w * a;
        binB[bin] += w * b;
        sumWSq += w * (a * a + b * b);
      }
    }
  }
  // Weighted within-bin variance of a*b*: sum w|ab|^2 - sum over bins |sum w ab|^2 / sum w.
  let totalW = 0;
  let explained = 0;
  for (let b = 0; b < TONE_BINS; b++) {
    if (binW[b] <= 0) continue;
    totalW += binW[b];
    explained += (binA[b] * binA[b] + binB[b] * binB[b]) / binW[b];
  }

  const safe = Math.max(1, count);
  const dominant = Math.atan2(sumB, sumA);
  return {
    pixels: count,
    transparentFrac: 1 - count / Math.max(1, n),
    chromaticFrac: chromatic / safe,
    vividFrac: vivid / safe,
    chromaP50: percentile(chromaHist, count, 0.5),
    chromaP90: percentile(chromaHist, count, 0.9),
    chromaP99: percentile(chromaHist, count, 0.99),
    // Resultant length of the chroma-weighted hue directions: 1 when every coloured pixel has one hue.
    hueCoherence: sumC > 0 ? Math.hypot(sumA, sumB) / sumC : 0,
    dominantHueDeg: ((dominant * 180) / Math.PI + 360) % 360,
    // RMS distance (a*b* units) of mid-tone pixels from their lightness bin's mean colour.
    toneResidual: totalW > 0 ? Math.sqrt(Math.max(0, sumWSq - explained) / totalW) : 0,
    topColorFrac: topColor / safe,
    distinctColors: distinct,
    edgeFrac: edges / Math.max(1, pairs),
    strongEdgeFrac: strong / Math.max(1, pairs),
    flatFrac: flat / Math.max(1, pairs),
    flatAnisotropy: Math.abs(flatH / Math.max(1, pairsH) - flatV / Math.max(1, pairsV)),
  };
}
