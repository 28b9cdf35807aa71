import type { io } from '@tensorflow/tfjs';
import type { ColorHint } from '../shared/hints.ts';

/** Straight (non-premultiplied) RGBA, 4 bytes per pixel, row-major, like ImageData. */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export type { ColorHint };

export interface ColorizeOptions {
  /** Chroma scale, clamped to src/shared/strength.ts's range. 0 gives the gray original back; default 1. */
  strength?: number;
  /**
   * User colour hints; none (or []) colorizes automatically. Malformed entries reject the call
   * (checkHints). A model without the hint channel (inputChannels 1 in info.json, the models
   * before recolor-cnn-2026-12-03) ignores valid hints: see Engine.acceptsHints.
   */
  hints?: ColorHint[];
}

/** Where to suggest colours, and with which hints already placed. */
export interface SuggestOptions {
  /** Fractions (0..1) of the image's width and height. */
  x: number;
  y: number;
  hints?: ColorHint[];
  /** How many colours at most (1..12, default 5). */
  count?: number;
}

/**
 * An image made ready for suggestions (suggestionImage()): the network's lightness input, so many
 * suggestions on one image need neither its pixels nor their conversion again.
 */
export interface SuggestionImage {
  /** The normalized, padded lightness plane, size * size floats. */
  plane: Float32Array;
  geo: { size: number; width: number; height: number };
}

/**
 * An image made ready for many colorizes (preparedImage(): the colour editor's hints, one colorize
 * each): its pixels and its lightness input, made once. It serves suggestions too.
 */
export interface PreparedImage extends SuggestionImage {
  pixels: RgbaImage;
}

export interface ColorSuggestion {
  /** The colour's CIE Lab a*, b* (a bin centre of the model's output). */
  a: number;
  b: number;
  /** The model's probability of this colour and its near neighbours at the point (annealed as its decode is). */
  probability: number;
  /** The colour as CSS hex sRGB, at the point's lightness held within 40..80 (in gamut). */
  color: string;
}

export interface ColorSuggestions {
  /** Most likely first; fewer than asked where the rest are unlikely (under 1 % each). */
  colors: ColorSuggestion[];
  /** The colour the model predicts there (its decode: probabilities times the weighted bin centres). */
  mean: { a: number; b: number };
  /** The output cell read: [row, col] of the model's ab grid. */
  cell: [number, number];
}

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendReport {
  backend: BackendName;
  reason: string;
}

export interface Engine {
  readonly backend: BackendReport;
  readonly modelVersion: string;
  /** Whether the loaded model takes colour hints (4 input channels); if not, hints are ignored. */
  readonly acceptsHints: boolean;
  /**
   * Runs one inference at a time; concurrent calls queue. Output has the input's size. A prepared
   * image gives exactly what its pixels give, without making its working input again.
   */
  colorize(image: RgbaImage | PreparedImage, options?: ColorizeOptions): Promise<RgbaImage>;
  /**
   * The model's likeliest colours at a point, for a new hint; queued like colorize. Null where the
   * model has no bin probabilities to read (models not exported by train/export.py).
   */
  suggestColors(image: RgbaImage | SuggestionImage, options: SuggestOptions): Promise<ColorSuggestions | null>;
  dispose(): void;
}

export interface EngineConfig {
  /** URL of model.json, or an IOHandler (in Node: a file reader, src/cli/model-files.ts). */
  model: string | io.IOHandler;
  modelVersion?: string;
  /** Prefix where tfjs-backend-wasm's .wasm files are served (extension: chrome.runtime.getURL). */
  wasmPaths?: string;
  /**
   * The chroma scale the export multiplied into the decode layer (info.json chromaScale; default
   * 1): suggested colours are the bin centres without it.
   */
  chromaScale?: number;
  /** Restricts / reorders the backends tried (tests, benchmarks). */
  backends?: BackendName[];
}

/** What the environment offers, as probed by probeBackendEnvironment(); input of chooseBackend. */
export interface BackendEnvironment {
  /** null when navigator.gpu is missing or requestAdapter() returned null. */
  webgpu: WebGpuAdapterFacts | null;
  /** null when no WebGL context can be made. */
  webgl: WebGlFacts | null;
  /** null when WebAssembly is missing. */
  wasm: WasmFacts | null;
  /** Backends allowed, in order of preference; defaults to all four. */
  allowed?: BackendName[];
}

export interface WebGpuAdapterFacts {
  isFallbackAdapter: boolean;
  /** adapter.info fields, for the report and for spotting software adapters by name. */
  vendor?: string;
  architecture?: string;
  description?: string;
}

export interface WebGlFacts {
  version: 1 | 2;
  /** UNMASKED_RENDERER_WEBGL from WEBGL_debug_renderer_info, or RENDERER when that is masked. */
  renderer: string;
}

export interface WasmFacts {
  simd: boolean;
  threads: boolean;
}
