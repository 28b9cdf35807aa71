// Separable resampling of a float plane: a triangle (bilinear) filter whose support widens when
// shrinking, so a 4000-px row becomes 256 px by averaging, not by skipping pixels (no aliasing).

interface Taps {
  start: Int32Array;
  count: Int32Array;
  /** maxTaps weights per output index, normalized to sum 1. */
  weights: Float32Array;
  maxTaps: number;
}

function computeTaps(srcLen: number, dstLen: number): Taps {
  const scale = dstLen / srcLen;
  const support = scale < 1 ? 1 / scale : 1;
  const maxTaps = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(dstLen);
  const count = new Int32Array(dstLen);
  const weights = new Float32Array(dstLen * maxTaps);
  for (let i = 0; i < dstLen; i++) {
    const center = (i + 0.5) / scale;
    const lo = Math.max(0, Math.floor(center - support));
    const hi = Math.min(srcLen - 1, Math.ceil(center + support) - 1, lo + maxTaps - 1);
    let sum = 0;
    for (let j = lo; j <= hi; j++) {
      const w = Math.max(0, 1 - Math.abs(j + 0.5 - center) / support);
      weights[i * maxTaps + (j - lo)] = w;
      sum += w;
    }
    if (sum === 0) {
      // Only possible at the very edge of a 1-px source: take the nearest pixel.
      weights[i * maxTaps] = 1;
      sum = 1;
    }
    for (let k = 0; k <= hi - lo; k++) weights[i * maxTaps + k] /= sum;
    start[i] = lo;
    count[i] = Math.max(1, hi - lo + 1);
  }
  return { start, count, weights, maxTaps };
}

/**
 * Integer block sizes to average a sw x sh image down by before the triangle filter, leaving it
 * at least a factor 2 so the blocks' edges are smoothed away. [1, 1] for modest reductions.
 */
export function reductionFactors(sw: number, sh: number, dw: number, dh: number): [number, number] {
  return [Math.max(1, Math.floor(sw / dw / 2)), Math.max(1, Math.floor(sh / dh / 2))];
}

/** Resizes a sw x sh plane to dw x dh with a triangle filter. */
export function resamplePlane(
  src: Float32Array,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
): Float32Array {
  const tx = computeTaps(sw, dw);
  const ty = computeTaps(sh, dh);
  // Vertical pass first: it reads whole rows, which is cache-friendly for wide images.
  const mid = new Float32Array(sw * dh);
  for (let y = 0; y < dh; y++) {
    const s = ty.start[y];
    const c = ty.count[y];
    const wo = y * ty.maxTaps;
    const row = y * sw;
    for (let k = 0; k < c; k++) {
      const w = ty.weights[wo + k];
      const srcRow = (s + k) * sw;
      for (let x = 0; x < sw; x++) mid[row + x] += w * src[srcRow + x];
    }
  }
  const out = new Float32Array(dw * dh);
  for (let y = 0; y < dh; y++) {
    const row = y * sw;
    for (let x = 0; x < dw; x++) {
      const s = tx.start[x];
      const c = tx.count[x];
      const wo = x * tx.maxTaps;
      let acc = 0;
      for (let k = 0; k < c; k++) acc += tx.weights[wo + k] * mid[row + s + k];
      out[y * dw + x] = acc;
    }
  }
  return out;
}
