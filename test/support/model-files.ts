// Loads the shipped TensorFlow.js model and its golden vector from disk (Node only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const MODEL_DIR = process.env.RECOLOR_MODEL_DIR ?? path.join(REPO_ROOT, 'models/colorizer');

export function modelArtifacts(dir = MODEL_DIR): tf.io.ModelArtifacts {
  const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const weightSpecs = json.weightsManifest.flatMap((g: { weights: tf.io.WeightsManifestEntry[] }) => g.weights);
  const buffers = json.weightsManifest.flatMap((g: { paths: string[] }) => g.paths.map((p) => readFileSync(path.join(dir, p))));
  const all = Buffer.concat(buffers);
  return {
    modelTopology: json.modelTopology,
    weightSpecs,
    weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
  };
}

/** One case of golden.json: PyTorch's output for the golden lightness with these hints. */
export interface GoldenCase {
  name: string;
  hints: { x: number; y: number; color: string }[];
  /** [row, col, a/110, b/110] of every input pixel the hints paint (mask 1 there). */
  hintPixels: [number, number, number, number][];
  output: Float32Array;
  outputShape: number[];
}

export interface Golden {
  inputChannels: number;
  /** [1, S, S, 1]: x = L/50 - 1 of the golden photo. */
  lightnessShape: number[];
  lightness: Float32Array;
  cases: GoldenCase[];
}

function floats(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

export function loadGolden(dir = MODEL_DIR): Golden {
  const g = JSON.parse(readFileSync(path.join(dir, 'golden.json'), 'utf8'));
  return {
    inputChannels: g.inputChannels,
    lightnessShape: g.lightnessShape,
    lightness: floats(g.lightness),
    cases: g.cases.map((c: GoldenCase & { output: string }) => ({ ...c, output: floats(c.output) })),
  };
}

/** The network input of one golden case, rebuilt from the lightness and the painted hint pixels. */
export function goldenInput(golden: Golden, goldenCase: GoldenCase): tf.Tensor4D {
  const [, rows, cols] = golden.lightnessShape;
  const channels = golden.inputChannels;
  const data = new Float32Array(rows * cols * channels);
  golden.lightness.forEach((v, i) => (data[i * channels] = v));
  for (const [r, c, a, b] of goldenCase.hintPixels) data.set([a, b, 1], (r * cols + c) * channels + 1);
  return tf.tensor4d(data, [1, rows, cols, channels]);
}
