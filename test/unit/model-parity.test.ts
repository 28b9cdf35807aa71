// The shipped model, run by TensorFlow.js, must compute what PyTorch computed at export
// (train/export.py writes golden.json next to the weights).
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadGolden, modelArtifacts } from './model-files.ts';

const TOLERANCE = 1e-3; // ab units; weights are float16 in both runs, the rest is float32 rounding

describe.each(['cpu', 'wasm'])('shipped model on %s', (backend) => {
  it('matches the PyTorch golden output within 1e-3', async () => {
    await tf.setBackend(backend);
    await tf.ready();
    const model = await tf.loadLayersModel(tf.io.fromMemory(modelArtifacts()));
    const golden = loadGolden();
    const out = model.predict(golden.input) as tf.Tensor;
    expect(out.shape).toEqual(golden.outputShape);
    const got = await out.data();
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - golden.output[i]));
    console.log(`${backend}: max |tfjs - pytorch| = ${worst.toExponential(2)} over ${got.length} values`);
    expect(worst).toBeLessThan(TOLERANCE);
    // A trained model must not be flat gray: the golden photo gets real chroma somewhere.
    expect(Math.max(...Array.from(golden.output, Math.abs))).toBeGreaterThan(5);
    tf.dispose([out, golden.input]);
    model.dispose();
  });
});
