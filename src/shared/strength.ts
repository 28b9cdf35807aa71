// The colour strength: how much of the model's chroma is applied. 0 gives the gray original back,
// 1 is the model's own colour, 1.5 the most. The one rule for its range: the settings repair a
// stored value with it, the engine clamps what it is given, the CLI refuses what is outside it
// (and the popup's and options page's sliders stop at STRENGTH_MAX, test/unit/architecture.test.ts).

export const STRENGTH_MIN = 0;
export const STRENGTH_MAX = 1.5;
export const STRENGTH_DEFAULT = 1;

/** Whether `value` is a strength as given: a finite number in STRENGTH_MIN..STRENGTH_MAX. Pure. */
export function isStrength(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= STRENGTH_MIN && value <= STRENGTH_MAX;
}

/** A usable strength from anything: a finite number is clamped into the range, anything else is the default. Pure. */
export function clampStrength(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return STRENGTH_DEFAULT;
  return Math.min(STRENGTH_MAX, Math.max(STRENGTH_MIN, value));
}
