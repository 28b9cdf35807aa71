// The hint-ready network input (models/colorizer/info.json "hints"): NHWC [1, S, S, 4] =
// [L/50 - 1, hint a / 110, hint b / 110, hint mask], the hint channels zero where no hint is.
// Each hint is painted as a PATCH x PATCH square at the working input (train/hints.py
// ENGINE_PATCH), centred on the working pixel that holds the hint's image point. The image sits at
// the top left of the square (working-input.ts), so a fraction x of the image's width is
// x * geo.width working pixels from the left; squares are clipped to the image, never painted on
// the edge padding. A later hint overwrites an earlier one where they overlap.
import type { CheckedHint } from './hints.ts';
import type { WorkingGeometry } from './working-input.ts';

export const HINT_AB_SCALE = 110;
export const HINT_PATCH = 3;
export const HINT_CHANNELS = 4;

/** Working pixel (column, row) holding the image point at fractions (x, y); 1 maps to the last. */
export function hintPixel(x: number, y: number, geo: WorkingGeometry): [number, number] {
  return [Math.min(geo.width - 1, Math.floor(x * geo.width)), Math.min(geo.height - 1, Math.floor(y * geo.height))];
}

/** L plane (size * size, x = L/50 - 1) and checked hints -> the 4-channel input, interleaved. */
export function hintInput(plane: Float32Array, hints: readonly CheckedHint[], geo: WorkingGeometry): Float32Array {
  const { size } = geo;
  const input = new Float32Array(size * size * HINT_CHANNELS);
  for (let i = 0; i < size * size; i++) input[i * HINT_CHANNELS] = plane[i];
  const half = Math.floor(HINT_PATCH / 2);
  for (const hint of hints) {
    const [col, row] = hintPixel(hint.x, hint.y, geo);
    const a = hint.a / HINT_AB_SCALE;
    const b = hint.b / HINT_AB_SCALE;
    for (let r = Math.max(0, row - half); r <= Math.min(geo.height - 1, row + half); r++) {
      for (let c = Math.max(0, col - half); c <= Math.min(geo.width - 1, col + half); c++) {
        const p = (r * size + c) * HINT_CHANNELS;
        input[p + 1] = a;
        input[p + 2] = b;
        input[p + 3] = 1;
      }
    }
  }
  return input;
}
