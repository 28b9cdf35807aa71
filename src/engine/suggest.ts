// Suggested colours for a point of an image (the colour editor's swatches): the model's own
// probabilities over its ab bins there, read from the exported graph's softmax layer ('bin_probs',
// train/export.py) before the decode layer ('ab') turns them into one colour. The decode layer's
// kernel holds the bin centres times the export's chroma scale; the swatches are the centres
// themselves. The probabilities are the annealed ones the decode uses (temperature folded into the
// logits), which changes their spread, not their order. The editor asks about one image many
// times: suggestionImage() or preparedImage() (prepared.ts) makes its network input once, and
// suggestColors() takes either that or the pixels.
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '@tensorflow/tfjs';
import { binPeaks } from './bin-peaks.ts';
import { modelInputChannels } from './colorize.ts';
import { HINT_CHANNELS, hintInput, hintPixel } from './hint-input.ts';
import { checkHints } from './hints.ts';
import { labToSrgb } from '../shared/lab.ts';
import type { ColorSuggestions, RgbaImage, SuggestionImage, SuggestOptions } from './types.ts';
import { suggestionImage } from './prepared.ts';

export const PROBS_LAYER = 'bin_probs';
export const DECODE_LAYER = 'ab';
export const DEFAULT_SUGGESTIONS = 5;
export const MAX_SUGGESTIONS = 12;
/** Swatches are drawn at the point's lightness kept within this range, so dark or bright points still show a colour. */
const SWATCH_L: [number, number] = [40, 80];

export interface BinReader {
  /** The model up to its bin probabilities: [1, H/4, W/4, bins]. */
  probs: LayersModel;
  /** Bin centres as the decode layer weights them (times the chroma scale), a*, b* interleaved. */
  weighted: Float32Array;
  chromaScale: number;
}

/** The reader for a model with a 'bin_probs' softmax feeding an 'ab' decode layer, or null for other models. */
export function binReader(model: LayersModel, chromaScale: number): BinReader | null {
  const names = new Set(model.layers.map((layer) => layer.name));
  if (!names.has(PROBS_LAYER) || !names.has(DECODE_LAYER)) return null;
  const [kernel] = model.getLayer(DECODE_LAYER).getWeights();
  const probs = tf.model({ inputs: model.inputs, outputs: model.getLayer(PROBS_LAYER).output as tf.SymbolicTensor });
  return { probs, weighted: kernel.dataSync() as Float32Array, chromaScale };
}

const hex = (v: number) => Math.round(v).toString(16).padStart(2, '0');

export async function suggestColors(
  reader: BinReader,
  model: LayersModel,
  image: RgbaImage | SuggestionImage,
  options: SuggestOptions,
): Promise<ColorSuggestions> {
  const { x, y } = options;
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) throw new RangeError(`point must be fractions 0..1 of the image, got ${x}, ${y}`);
  const count = Math.max(1, Math.min(MAX_SUGGESTIONS, Math.floor(options.count ?? DEFAULT_SUGGESTIONS)));
  const hints = checkHints(options.hints);
  const { plane, geo } = 'plane' in image ? image : suggestionImage(image);
  const channels = modelInputChannels(model);
  const input = channels === HINT_CHANNELS ? hintInput(plane, hints, geo) : plane;
  const [col, row] = hintPixel(x, y, geo);
  const output = tf.tidy(() => reader.probs.predict(tf.tensor4d(input, [1, geo.size, geo.size, channels])) as tf.Tensor);
  let probs: Float32Array;
  let cell: [number, number];
  try {
    const [, rows, cols, bins] = output.shape as number[];
    const stride = geo.size / cols;
    cell = [Math.min(rows - 1, Math.floor(row / stride)), Math.min(cols - 1, Math.floor(col / stride))];
    const at = tf.tidy(() => output.slice([0, cell[0], cell[1], 0], [1, 1, 1, bins]));
    probs = (await at.data()) as Float32Array;
    at.dispose();
  } finally {
    output.dispose();
  }
  const s = reader.chromaScale;
  const centers = reader.weighted.map((v) => v / s);
  let meanA = 0;
  let meanB = 0;
  probs.forEach((p, i) => {
    meanA += p * reader.weighted[2 * i];
    meanB += p * reader.weighted[2 * i + 1];
  });
  const L = Math.min(SWATCH_L[1], Math.max(SWATCH_L[0], 50 * (plane[row * geo.size + col] + 1)));
  const colors = binPeaks(probs, centers, count).map((peak) => {
    const { r, g, b } = labToSrgb(L, peak.a, peak.b);
    return { ...peak, color: `#${hex(r)}${hex(g)}${hex(b)}` };
  });
  return { colors, mean: { a: meanA, b: meanB }, cell };
}
