// In-page harness for `npm run bench`: model passes on one tfjs backend in a plain web page
// (bench/lib/server.ts serves it with the model and tfjs's .wasm). Query: ?backend=webgl&runs=10
// &warmup=2; the result (model-timing.ts) lands in window.benchResult.
import * as tf from '@tensorflow/tfjs';
import { probeBackendEnvironment } from '../../src/engine/backend-probe.ts';
import type { BackendName } from '../../src/engine/types.ts';
import { workingGeometry, workingInput, WORKING_SIZE } from '../../src/engine/working-input.ts';
import { backendFacts, timeModel } from './model-timing.ts';
import type { ModelResult } from './model-timing.ts';

async function photoInput(url: string): Promise<Float32Array> {
  const bitmap = await createImageBitmap(await (await fetch(url)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return workingInput(data, bitmap.width, bitmap.height, workingGeometry(bitmap.width, bitmap.height, WORKING_SIZE));
}

async function run(): Promise<ModelResult> {
  const params = new URLSearchParams(location.search);
  const backend = (params.get('backend') ?? 'wasm') as BackendName;
  const environment = await probeBackendEnvironment();
  return timeModel({
    backend,
    environment,
    facts: backendFacts(backend, environment),
    unavailableWhy:
      backend === 'webgpu'
        ? 'gpu' in navigator
          ? 'navigator.gpu.requestAdapter() returned no adapter'
          : 'no navigator.gpu'
        : `no ${backend} here`,
    wasmPaths: new URL('/wasm/', location.href).href,
    loadModel: () => tf.loadLayersModel('/model/model.json'),
    input: () => photoInput('/photos/512x512.jpg'),
    runs: Number(params.get('runs') ?? 10),
    warmup: Number(params.get('warmup') ?? 2),
  });
}

const target = window as unknown as { benchResult?: ModelResult };
run().then(
  (result) => (target.benchResult = result),
  (error: unknown) => (target.benchResult = { backend: '?', available: false, detail: 'harness failed', error: String(error) }),
);
