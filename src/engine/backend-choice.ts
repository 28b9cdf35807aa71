// Which tfjs backend to use, as a pure function of what the environment offers. Measured on the
// project's 2-core VM without a GPU: a software WebGPU adapter is ~100x slower than wasm and
// software WebGL (SwiftShader) ~20x, so GPU backends are only worth it on real hardware.
import type { BackendEnvironment, BackendName, BackendReport, WebGlFacts, WebGpuAdapterFacts } from './types.ts';

export const ALL_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Renderer / adapter names of software rasterizers (matched case-insensitively). */
export const SOFTWARE_RENDERER_PATTERN =
  /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen|subzero/i;

type BackendJudgement = { ok: true; why: string } | { ok: false; why: string; present: boolean };

function judgeWebGpu(gpu: WebGpuAdapterFacts | null): BackendJudgement {
  if (!gpu) return { ok: false, present: false, why: 'no WebGPU adapter' };
  const name = [gpu.vendor, gpu.architecture, gpu.description].filter(Boolean).join(' ');
  if (gpu.isFallbackAdapter) return { ok: false, present: true, why: `WebGPU adapter is a fallback (software) one${name ? ` (${name})` : ''}` };
  if (SOFTWARE_RENDERER_PATTERN.test(name)) return { ok: false, present: true, why: `WebGPU adapter is software (${name})` };
  return { ok: true, why: `hardware WebGPU adapter${name ? ` (${name})` : ''}` };
}

function judgeWebGl(gl: WebGlFacts | null): BackendJudgement {
  if (!gl) return { ok: false, present: false, why: 'no WebGL context' };
  if (!gl.renderer) return { ok: false, present: true, why: `WebGL${gl.version} renderer unknown, assumed software` };
  if (SOFTWARE_RENDERER_PATTERN.test(gl.renderer)) return { ok: false, present: true, why: `WebGL renderer is software (${gl.renderer})` };
  return { ok: true, why: `hardware WebGL${gl.version} (${gl.renderer})` };
}

function judge(name: BackendName, env: BackendEnvironment): BackendJudgement {
  switch (name) {
    case 'webgpu':
      return judgeWebGpu(env.webgpu);
    case 'webgl':
      return judgeWebGl(env.webgl);
    case 'wasm':
      return env.wasm
        ? { ok: true, why: `wasm (${env.wasm.simd ? 'SIMD' : 'no SIMD'}, single thread)` }
        : { ok: false, present: false, why: 'no WebAssembly' };
    case 'cpu':
      return { ok: true, why: 'plain JavaScript cpu backend' };
  }
}

/**
 * The first allowed backend that is fast here. If the caller restricted the list and none of it
 * qualifies, the first allowed backend that exists at all is used anyway (tests that force a
 * software GPU), and cpu is the last resort since it exists everywhere.
 */
export function chooseBackend(env: BackendEnvironment): BackendReport {
  const order = env.allowed && env.allowed.length > 0 ? env.allowed : ALL_BACKENDS;
  const skipped: string[] = [];
  for (const name of order) {
    const verdict = judge(name, env);
    if (verdict.ok) return { backend: name, reason: withSkipped(verdict.why, skipped) };
    skipped.push(verdict.why);
  }
  for (const name of order) {
    const verdict = judge(name, env);
    if (!verdict.ok && verdict.present) {
      return { backend: name, reason: `${name} forced by the allowed list although slow: ${verdict.why}` };
    }
  }
  return { backend: 'cpu', reason: withSkipped('cpu is the last resort', [...skipped, `none of ${order.join(', ')} available`]) };
}

function withSkipped(why: string, skipped: string[]): string {
  return skipped.length === 0 ? why : `${why}; skipped: ${skipped.join('; ')}`;
}
