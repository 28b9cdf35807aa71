// Public engine API: shared by the extension's background (Chrome's service worker, Firefox's event
// page) and the CLI (Node).
export type {
  RgbaImage,
  ColorizeOptions,
  ColorHint,
  SuggestOptions,
  SuggestionImage,
  PreparedImage,
  ColorSuggestion,
  ColorSuggestions,
  BackendName,
  BackendReport,
  Engine,
  EngineConfig,
  BackendEnvironment,
  WebGpuAdapterFacts,
  WebGlFacts,
  WasmFacts,
} from './types.ts';
export { createEngine, getEngine } from './engine.ts';
export { chooseBackend } from './backend-choice.ts';
export { probeBackendEnvironment } from './backend-probe.ts';
export { rgbaToLab, labToRgba, rgbaToLightnessF } from './lab-buffers.ts';
export { lastTimings } from './engine.ts';
export { suggestionImage, preparedImage } from './prepared.ts';
export { checkHints, parseHexColor, HintError, type CheckedHint } from './hints.ts';
export { engineMemory, type EngineMemory } from './memory.ts';
export type { StageTimings } from './colorize.ts';
