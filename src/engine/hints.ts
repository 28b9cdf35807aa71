// User colour hints in the engine: the list is checked by the shared rule (src/shared/hints.ts,
// which the CLI and the extension's messages use too), then each hint gets its colour's Lab a*, b*
// for the model's hint channel (hint-input.ts). No tfjs here: the CLI checks a hints file before
// it loads the engine.
import { parseHexColor, validateHints } from '../shared/hints.ts';
import { srgbToLab } from '../shared/lab.ts';
import type { ColorHint } from './types.ts';

export { HintError, parseHexColor } from '../shared/hints.ts';

/** A hint that passed checkHints(), with its colour's CIE Lab a*, b* (D65). */
export interface CheckedHint extends ColorHint {
  a: number;
  b: number;
}

/**
 * Checks a hints list (validateHints: undefined or [] is automatic colorizing; throws a HintError
 * naming the first bad entry) and adds each hint's Lab a*, b*.
 */
export function checkHints(hints: unknown): CheckedHint[] {
  return validateHints(hints).map((hint) => {
    const { a, b } = srgbToLab(...parseHexColor(hint.color)!);
    return { ...hint, a, b };
  });
}
