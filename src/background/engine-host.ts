// Hosts the colorization engine in the background: loaded on first use from the extension's own
// files (model and tfjs wasm ship in the package; nothing is downloaded), reported to the options
// page with the backend tfjs ended up on and why.
import browser from 'webextension-polyfill';
import { engineMemory, getEngine } from '../engine/index.ts';
import type { Engine, EngineMemory } from '../engine/index.ts';
import type { EngineStatus } from '../shared/messages.ts';
import { failureText, waitBeforeRetry } from './load-backoff.ts';
import type { LoadFailures } from './load-backoff.ts';

let loading: Promise<Engine> | undefined;
let loaded = false;
let status: EngineStatus = { ok: true, state: 'not-loaded' };
/** When the load started and ended (performance.now() of this worker), for `npm run bench`. */
let loadTimes: { started: number; ready?: number } | undefined;

let info: Promise<{ version: string; chromaScale?: number }> | undefined;

/** The shipped model's info.json: its version, and the chroma scale its export folded in (suggested colours undo it). */
function modelInfo(): Promise<{ version: string; chromaScale?: number }> {
  info ??= fetch(browser.runtime.getURL('models/colorizer/info.json'))
    .then((response) => response.json() as Promise<{ version?: unknown; chromaScale?: unknown }>)
    .then((raw) => ({
      version: typeof raw.version === 'string' ? raw.version : 'unknown',
      chromaScale: typeof raw.chromaScale === 'number' && raw.chromaScale > 0 ? raw.chromaScale : undefined,
    }))
    .catch(() => ({ version: 'unknown' }));
  return info;
}

/** The shipped model's version (info.json), without loading the model: cache hits need only this. */
export async function modelVersion(): Promise<string> {
  return (await modelInfo()).version;
}

let failures: LoadFailures | undefined;

export function engineStatus(): EngineStatus {
  // A failed load says when it is tried again (the options page shows the error text).
  return failures && status.state === 'failed' ? { ...status, error: failureText(failures, Date.now()) } : status;
}

/**
 * The engine, loading it on first use. After a failed load, jobs are refused at once until the
 * backoff (load-backoff.ts) has passed, instead of each retrying the load; `userAsked` (the options
 * page's button) tries at once.
 */
export function loadEngine(userAsked = false): Promise<Engine> {
  if (!loading && waitBeforeRetry(failures, Date.now(), userAsked) > 0) {
    return Promise.reject(new Error(`model not loaded: ${failureText(failures!, Date.now())}`));
  }
  loading ??= (async () => {
    status = { ok: true, state: 'loading' };
    loadTimes = { started: performance.now() };
    const engine = await getEngine({
      model: browser.runtime.getURL('models/colorizer/model.json'),
      modelVersion: await modelVersion(),
      chromaScale: (await modelInfo()).chromaScale,
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
    failures = undefined;
    return engine;
  })().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    status = { ok: true, state: 'failed', error: message };
    failures = { count: (failures?.count ?? 0) + 1, at: Date.now(), error: message };
    // A later request tries again once the backoff has passed (a transient failure must not
    // disable the extension).
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
