// Loaded with `node --import` before bench/gpu-node.ts: WebGPU for Node from Dawn (the WebGPU
// implementation inside Chromium), as the navigator.gpu and GPU* globals a page has. It must come
// first: tfjs's WebGPU backend registers itself on import, and only where navigator.gpu exists.
// RECOLOR_DAWN names the `webgpu` package's index.js with its dawn.node beside it (bench/gpu-kit-run.sh
// unpacks the kit's into /tmp/recolor-dawn).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

if (!process.env.RECOLOR_DAWN) throw new Error('RECOLOR_DAWN must name the webgpu package\'s index.js');
const dawn = await import(pathToFileURL(resolve(process.env.RECOLOR_DAWN)).href);
Object.assign(globalThis, dawn.globals);
globalThis.navigator ??= {};
globalThis.navigator.gpu = dawn.create([]);
