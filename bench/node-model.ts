// Node side of the model benchmark (run by bench/run.ts in a fresh process per sample, so each
// one has a first pass after load): prints one JSON ModelResult.
//   node --import tsx bench/node-model.ts --backend wasm --runs 10 --warmup 2
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { DEFAULT_MODEL_DIR, fileModelHandler } from '../src/cli/model-files.ts';
import { probeBackendEnvironment } from '../src/engine/backend-probe.ts';
import type { BackendName } from '../src/engine/types.ts';
import { workingGeometry, workingInput, WORKING_SIZE } from '../src/engine/working-input.ts';
import { backendFacts, timeModel } from './harness/model-timing.ts';
import { makePhoto } from './lib/photos.ts';

const { values } = parseArgs({
  options: { backend: { type: 'string', default: 'wasm' }, runs: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' } },
});
tf.enableProdMode();
const backend = values.backend as BackendName;
const modelDir = process.env.RECOLOR_MODEL_DIR ?? DEFAULT_MODEL_DIR;
const environment = await probeBackendEnvironment();
const result = await timeModel({
  backend,
  environment,
  facts: backendFacts(backend, environment),
  unavailableWhy: `no ${backend} in Node`,
  loadModel: () => tf.loadLayersModel(fileModelHandler(path.join(modelDir, 'model.json'))),
  input: async () => {
    const photo = await makePhoto(512, 512);
    const { data, info } = await sharp(photo.jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return workingInput(data, info.width, info.height, workingGeometry(info.width, info.height, WORKING_SIZE));
  },
  runs: Number(values.runs),
  warmup: Number(values.warmup),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
