import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendEnvironment, type BackendName } from './index.ts';

const hardwareGpu = { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'ampere' };
const swiftshaderGpu = { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader' };
const hardwareGl = { version: 2 as const, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)' };
const swiftshaderGl = {
  version: 2 as const,
  renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
};
const wasm = { simd: true, threads: false };

const cases: [string, BackendEnvironment, BackendName, RegExp][] = [
  ['hardware WebGPU wins', { webgpu: hardwareGpu, webgl: hardwareGl, wasm }, 'webgpu', /hardware WebGPU.*nvidia/],
  ['fallback WebGPU adapter is skipped for hardware WebGL', { webgpu: swiftshaderGpu, webgl: hardwareGl, wasm }, 'webgl', /fallback/],
  [
    'adapter named SwiftShader without the fallback flag is still software',
    { webgpu: { isFallbackAdapter: false, vendor: 'google', description: 'SwiftShader Device' }, webgl: null, wasm },
    'wasm',
    /software/,
  ],
  ['software WebGPU and SwiftShader WebGL leave wasm (this machine)', { webgpu: swiftshaderGpu, webgl: swiftshaderGl, wasm }, 'wasm', /SIMD.*SwiftShader/],
  ['no WebGPU, hardware WebGL', { webgpu: null, webgl: hardwareGl, wasm }, 'webgl', /hardware WebGL2/],
  [
    'llvmpipe WebGL is software',
    { webgpu: null, webgl: { version: 2, renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, wasm },
    'wasm',
    /llvmpipe/,
  ],
  [
    'masked renderer string is treated as software',
    { webgpu: null, webgl: { version: 1, renderer: '' }, wasm },
    'wasm',
    /unknown/,
  ],
  ['Node: only wasm', { webgpu: null, webgl: null, wasm }, 'wasm', /no WebGPU adapter; no WebGL context/],
  ['wasm without SIMD still beats cpu', { webgpu: null, webgl: null, wasm: { simd: false, threads: false } }, 'wasm', /no SIMD/],
  ['nothing at all: cpu', { webgpu: null, webgl: null, wasm: null }, 'cpu', /no WebAssembly/],
  ['allowed list restricts to cpu', { webgpu: hardwareGpu, webgl: hardwareGl, wasm, allowed: ['cpu'] }, 'cpu', /cpu/],
  ['allowed list reorders: wasm before webgpu', { webgpu: hardwareGpu, webgl: null, wasm, allowed: ['wasm', 'webgpu'] }, 'wasm', /wasm/],
  [
    'forcing a software WebGPU adapter is honoured (tests of the GPU path)',
    { webgpu: swiftshaderGpu, webgl: null, wasm, allowed: ['webgpu'] },
    'webgpu',
    /forced/,
  ],
  ['forcing a missing backend falls to cpu', { webgpu: null, webgl: null, wasm, allowed: ['webgl'] }, 'cpu', /none of webgl available/],
];

describe('chooseBackend', () => {
  it.each(cases)('%s', (_name, env, backend, reason) => {
    const report = chooseBackend(env);
    expect(report.backend).toBe(backend);
    expect(report.reason).toMatch(reason);
  });

  it('is pure: the same environment gives the same report', () => {
    const env: BackendEnvironment = { webgpu: swiftshaderGpu, webgl: swiftshaderGl, wasm };
    expect(chooseBackend(env)).toEqual(chooseBackend(structuredClone(env)));
  });
});
