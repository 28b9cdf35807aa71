import { describe, expect, it } from 'vitest';
import { describeBackend, gpuName } from './engine-words.ts';

describe('gpuName', () => {
  it.each([
    ['ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'Intel UHD Graphics 620'],
    ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', 'Intel UHD Graphics 620'],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'NVIDIA GeForce RTX 3060'],
    ['ANGLE (NVIDIA Corporation, NVIDIA GeForce GTX 1080/PCIe/SSE2, OpenGL 4.5.0)', 'NVIDIA GeForce GTX 1080'],
    ['ANGLE (AMD, AMD Radeon RX 6800 XT (0x000073BF) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'AMD Radeon RX 6800 XT'],
    ['ANGLE (Apple, ANGLE Metal Renderer: Apple M1, Unspecified Version)', 'Apple M1'],
    ['ANGLE (AMD, AMD Radeon Graphics (radeonsi, renoir, LLVM 15.0.7, DRM 3.49, 6.1.0-13-amd64), OpenGL 4.6)', 'AMD Radeon Graphics'],
    ['Adreno (TM) 640', 'Adreno 640'],
    ['Mali-G78', 'Mali-G78'],
    ['nvidia ampere NVIDIA GeForce RTX 3060', 'NVIDIA GeForce RTX 3060'],
    ['intel gen-12lp', 'Intel gen-12lp'],
    ['apple metal-3', 'Apple metal-3'],
  ])('%s -> %s', (renderer, name) => {
    expect(gpuName(renderer)).toBe(name);
  });
});

describe('describeBackend', () => {
  it.each([
    ['webgl', 'hardware WebGL2 (ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)); skipped: no WebGPU adapter', 'whyWebgl', ['Intel UHD Graphics 620']],
    ['webgpu', 'hardware WebGPU adapter (nvidia ampere NVIDIA GeForce RTX 3060)', 'whyWebgpu', ['NVIDIA GeForce RTX 3060']],
    ['webgpu', 'hardware WebGPU adapter', 'whyWebgpuUnnamed', []],
    ['wasm', 'wasm (SIMD, single thread); skipped: no WebGPU adapter; WebGL renderer is software (ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver))', 'whyWasm', []],
    ['cpu', 'cpu is the last resort; skipped: no WebAssembly; none of webgpu, webgl, wasm, cpu available', 'whyCpu', []],
    ['cpu', 'plain JavaScript cpu backend', 'whyCpu', []],
    ['webgl', 'webgl forced by the allowed list although slow: WebGL renderer is software (SwiftShader)', 'whyForced', ['webgl']],
    ['webnn', 'something new', 'whyUnknown', ['webnn']],
  ])('%s: %s', (backend, reason, key, substitutions) => {
    expect(describeBackend(backend, reason)).toEqual({ key, substitutions });
  });
});
