// The model and the engine on WebGPU through Dawn (the WebGPU implementation inside Chromium) in
// Node: the GPU figures for a lent GPU machine that has neither Chromium nor Node installed and no
// network (bench/gpu-kit.ts packs what it needs; bench/README.md, "GPU machine"). Prints a table and
// writes JSON: the adapter, the model pass at 256x256 (first pass after load, then the median of
// `--runs` after 2 warm-ups), and the engine's stages for gray photos of the given sizes (lightness,
// model, compose; decode and encode are the browser's and are not here).
//
//   RECOLOR_DAWN=DIR/index.js node --import ./bench/gpu-dawn.mjs .gpukit/gpu-node.mjs \
//     --model DIR --photos DIR [--runs 20] [--out FILE]          (bench/gpu-kit-run.sh does this)
//   (from a checkout: node --import ./bench/gpu-dawn.mjs --import tsx bench/gpu-node.ts ...)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { fileModelHandler } from '../src/cli/model-files.ts';
import { createEngine, lastTimings, probeBackendEnvironment } from '../src/engine/index.ts';
import { workingGeometry, workingInput, WORKING_SIZE } from '../src/engine/working-input.ts';
import { backendFacts, timeModel } from './harness/model-timing.ts';
import { stats } from './lib/stats.ts';
import type { Stats } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    photos: { type: 'string' },
    runs: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});
if (!values.model || !values.photos) {
  console.error('usage: node --import ./bench/gpu-dawn.mjs gpu-node --model DIR --photos DIR [--runs N] [--out FILE]');
  process.exit(2);
}
if (!(globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu) {
  console.error('no navigator.gpu: start Node with --import ./bench/gpu-dawn.mjs (RECOLOR_DAWN=the webgpu package)');
  process.exit(2);
}
const runs = Number(values.runs);

tf.enableProdMode();

/** A gray photo made by gpu-kit: `WxH.gray.gz`, one byte of lightness per pixel. */
function readPhoto(file: string): { data: Uint8ClampedArray; width: number; height: number } {
  const [width, height] = path.basename(file).split('.')[0].split('x').map(Number);
  const gray = gunzipSync(readFileSync(file));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < gray.length; i++) data.set([gray[i], gray[i], gray[i], 255], i * 4);
  return { data, width, height };
}

const photos = readdirSync(values.photos)
  .filter((name) => /^\d+x\d+\.gray\.gz$/.test(name))
  .map((name) => readPhoto(path.join(values.photos!, name)))
  .sort((a, b) => a.width * a.height - b.width * b.height);
const modelJson = path.join(values.model, 'model.json');
const environment = await probeBackendEnvironment();
const facts = backendFacts('webgpu', environment);
const smallest = photos[0];
const model = await timeModel({
  backend: 'webgpu',
  environment,
  facts,
  unavailableWhy: 'Dawn gave no WebGPU adapter',
  loadModel: () => tf.loadLayersModel(fileModelHandler(modelJson)),
  input: async () => workingInput(smallest.data, smallest.width, smallest.height, workingGeometry(smallest.width, smallest.height, WORKING_SIZE)),
  runs,
  warmup: 2,
});

interface EngineFigure {
  size: string;
  total: Stats;
  prepare: Stats;
  model: Stats;
  compose: Stats;
}
const engineFigures: EngineFigure[] = [];
if (model.available) {
  const engine = await createEngine({ model: fileModelHandler(modelJson), backends: ['webgpu'] });
  for (const photo of photos) {
    const t = { total: [] as number[], prepare: [] as number[], model: [] as number[], compose: [] as number[] };
    for (let run = -2; run < runs; run++) {
      const start = performance.now();
      await engine.colorize({ data: photo.data, width: photo.width, height: photo.height });
      const elapsed = performance.now() - start;
      const stage = lastTimings(engine)!;
      if (run < 0) continue;
      t.total.push(elapsed);
      t.prepare.push(stage.prepare);
      t.model.push(stage.model);
      t.compose.push(stage.compose);
    }
    engineFigures.push({ size: `${photo.width}x${photo.height}`, total: stats(t.total), prepare: stats(t.prepare), model: stats(t.model), compose: stats(t.compose) });
  }
  engine.dispose();
}

const cell = (s: Stats) => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
const lines = [
  `# Recolor on WebGPU through Dawn in Node, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; node ${process.version}; adapter: ${facts ?? 'none'}; medians (min–max) of ${runs} after 2 warm-ups, ms.`,
  '',
  '| figure | ms | target |',
  '| --- | --- | --- |',
  model.available
    ? `| model pass 256×256, webgpu | ${cell(stats(model.passesMs ?? []))} | ≤ 5 |\n| first pass after load (shader compile) | ${model.firstPassMs?.toFixed(0)} | — |`
    : `| model pass 256×256, webgpu | unavailable: ${model.detail} ${model.error ?? ''} | ≤ 5 |`,
  ...engineFigures.map((f) => `| engine ${f.size} (lightness ${f.prepare.median.toFixed(1)}, model ${f.model.median.toFixed(1)}, compose ${f.compose.median.toFixed(1)}) | ${cell(f.total)} | ${f.size === '1024x768' ? '≤ 30 with decode and encode' : '—'} |`),
];
console.log(lines.join('\n'));
if (values.out) writeFileSync(values.out, `${JSON.stringify({ facts, model, engine: engineFigures }, null, 2)}\n`);
