// Loaded with `node --import` before bench/gpu-node.ts: WebGPU for Node from Dawn (the WebGPU
// implementation inside Chromium), as the navigator.gpu and GPU* globals a page has. It must come
// first: tfjs's WebGPU backend registers itself on import, and only where navigator.gpu exists.
// RECOLOR_DAWN names the `webgpu` package's index.js (bench/gpu-kit.ts puts one in .gpukit/dawn).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dawn = await import(pathToFileURL(resolve(process.env.RECOLOR_DAWN ?? '.gpukit/dawn/index.js')).href);
Object.assign(globalThis, dawn.globals);
globalThis.navigator ??= {};
globalThis.navigator.gpu = dawn.create([]);
