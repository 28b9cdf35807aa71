// Engine benchmark in Node: median / min / max ms per image, split into decode (sharp, JPEG),
// model (tensor in, network, ab out) and compose (full-resolution work: lightness, resize to 256,
// ab upsampling, Lab -> sRGB), for the wasm and cpu backends.
//   npm run bench:engine [-- --runs 10 --cpu-runs 3 --backends wasm,cpu --sizes 256x256,1024x768,4000x3000]
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { decodeImage } from '../src/cli/image-io.ts';
import { DEFAULT_MODEL_DIR, fileModelHandler, readModelVersion, PACKAGE_ROOT } from '../src/cli/model-files.ts';
import { createEngine, lastTimings, type BackendName } from '../src/engine/index.ts';
import { stats, type Stats } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    'cpu-runs': { type: 'string', default: '3' },
    backends: { type: 'string', default: 'wasm,cpu' },
    sizes: { type: 'string', default: '256x256,1024x768,4000x3000' },
    photo: { type: 'string', default: path.resolve(PACKAGE_ROOT, 'test/fixtures/cli/input/fallen-leaf-gray.jpg') },
  },
});
const modelDir = process.env.RECOLOR_MODEL_DIR ?? DEFAULT_MODEL_DIR;
if (!existsSync(path.join(modelDir, 'model.json'))) {
  console.error(`no model at ${modelDir} (set RECOLOR_MODEL_DIR)`);
  process.exit(1);
}
// Production mode: no debug checks, and no "install tfjs-node" banner from the cpu backend.
tf.enableProdMode();
const sizes = values.sizes.split(',').map((s) => s.split('x').map(Number) as [number, number]);

const fmt = (s: Stats) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}-${s.max.toFixed(0)}) `.padEnd(18);

// One gray JPEG per size, made from a real photo, decoded from memory every run.
const jpegs = await Promise.all(
  sizes.map(([w, h]) => sharp(values.photo).resize(w, h, { fit: 'fill' }).grayscale().jpeg({ quality: 90 }).toBuffer()),
);

console.log(`model ${await readModelVersion(modelDir)} (${modelDir})`);
console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('ms per image: median (min-max)\n');
console.log(`${'backend'.padEnd(8)}${'size'.padEnd(11)}${'runs'.padEnd(6)}${'decode'.padEnd(18)}${'model'.padEnd(18)}${'compose'.padEnd(18)}${'(pre / post)'.padEnd(15)}engine total (model + compose)`);

for (const backend of values.backends.split(',') as BackendName[]) {
  const engine = await createEngine({ model: fileModelHandler(path.join(modelDir, 'model.json')), backends: [backend] });
  if (engine.backend.backend !== backend) throw new Error(`asked for ${backend}, got ${engine.backend.backend}`);
  const runs = Number(backend === 'cpu' ? values['cpu-runs'] : values.runs);
  for (const [i, [w, h]] of sizes.entries()) {
    const t = { decode: [] as number[], model: [] as number[], compose: [] as number[], pre: [] as number[], post: [] as number[], total: [] as number[] };
    for (let run = -1; run < runs; run++) {
      const t0 = performance.now();
      const image = await decodeImage(jpegs[i]);
      const t1 = performance.now();
      await engine.colorize(image);
      const t2 = performance.now();
      const stage = lastTimings(engine)!;
      if (run < 0) continue; // warm-up: first use of this size
      t.decode.push(t1 - t0);
      t.model.push(stage.model);
      t.pre.push(stage.prepare);
      t.post.push(stage.compose);
      t.compose.push(stage.prepare + stage.compose);
      t.total.push(t2 - t1);
    }
    const prePost = `${stats(t.pre).median.toFixed(0)} / ${stats(t.post).median.toFixed(0)}`;
    console.log(`${backend.padEnd(8)}${`${w}x${h}`.padEnd(11)}${String(runs).padEnd(6)}${fmt(stats(t.decode))}${fmt(stats(t.model))}${fmt(stats(t.compose))}${prePost.padEnd(15)}${fmt(stats(t.total))}`);
  }
  engine.dispose();
}
console.log('\ncompose = pre (lightness of every pixel, resize to 256) + post (ab upsampling, Lab -> sRGB).');
