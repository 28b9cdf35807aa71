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

export interface Golden { input: tf.Tensor4D; output: Float32Array; outputShape: number[] }

export function loadGolden(dir = MODEL_DIR): Golden {
  const g = JSON.parse(readFileSync(path.join(dir, 'golden.json'), 'utf8'));
  const floats = (b64: string) => {
    const buf = Buffer.from(b64, 'base64');
    return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  };
  return {
    input: tf.tensor4d(floats(g.input), g.inputShape),
    output: floats(g.output),
    outputShape: g.outputShape,
  };
}
