// The shipped model, run by TensorFlow.js, must compute what PyTorch computed at export
// (train/export.py writes golden.json next to the weights): without hints and, for a hint-ready
// model, with a few hints painted into its hint channels.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { goldenInput, loadGolden, modelArtifacts } from '../support/model-files.ts';

const TOLERANCE = 1e-3; // ab units; weights are float16 in both runs, the rest is float32 rounding
const golden = loadGolden();
const cases = golden.cases.map((c) => [c.name, c] as const);

describe.each(['cpu', 'wasm'])('shipped model on %s', (backend) => {
  it('takes the input channels golden.json was made for', async () => {
    await tf.setBackend(backend);
    const model = await tf.loadLayersModel(tf.io.fromMemory(modelArtifacts()));
    expect(model.inputs[0].shape).toEqual([null, null, null, golden.inputChannels]);
    expect(golden.cases.map((c) => c.name)).toEqual(golden.inputChannels === 4 ? ['automatic', 'hints'] : ['automatic']);
    model.dispose();
  });

  it.each(cases)('matches the PyTorch golden output within 1e-3 (%s)', async (_, goldenCase) => {
    await tf.setBackend(backend);
    await tf.ready();
    const model = await tf.loadLayersModel(tf.io.fromMemory(modelArtifacts()));
    const input = goldenInput(golden, goldenCase);
    const out = model.predict(input) as tf.Tensor;
    expect(out.shape).toEqual(goldenCase.outputShape);
    const got = await out.data();
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - goldenCase.output[i]));
    console.log(`${backend}, ${goldenCase.name}: max |tfjs - pytorch| = ${worst.toExponential(2)} over ${got.length} values`);
    expect(worst).toBeLessThan(TOLERANCE);
    // A trained model must not be flat gray: the golden photo gets real chroma somewhere.
    expect(Math.max(...Array.from(goldenCase.output, Math.abs))).toBeGreaterThan(5);
    tf.dispose([out, input]);
    model.dispose();
  });
});

describe.runIf(golden.inputChannels === 4)('golden hints', () => {
  it('change the PyTorch output (the hint channels are used)', () => {
    const [automatic, hinted] = golden.cases;
    let worst = 0;
    for (let i = 0; i < automatic.output.length; i++) worst = Math.max(worst, Math.abs(automatic.output[i] - hinted.output[i]));
    expect(worst).toBeGreaterThan(1);
  });
});
