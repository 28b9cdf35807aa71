// The few most likely colours of one point, from the model's probabilities over its ab bins
// (a grid of step 10 in CIE a*, b*: train/ab_bins.py). Neighbouring bins are one colour to a user
// (a*, b* 10 apart look alike), so the likeliest bins are picked greedily with a minimum distance
// between picks, and each pick gets the probability of the bins near it as well. Pure, no tfjs.

export interface BinPeak {
  a: number;
  b: number;
  /** Probability of this bin and the unpicked bins within `radius` of it (nearest pick wins). */
  probability: number;
}

/** Picks closer than this (a*, b* units) are merged: neighbours on the 10-step grid are. */
export const PEAK_RADIUS = 15;

/** Peaks less likely than this are left out (not worth a swatch). */
export const MIN_PEAK_PROBABILITY = 0.01;

/**
 * probs: one probability per bin; centers: interleaved a*, b* per bin. Returns at most `count`
 * peaks of at least MIN_PEAK_PROBABILITY each, most likely first.
 */
export function binPeaks(probs: ArrayLike<number>, centers: ArrayLike<number>, count: number, radius = PEAK_RADIUS): BinPeak[] {
  const bins = probs.length;
  if (centers.length !== bins * 2) throw new RangeError(`${bins} probabilities but ${centers.length / 2} bin centres`);
  const order = Array.from({ length: bins }, (_, i) => i).sort((i, j) => probs[j] - probs[i] || i - j);
  const picks: number[] = [];
  const near = (i: number, j: number) => Math.hypot(centers[2 * i] - centers[2 * j], centers[2 * i + 1] - centers[2 * j + 1]);
  for (const i of order) {
    if (picks.length >= count || !(probs[i] > 0)) break;
    if (picks.every((p) => near(i, p) > radius)) picks.push(i);
  }
  const mass = picks.map(() => 0);
  for (let i = 0; i < bins; i++) {
    let best = -1;
    let bestD = radius;
    picks.forEach((p, k) => {
      const d = near(i, p);
      if (d <= bestD) {
        best = k;
        bestD = d;
      }
    });
    if (best >= 0) mass[best] += probs[i];
  }
  return picks
    .map((p, k) => ({ a: centers[2 * p], b: centers[2 * p + 1], probability: mass[k] }))
    .filter((peak) => peak.probability >= MIN_PEAK_PROBABILITY)
    .sort((x, y) => y.probability - x.probability);
}
