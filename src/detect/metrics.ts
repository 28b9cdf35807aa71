// Measurements over a small RGBA buffer that the classifier (classify.ts) turns into a kind.
// Every value is a plain number so it can be reported in Detection.metrics and printed in tests.
// The graphic measurements (edges, flatness, distinct colours, topColorFrac) cover the whole buffer;
// the colour ones (chroma, hue, tone curve, contentTopColorFrac) only the picture inside a frame
// (a print's border, a mount: findContent), when there is one.
import { writeLabOfSrgb } from './lab.ts';

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

/**
 * A frame (a print's white border, a mount, a mat, a scanner bed) is a run of uniform lines along
 * the edges: every line of it has an L* and a*b* spread (standard deviation) of at most this.
 */
export const FRAME_LINE_STD = 2;
/** A frame needs lines on at least two sides, each at least this many lines deep ... */
export const FRAME_MIN_LINES = 2;
export const FRAME_MIN_SIDES = 2;
/** ... ending at a straight edge: at least this share of the boundary steps in lightness ... */
export const FRAME_MIN_EDGE = 0.7;
/** ... and leaves at least this share of the width and of the height as the picture. */
export const FRAME_MIN_CONTENT = 0.4;
/**
 * The smooth tone curve: mean a*b* per lightness band of this width, linearly interpolated
 * between band centres. A print's colour (paper tone, image tone, and the mix of both in between)
 * is a slowly varying function of lightness; a colour photo's is not.
 */
export const CURVE_BIN_L = 5;
/** A band needs this much weight (about this many pixels away from edges) to be a knot of the curve. */
export const CURVE_MIN_WEIGHT = 3;
/**
 * The curve's darkest and lightest CURVE_END_BANDS bands: a print's image tone shows in the first,
 * its paper tone in the second. Their mean colour has a hue only when its chroma reaches
 * TONE_HUE_MIN_CHROMA.
 */
export const CURVE_END_BANDS = 3;
export const TONE_HUE_MIN_CHROMA = 1.5;
/** A pixel farther than this (a*b* units) from the tone curve is off the curve. */
export const OFF_CURVE_CHROMA = 6;

const TONE_BINS = Math.ceil(100 / TONE_BIN_L) + 1;
const CURVE_BINS = Math.ceil(100 / CURVE_BIN_L);
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
  contentTopColorFrac: number;
  frameFrac: number;
  curveMaxChroma: number;
  /** Hue of the curve's shadows and of its highlights, degrees; -1 where they are (nearly) neutral or absent. */
  curveShadowHueDeg: number;
  curveHighlightHueDeg: number;
  offCurveFrac: number;
}

/** Hue in degrees of a weighted sum of a*b*, or -1 when its mean chroma is under TONE_HUE_MIN_CHROMA. */
function toneHue(sumA: number, sumB: number, weight: number): number {
  if (weight <= 0 || Math.sqrt(sumA * sumA + sumB * sumB) / weight < TONE_HUE_MIN_CHROMA) return -1;
  return ((Math.atan2(sumB, sumA) * 180) / Math.PI + 360) % 360;
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
/** Per-pixel scratch arrays, reused across calls and grown when a caller passes a bigger buffer. */
class Scratch {
  size = 0;
  L = new Float64Array(0);
  A = new Float64Array(0);
  B = new Float64Array(0);
  opaque = new Uint8Array(0);
  stepR = new Float32Array(0);
  stepD = new Float32Array(0);
  flatR = new Uint8Array(0);
  flatD = new Uint8Array(0);
  edgeW = new Float32Array(0);

  /** Makes room for n pixels; opaque and the flat flags start at 0, the steps at -1. */
  reset(n: number): void {
    if (n > this.size) {
      this.size = n;
      this.L = new Float64Array(n);
      this.A = new Float64Array(n);
      this.B = new Float64Array(n);
      this.opaque = new Uint8Array(n);
      this.stepR = new Float32Array(n);
      this.stepD = new Float32Array(n);
      this.flatR = new Uint8Array(n);
      this.flatD = new Uint8Array(n);
      this.edgeW = new Float32Array(n);
    }
    this.opaque.fill(0, 0, n);
    this.flatR.fill(0, 0, n);
    this.flatD.fill(0, 0, n);
    this.stepR.fill(-1, 0, n);
    this.stepD.fill(-1, 0, n);
  }
}

const scratch = new Scratch();
const curveLutA = new Float64Array(102);
const curveLutB = new Float64Array(102);

/** Standard deviation of L*, and of a*b* (root of the summed variances), over one line. */
function lineIsUniform(
  L: Float64Array, A: Float64Array, B: Float64Array, opaque: Uint8Array,
  start: number, stride: number, length: number,
): boolean {
  if (length <= 0) return false;
  let sl = 0, sa = 0, sb = 0, sll = 0, saa = 0, sbb = 0;
  for (let k = 0, i = start; k < length; k++, i += stride) {
    if (!opaque[i]) return false;
    const l = L[i], a = A[i], b = B[i];
    sl += l; sa += a; sb += b;
    sll += l * l; saa += a * a; sbb += b * b;
  }
  const n = length;
  const varL = sll / n - (sl / n) ** 2;
  const varAB = saa / n - (sa / n) ** 2 + sbb / n - (sb / n) ** 2;
  const limit = FRAME_LINE_STD * FRAME_LINE_STD;
  return varL <= limit && varAB <= limit;
}

export interface Rect { x0: number; y0: number; x1: number; y1: number }

/** Share of a boundary's pixels whose L* differs (by more than EDGE_L) from the frame line beside them. */
function boundaryEdgeFrac(L: Float64Array, opaque: Uint8Array, inner: number, outer: number, stride: number, length: number): number {
  let steps = 0;
  for (let k = 0, i = inner, j = outer; k < length; k++, i += stride, j += stride)
    if (opaque[i] && opaque[j] && Math.abs(L[i] - L[j]) > EDGE_L) steps++;
  return steps / Math.max(1, length);
}

/**
 * The picture inside a frame (a print's border, a mount, a mat), or the whole buffer when there is
 * none. Uniform lines are peeled from each side in turn; a side counts as framed only when it is at
 * least FRAME_MIN_LINES deep and ends at a straight edge (most of the boundary steps in lightness),
 * as a border does and a plain backdrop or sky around an object does not. Sides that do not count
 * are given back to the picture; fewer than FRAME_MIN_SIDES framed sides means no frame.
 */
export function findContent(L: Float64Array, A: Float64Array, B: Float64Array, opaque: Uint8Array, width: number, height: number): Rect {
  let x0 = 0, y0 = 0, x1 = width, y1 = height;
  const minW = Math.ceil(width * FRAME_MIN_CONTENT);
  const minH = Math.ceil(height * FRAME_MIN_CONTENT);
  for (let peeled = true; peeled; ) {
    peeled = false;
    if (y1 - y0 > minH && lineIsUniform(L, A, B, opaque, y0 * width + x0, 1, x1 - x0)) { y0++; peeled = true; }
    if (y1 - y0 > minH && lineIsUniform(L, A, B, opaque, (y1 - 1) * width + x0, 1, x1 - x0)) { y1--; peeled = true; }
    if (x1 - x0 > minW && lineIsUniform(L, A, B, opaque, y0 * width + x0, width, y1 - y0)) { x0++; peeled = true; }
    if (x1 - x0 > minW && lineIsUniform(L, A, B, opaque, y0 * width + x1 - 1, width, y1 - y0)) { x1--; peeled = true; }
  }
  const w = x1 - x0;
  const h = y1 - y0;
  const top = y0 >= FRAME_MIN_LINES && boundaryEdgeFrac(L, opaque, y0 * width + x0, (y0 - 1) * width + x0, 1, w) >= FRAME_MIN_EDGE;
  const bottom = height - y1 >= FRAME_MIN_LINES && boundaryEdgeFrac(L, opaque, (y1 - 1) * width + x0, y1 * width + x0, 1, w) >= FRAME_MIN_EDGE;
  const left = x0 >= FRAME_MIN_LINES && boundaryEdgeFrac(L, opaque, y0 * width + x0, y0 * width + x0 - 1, width, h) >= FRAME_MIN_EDGE;
  const right = width - x1 >= FRAME_MIN_LINES && boundaryEdgeFrac(L, opaque, y0 * width + x1 - 1, y0 * width + x1, width, h) >= FRAME_MIN_EDGE;
  if (Number(top) + Number(bottom) + Number(left) + Number(right) < FRAME_MIN_SIDES) return { x0: 0, y0: 0, x1: width, y1: height };
  return { x0: left ? x0 : 0, y0: top ? y0 : 0, x1: right ? x1 : width, y1: bottom ? y1 : height };
}

export function measure(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): RawMetrics {
  const n = width * height;
  scratch.reset(n);
  const { L, A, B, opaque, stepR, stepD, flatR, flatD, edgeW } = scratch;
  table.reset(n);
  const tableLab = table.lab;
  let distinct = 0;
  let topColor = 0;
  let count = 0;

  // Lightness steps to the right and down neighbour (-1 where either pixel is a hole), and whether
  // that pair is flat. Each pair is measured once, when its second pixel is reached.
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
        writeLabOfSrgb(rgba[p], rgba[p + 1], rgba[p + 2], tableLab, h * 3);
      }
      if (seen > topColor) topColor = seen;
      const l = tableLab[h * 3];
      const a = tableLab[h * 3 + 1];
      const b = tableLab[h * 3 + 2];
      L[i] = l;
      A[i] = a;
      B[i] = b;
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

  // The colour measurements look only at the picture inside a frame, if there is one; the graphic
  // ones (edges, distinct colours) at the whole buffer, plus the top colour's share inside.
  const { x0, y0, x1, y1 } = findContent(L, A, B, opaque, width, height);
  const framed = x0 > 0 || y0 > 0 || x1 < width || y1 < height;
  let contentTop = topColor;
  let inside = count;
  if (framed) {
    table.counts.fill(0);
    contentTop = 0;
    inside = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0, i = y * width + x0; x < x1; x++, i++) {
        if (!opaque[i]) continue;
        const p = i * 4;
        const c = ++table.counts[table.slot((rgba[p] << 16) | (rgba[p + 1] << 8) | rgba[p + 2])];
        if (c > contentTop) contentTop = c;
        inside++;
      }
  }

  const chromaHist = new Uint32Array(CHROMA_BINS);
  let chromatic = 0;
  let vivid = 0;
  let sumA = 0;
  let sumB = 0;
  let sumC = 0;
  // Edges, flat pixels, the edge-weighted fine tone bins and the coarse tone curve's bands.
  const binW = new Float64Array(TONE_BINS);
  const binA = new Float64Array(TONE_BINS);
  const binB = new Float64Array(TONE_BINS);
  const curveW = new Float64Array(CURVE_BINS);
  const curveA = new Float64Array(CURVE_BINS);
  const curveB = new Float64Array(CURVE_BINS);
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
      if (x < x0 || x >= x1 || y < y0 || y >= y1) continue;
      const l = L[i];
      const a = A[i];
      const b = B[i];
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
      let g = r > d ? r : d;
      if (x > 0 && stepR[i - 1] > g) g = stepR[i - 1];
      if (y > 0 && stepD[i - width] > g) g = stepD[i - width];
      const gs = g / TONE_EDGE_SOFTNESS;
      const w = 1 / (1 + gs * gs);
      edgeW[i] = w;
      const cb = Math.min(CURVE_BINS - 1, Math.max(0, (l * (1 / CURVE_BIN_L)) | 0));
      curveW[cb] += w;
      curveA[cb] += w * a;
      curveB[cb] += w * b;
      if (l > TONE_L_MIN && l < TONE_L_MAX) {
        const bin = (l * (1 / TONE_BIN_L) + 0.5) | 0;
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

  // The tone curve: band means at band centres (bands with too little weight skipped), linear in
  // between and flat beyond the end ones, tabulated at whole L* units.
  let knots = 0;
  let firstBand = -1;
  let lastBand = -1;
  let prevL = -1;
  let prevA = 0;
  let prevB = 0;
  let curveMax = 0;
  for (let k = 0; k < CURVE_BINS; k++) {
    if (curveW[k] < CURVE_MIN_WEIGHT) continue;
    const a = curveA[k] / curveW[k];
    const b = curveB[k] / curveW[k];
    const c = Math.sqrt(a * a + b * b);
    if (c > curveMax) curveMax = c;
    const kl = (k + 0.5) * CURVE_BIN_L;
    const from = knots === 0 ? 0 : Math.ceil(prevL);
    for (let j = from; j <= 100 && j <= kl; j++) {
      const t = knots === 0 ? 1 : (j - prevL) / (kl - prevL);
      curveLutA[j] = prevA + t * (a - prevA);
      curveLutB[j] = prevB + t * (b - prevB);
    }
    if (firstBand < 0) firstBand = k;
    lastBand = k;
    knots++;
    prevL = kl;
    prevA = a;
    prevB = b;
  }
  for (let j = Math.max(0, Math.floor(prevL) + 1); j <= 101; j++) {
    curveLutA[j] = prevA;
    curveLutB[j] = prevB;
  }
  // The image tone is the colour of the darkest bands, the paper tone that of the lightest.
  let shadowA = 0, shadowB = 0, shadowW = 0;
  let lightA = 0, lightB = 0, lightW = 0;
  for (let k = Math.max(0, firstBand); k >= 0 && k <= lastBand; k++) {
    if (curveW[k] < CURVE_MIN_WEIGHT) continue;
    if (k < firstBand + CURVE_END_BANDS) {
      shadowA += curveA[k];
      shadowB += curveB[k];
      shadowW += curveW[k];
    }
    if (k > lastBand - CURVE_END_BANDS) {
      lightA += curveA[k];
      lightB += curveB[k];
      lightW += curveW[k];
    }
  }
  let resW = 0;
  let offW = 0;
  if (knots > 0) {
    const off2 = OFF_CURVE_CHROMA * OFF_CURVE_CHROMA;
    for (let y = y0; y < y1; y++) {
      for (let x = x0, i = y * width + x0; x < x1; x++, i++) {
        if (!opaque[i]) continue;
        const l = L[i];
        if (l <= TONE_L_MIN || l >= TONE_L_MAX) continue;
        const j = l | 0;
        const t = l - j;
        const da = A[i] - (curveLutA[j] + t * (curveLutA[j + 1] - curveLutA[j]));
        const db = B[i] - (curveLutB[j] + t * (curveLutB[j + 1] - curveLutB[j]));
        const w = edgeW[i];
        resW += w;
        if (da * da + db * db > off2) offW += w;
      }
    }
  }

  const safe = Math.max(1, inside);
  const dominant = Math.atan2(sumB, sumA);
  return {
    pixels: count,
    transparentFrac: 1 - count / Math.max(1, n),
    chromaticFrac: chromatic / safe,
    vividFrac: vivid / safe,
    chromaP50: percentile(chromaHist, inside, 0.5),
    chromaP90: percentile(chromaHist, inside, 0.9),
    chromaP99: percentile(chromaHist, inside, 0.99),
    // Resultant length of the chroma-weighted hue directions: 1 when every coloured pixel has one hue.
    hueCoherence: sumC > 0 ? Math.hypot(sumA, sumB) / sumC : 0,
    dominantHueDeg: ((dominant * 180) / Math.PI + 360) % 360,
    // RMS distance (a*b* units) of mid-tone pixels from their lightness bin's mean colour.
    toneResidual: totalW > 0 ? Math.sqrt(Math.max(0, sumWSq - explained) / totalW) : 0,
    topColorFrac: topColor / Math.max(1, count),
    contentTopColorFrac: contentTop / safe,
    distinctColors: distinct,
    edgeFrac: edges / Math.max(1, pairs),
    strongEdgeFrac: strong / Math.max(1, pairs),
    flatFrac: flat / Math.max(1, pairs),
    flatAnisotropy: Math.abs(flatH / Math.max(1, pairsH) - flatV / Math.max(1, pairsV)),
    frameFrac: framed ? 1 - ((x1 - x0) * (y1 - y0)) / Math.max(1, n) : 0,
    // The tone curve's largest band chroma, and the (edge-weighted) share of the mid-tones that
    // strays more than OFF_CURVE_CHROMA from it.
    curveMaxChroma: curveMax,
    curveShadowHueDeg: toneHue(shadowA, shadowB, shadowW),
    curveHighlightHueDeg: toneHue(lightA, lightB, lightW),
    offCurveFrac: resW > 0 ? offW / resW : 0,
  };
}
