// Hosts the colorization engine in the background: loaded on first use from the extension's own
// files (model and tfjs wasm ship in the package; nothing is downloaded), reported to the options
// page with the backend tfjs ended up on and why.
import browser from 'webextension-polyfill';
import { engineMemory, getEngine } from '../engine/index.ts';
import type { Engine, EngineMemory } from '../engine/index.ts';
import type { EngineStatus } from '../shared/messages.ts';

let loading: Promise<Engine> | undefined;
let loaded = false;
let status: EngineStatus = { ok: true, state: 'not-loaded' };
/** When the load started and ended (performance.now() of this worker), for `npm run bench`. */
let loadTimes: { started: number; ready?: number } | undefined;

let version: Promise<string> | undefined;

/** The shipped model's version (info.json), without loading the model: cache hits need only this. */
export function modelVersion(): Promise<string> {
  version ??= fetch(browser.runtime.getURL('models/colorizer/info.json'))
    .then((response) => response.json() as Promise<{ version?: unknown }>)
    .then((info) => (typeof info.version === 'string' ? info.version : 'unknown'))
    .catch(() => 'unknown');
  return version;
}

export function engineStatus(): EngineStatus {
  return status;
}

export function loadEngine(): Promise<Engine> {
  loading ??= (async () => {
    status = { ok: true, state: 'loading' };
    loadTimes = { started: performance.now() };
    const engine = await getEngine({
      model: browser.runtime.getURL('models/colorizer/model.json'),
      modelVersion: await modelVersion(),
      wasmPaths: browser.runtime.getURL('wasm/'),
    });
    status = {
      ok: true,
      state: 'ready',
      backend: engine.backend.backend,
      reason: engine.backend.reason,
      modelVersion: engine.modelVersion,
    };
    loadTimes.ready = performance.now();
    loaded = true;
    return engine;
  })().catch((error: unknown) => {
    status = { ok: true, state: 'failed', error: error instanceof Error ? error.message : String(error) };
    // The next request tries again (a transient failure must not disable the extension).
    loading = undefined;
    throw error;
  });
  return loading;
}

export function engineLoadTimes(): { started: number; ready?: number } | undefined {
  return loadTimes && { ...loadTimes };
}

/** tfjs tensors and wasm memory, or null before the engine has loaded. */
export function engineMemoryNow(): EngineMemory | null {
  return loaded ? engineMemory() : null;
}
