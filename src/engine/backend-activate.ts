// Turns chooseBackend's decision into an initialized tfjs backend, falling back down the list when
// a backend fails to initialize (a WebGL context that cannot be created, a wasm file not found).
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Registers 'webgpu' only where navigator.gpu exists (see its base.js); bundling it is harmless.
import '@tensorflow/tfjs-backend-webgpu';
import { chooseBackend } from './backend-choice.ts';
import type { BackendEnvironment, BackendName, BackendReport } from './types.ts';

const factFor: Record<BackendName, keyof BackendEnvironment | undefined> = {
  webgpu: 'webgpu',
  webgl: 'webgl',
  wasm: 'wasm',
  cpu: undefined,
};

async function trySetBackend(name: BackendName, wasmPaths: string | undefined): Promise<string | undefined> {
  try {
    if (name === 'wasm') {
      // The threaded build does not run in an MV3 service worker (backend-probe.ts).
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (wasmPaths) setWasmPaths(wasmPaths);
    }
    const ok = await tf.setBackend(name);
    if (!ok) return `${name} failed to initialize`;
    await tf.ready();
    return undefined;
  } catch (error) {
    return `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export async function activateBackend(environment: BackendEnvironment, wasmPaths?: string): Promise<BackendReport> {
  const env: BackendEnvironment = { ...environment };
  const failures: string[] = [];
  for (;;) {
    const choice = chooseBackend(env);
    const failure = await trySetBackend(choice.backend, wasmPaths);
    if (!failure) {
      const reason = failures.length ? `${choice.reason}; init failed: ${failures.join('; ')}` : choice.reason;
      return { backend: choice.backend, reason };
    }
    if (choice.backend === 'cpu') throw new Error(`no tfjs backend could be initialized: ${[...failures, failure].join('; ')}`);
    failures.push(failure);
    const fact = factFor[choice.backend];
    if (fact && fact !== 'allowed') env[fact] = null;
    env.allowed = (env.allowed ?? ['webgpu', 'webgl', 'wasm', 'cpu']).filter((b) => b !== choice.backend);
    if (env.allowed.length === 0) env.allowed = ['cpu'];
  }
}
