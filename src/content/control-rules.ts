// The hover control's rules (pure): which skipped images it offers to colorize anyway, and the
// steps of an image's own strength.
import type { SkipCode } from '../shared/result.ts';
import { STRENGTH_MAX, STRENGTH_MIN } from '../shared/strength.ts';

/** One press of "less" or "more" colour. */
export const STRENGTH_STEP = 0.1;

/** The skip codes the control explains and offers to override: the detector's (the image is big enough to be a photo). */
export function overridable(code: SkipCode): code is 'color' | 'not-photo' {
  return code === 'color' || code === 'not-photo';
}

/** The strength one step from `strength`, within the range and on the step's grid. */
export function stepStrength(strength: number, direction: 1 | -1): number {
  const stepped = Math.round((strength + direction * STRENGTH_STEP) / STRENGTH_STEP) * STRENGTH_STEP;
  return Math.round(Math.min(STRENGTH_MAX, Math.max(STRENGTH_MIN, stepped)) * 100) / 100;
}
