// One model benchmark on one tfjs backend, shared by the in-page harness (model-page.ts) and the
// Node one (node-model.ts): backend init, model load, first pass (shader / wasm compile happen
// here), then `runs` passes after `warmup` more, all on the same real photo's working input.
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '@tensorflow/tfjs';
import { activateBackend } from '../../src/engine/backend-activate.ts';
import { predictAb } from '../../src/engine/colorize.ts';
import type { BackendEnvironment, BackendName } from '../../src/engine/types.ts';
import { WORKING_SIZE } from '../../src/engine/working-input.ts';

export interface ModelResult {
  backend: string;
  available: boolean;
  /** Why the backend is unavailable, or what it runs on (adapter, renderer). */
  detail: string;
  software?: boolean;
  initMs?: number;
  loadMs?: number;
  firstPassMs?: number;
  passesMs?: number[];
  tensorsBefore?: number;
  tensorsAfter?: number;
  error?: string;
}

export interface ModelBench {
  backend: BackendName;
  environment: BackendEnvironment;
  /** What the backend runs on, in words; null when the environment lacks it. */
  facts: string | null;
  unavailableWhy: string;
  wasmPaths?: string;
  loadModel(): Promise<LayersModel>;
  input(): Promise<Float32Array>;
  runs: number;
  warmup: number;
}

export async function timeModel(bench: ModelBench): Promise<ModelResult> {
  const { backend, facts } = bench;
  if (!facts) return { backend, available: false, detail: bench.unavailableWhy };
  const software = /swiftshader|llvmpipe|lavapipe|software|fallback/i.test(facts);
  const t0 = performance.now();
  const report = await activateBackend({ ...bench.environment, allowed: [backend] }, bench.wasmPaths);
  if (report.backend !== backend) return { backend, available: false, detail: `${facts}; ${report.reason}` };
  const t1 = performance.now();
  const model = await bench.loadModel();
  const t2 = performance.now();
  const input = await bench.input();
  const tensorsBefore = tf.memory().numTensors;
  const t3 = performance.now();
  await predictAb(model, input, WORKING_SIZE);
  const t4 = performance.now();
  const passesMs: number[] = [];
  for (let i = -bench.warmup; i < bench.runs; i++) {
    const start = performance.now();
    await predictAb(model, input, WORKING_SIZE);
    if (i >= 0) passesMs.push(performance.now() - start);
  }
  const tensorsAfter = tf.memory().numTensors;
  model.dispose();
  return {
    backend,
    available: true,
    detail: facts,
    software,
    initMs: t1 - t0,
    loadMs: t2 - t1,
    firstPassMs: t4 - t3,
    passesMs,
    tensorsBefore,
    tensorsAfter,
  };
}

/** What the environment offers for the backend, in words, or null. */
export function backendFacts(backend: BackendName, environment: BackendEnvironment): string | null {
  switch (backend) {
    case 'webgpu': {
      const gpu = environment.webgpu;
      if (!gpu) return null;
      const name = [gpu.vendor, gpu.architecture, gpu.description].filter(Boolean).join(' ') || 'unnamed';
      return `WebGPU adapter: ${name}${gpu.isFallbackAdapter ? ' (fallback adapter)' : ''}`;
    }
    case 'webgl':
      return environment.webgl && `WebGL${environment.webgl.version}: ${environment.webgl.renderer}`;
    case 'wasm':
      return environment.wasm && `wasm ${environment.wasm.simd ? 'SIMD' : 'no SIMD'}, 1 thread`;
    case 'cpu':
      return 'plain JavaScript';
  }
}
