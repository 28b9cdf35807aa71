// The engine: model loaded once, backend chosen once, warm-up on zeros, inferences serialized.
import * as tf from '@tensorflow/tfjs';
import type { LayersModel } from '@tensorflow/tfjs';
import { activateBackend } from './backend-activate.ts';
import { probeBackendEnvironment } from './backend-probe.ts';
import { colorizeImage, modelInputChannels, predictAb, type StageTimings } from './colorize.ts';
import { HINT_CHANNELS } from './hint-input.ts';
import { binReader, suggestColors } from './suggest.ts';
import type { BinReader } from './suggest.ts';
import type { BackendReport, ColorizeOptions, ColorSuggestions, Engine, EngineConfig, PreparedImage, RgbaImage, SuggestionImage, SuggestOptions } from './types.ts';
import { WORKING_SIZE } from './working-input.ts';

class TfEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  readonly timings: StageTimings = { prepare: 0, model: 0, compose: 0 };
  private readonly channels: number;
  private readonly bins: BinReader | null;

  constructor(
    private readonly model: LayersModel,
    readonly backend: BackendReport,
    readonly modelVersion: string,
    private readonly onDispose: () => void,
    chromaScale = 1,
  ) {
    this.channels = modelInputChannels(model);
    this.bins = binReader(model, chromaScale);
  }

  get acceptsHints(): boolean {
    return this.channels === HINT_CHANNELS;
  }

  colorize(image: RgbaImage | PreparedImage, options?: ColorizeOptions): Promise<RgbaImage> {
    return this.queued(() => colorizeImage(this.model, image, options, this.timings));
  }

  suggestColors(image: RgbaImage | SuggestionImage, options: SuggestOptions): Promise<ColorSuggestions | null> {
    const bins = this.bins;
    return this.queued(async () => (bins ? suggestColors(bins, this.model, image, options) : null));
  }

  /** One inference at a time, in order of the calls. */
  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.disposed) throw new Error('engine disposed');
      // Another engine in this realm may have switched tfjs's global backend (benchmarks do).
      if (tf.getBackend() !== this.backend.backend) await tf.setBackend(this.backend.backend);
      return work();
    });
    // The queue must survive a failed call; the caller still sees the failure through `run`.
    this.queue = run.catch(() => undefined);
    return run;
  }

  async warmUp(): Promise<void> {
    await predictAb(this.model, new Float32Array(WORKING_SIZE * WORKING_SIZE), WORKING_SIZE);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDispose();
    // Let a queued inference finish before its weights go away.
    void this.queue.then(() => this.model.dispose());
  }
}

/** Stage timings of the engine's last colorize() (benchmarks), or undefined for other engines. */
export function lastTimings(engine: Engine): StageTimings | undefined {
  return engine instanceof TfEngine ? { ...engine.timings } : undefined;
}

async function buildEngine(config: EngineConfig, onDispose: () => void): Promise<Engine> {
  const environment = await probeBackendEnvironment();
  if (config.backends) environment.allowed = config.backends;
  const backend = await activateBackend(environment, config.wasmPaths);
  const model = await tf.loadLayersModel(config.model);
  let engine: TfEngine;
  try {
    engine = new TfEngine(model, backend, config.modelVersion ?? 'unknown', onDispose, config.chromaScale);
    await engine.warmUp();
  } catch (error) {
    model.dispose();
    throw error;
  }
  return engine;
}

export function createEngine(config: EngineConfig): Promise<Engine> {
  return buildEngine(config, () => undefined);
}

const engines = new Map<string, Promise<Engine>>();
const handlerIds = new WeakMap<object, number>();
let nextHandlerId = 1;

function configKey(config: EngineConfig): string {
  let model = config.model;
  if (typeof model !== 'string') {
    if (!handlerIds.has(model)) handlerIds.set(model, nextHandlerId++);
    model = `handler#${handlerIds.get(model)}`;
  }
  return JSON.stringify([model, config.modelVersion ?? null, config.wasmPaths ?? null, config.backends ?? null, config.chromaScale ?? null]);
}

/** Lazy singleton per configuration: the first call loads, later calls share (and await) it. */
export function getEngine(config: EngineConfig): Promise<Engine> {
  const key = configKey(config);
  let engine = engines.get(key);
  if (!engine) {
    engine = buildEngine(config, () => engines.delete(key));
    engines.set(key, engine);
    // A failed load must not stick: the next call tries again.
    engine.catch(() => engines.delete(key));
  }
  return engine;
}
