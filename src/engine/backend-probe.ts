// Probes what the current environment (service worker, event page, web page, Node) offers
// for tfjs backends; the decision itself is chooseBackend's, which stays pure and testable.
import type { BackendEnvironment, WasmFacts, WebGlFacts, WebGpuAdapterFacts } from './types.ts';

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: AdapterInfoLike;
  requestAdapterInfo?: () => Promise<AdapterInfoLike>;
}
interface AdapterInfoLike {
  isFallbackAdapter?: boolean;
  vendor?: string;
  architecture?: string;
  description?: string;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

export async function probeWebGpu(): Promise<WebGpuAdapterFacts | null> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.().catch(() => undefined));
    return {
      // Chrome moved the flag from the adapter to adapter.info (Chrome 131+); read both.
      isFallbackAdapter: Boolean(info?.isFallbackAdapter ?? adapter.isFallbackAdapter),
      vendor: info?.vendor || undefined,
      architecture: info?.architecture || undefined,
      description: info?.description || undefined,
    };
  } catch {
    return null;
  }
}

type GlContext = WebGLRenderingContext | WebGL2RenderingContext;

function makeCanvas(): OffscreenCanvas | HTMLCanvasElement | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return null;
}

export function probeWebGl(): WebGlFacts | null {
  const canvas = makeCanvas();
  if (!canvas) return null;
  try {
    let version: 1 | 2 = 2;
    let gl = canvas.getContext('webgl2') as GlContext | null;
    if (!gl) {
      version = 1;
      gl = canvas.getContext('webgl') as GlContext | null;
    }
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String((debug && gl.getParameter(debug.UNMASKED_RENDERER_WEBGL)) || gl.getParameter(gl.RENDERER) || '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { version, renderer };
  } catch {
    return null;
  }
}

// Smallest module using a v128 instruction (same check as wasm-feature-detect).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function probeWasm(): WasmFacts | null {
  if (typeof WebAssembly !== 'object') return null;
  let simd = false;
  try {
    simd = WebAssembly.validate(SIMD_PROBE);
  } catch {
    simd = false;
  }
  // Threads stay off: the threaded build fails in a service worker, and gave no speed-up on 2
  // cores where it did run (a web page).
  return { simd, threads: false };
}

export async function probeBackendEnvironment(): Promise<BackendEnvironment> {
  return { webgpu: await probeWebGpu(), webgl: probeWebGl(), wasm: probeWasm() };
}
