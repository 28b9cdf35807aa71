// One colorization: full-resolution lightness -> 256 working input -> model -> ab grid ->
// full-resolution compose. A prepared image (prepared.ts) brings its working input made already.
// Tensors live only inside tf.tidy or are disposed right after reading.
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '@tensorflow/tfjs';
import { clampStrength } from '../shared/strength.ts';
import { composeColor } from './compose.ts';
import { HINT_CHANNELS, hintInput } from './hint-input.ts';
import { checkHints } from './hints.ts';
import { isPrepared, preparedImage } from './prepared.ts';
import type { ColorizeOptions, PreparedImage, RgbaImage } from './types.ts';

/** Milliseconds per stage of the last call (benchmarks; not part of the public contract). */
export interface StageTimings {
  /** Lightness of every pixel, reduced to the working input. */
  prepare: number;
  /** Tensor upload, network, download of ab. */
  model: number;
  /** Upsampling ab and converting to sRGB at full resolution. */
  compose: number;
}

/** Input channels of a loaded model: 1 (L only) or 4 (L and the hint channels). */
export function modelInputChannels(model: LayersModel): 1 | 4 {
  const shape = model.inputs[0].shape;
  const channels = shape[shape.length - 1];
  if (channels !== 1 && channels !== HINT_CHANNELS) {
    throw new Error(`model input shape [${shape}] has ${channels} channels; expected 1 (L) or 4 (L and hints)`);
  }
  return channels;
}

/**
 * Runs the network on a normalized working input of size * size pixels: the model's own channels
 * interleaved (NHWC), or the L plane alone, which a hint-ready model gets with empty hint channels
 * (automatic colorizing). Returns the ab grid's data and shape.
 */
export async function predictAb(model: LayersModel, input: Float32Array, size: number) {
  const channels = modelInputChannels(model);
  let x = input;
  if (channels === HINT_CHANNELS && input.length === size * size) x = hintInput(input, [], { size, width: size, height: size });
  if (x.length !== size * size * channels) {
    throw new RangeError(`working input has ${input.length} values, expected ${size * size} or ${size * size * channels}`);
  }
  const output = tf.tidy(() => model.predict(tf.tensor4d(x, [1, size, size, channels])) as tf.Tensor);
  try {
    const [, rows, cols, depth] = output.shape;
    if (depth !== 2 || !rows || !cols) throw new Error(`model output shape ${output.shape} is not [1, h, w, 2]`);
    return { data: (await output.data()) as Float32Array, rows, cols };
  } finally {
    output.dispose();
  }
}

export async function colorizeImage(
  model: LayersModel,
  image: RgbaImage | PreparedImage,
  options: ColorizeOptions = {},
  timings?: StageTimings,
): Promise<RgbaImage> {
  // Malformed hints are an error with any model; a 1-channel model then ignores valid ones.
  const hints = checkHints(options.hints);
  const channels = modelInputChannels(model);
  const t0 = performance.now();
  const { plane, geo, pixels } = isPrepared(image) ? image : preparedImage(image);
  const { width, height, data } = pixels;
  const input = channels === HINT_CHANNELS ? hintInput(plane, hints, geo) : plane;
  const t1 = performance.now();
  const ab = await predictAb(model, input, geo.size);
  const t2 = performance.now();
  const grid = {
    ...ab,
    stride: geo.size / ab.cols,
    contentWidth: geo.width,
    contentHeight: geo.height,
  };
  const out = composeColor(data, width, height, grid, clampStrength(options.strength));
  const t3 = performance.now();
  if (timings) {
    timings.prepare = t1 - t0;
    timings.model = t2 - t1;
    timings.compose = t3 - t2;
  }
  return { data: out, width, height };
}
