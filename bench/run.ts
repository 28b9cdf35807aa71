// npm run bench: speed and memory of Recolor in one command (see bench/README.md).
//   npm run bench [-- --quick] [--machine NAME] [--gpu] [--only model,node,background,page,cold,memory] [--runs N]
// Writes bench/results/<YYYY-MM-DD>-<machine>.json and .md (-<sections> added for --only) and prints the table.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL_DIR } from '../src/cli/model-files.ts';
import { CHROMIUM, DIST_CHROME } from '../test/e2e/support/extension.ts';
import { launch } from './lib/chromium.ts';
import type { Bench } from './lib/chromium.ts';
import { makePhoto } from './lib/photos.ts';
import { startServer } from './lib/server.ts';
import { markdown, type Results } from './report.ts';
import { endToEnd, loadEngine, memory } from './suites/background.ts';
import { coldStart } from './suites/cold-start.ts';
import { modelInChromium, modelInNode } from './suites/model.ts';
import type { SuiteOptions } from './suites/options.ts';
import { onThePage } from './suites/page.ts';

const root = resolve(import.meta.dirname, '..');
const SECTIONS = ['node', 'model', 'background', 'page', 'memory', 'cold'] as const;
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    gpu: { type: 'boolean', default: false },
    machine: { type: 'string' },
    only: { type: 'string', default: SECTIONS.join(',') },
    runs: { type: 'string' },
    out: { type: 'string', default: resolve(root, 'bench/results') },
  },
});
const only = new Set(values.only.split(','));
const log = (message: string) => console.log(`bench: ${message}`);
const options: SuiteOptions = values.quick
  ? { runs: 3, firstRuns: 3, memoryImages: 20, pageMs: 15_000, gpu: values.gpu, log }
  : { runs: 10, firstRuns: 10, memoryImages: 200, pageMs: 45_000, gpu: values.gpu, log };
if (values.runs) options.runs = options.firstRuns = Math.max(1, Number(values.runs));
const machine = (values.machine ?? os.hostname().split('.')[0]).toLowerCase().replace(/[^a-z0-9-]+/g, '-') + (values.gpu ? '-gpu' : '');

/** Warns when dist/test/chrome (the build with timing, src/build-flags.d.ts) is older than the sources it is built from. */
function checkBuild(): void {
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) throw new Error('dist/test/chrome is missing: run `npm run build` first');
  const built = statSync(join(DIST_CHROME, 'background.js')).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  if (newest(resolve(root, 'src')) > built) log('WARNING: src/ is newer than dist/test/chrome: run `npm run build` for figures of the current code');
}

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** The GPU's name from the NVIDIA driver, where there is one. */
function gpuName(): string {
  try {
    return execFileSync('nvidia-smi', ['--query-gpu=name,driver_version', '--format=csv,noheader'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || 'none';
  } catch {
    return 'none (no nvidia-smi)';
  }
}

/** This project's own heavy jobs (training, evaluation), which share the two cores. */
function otherLoad(): string {
  try {
    const lines = execFileSync('pgrep', ['-af', 'train/(train|eval)\\.py'], { encoding: 'utf8' }).trim().split('\n');
    return lines.map((line) => line.split(' ').find((word) => /train\/\w+\.py$/.test(word))).join(', ') + ' running';
  } catch {
    return 'none seen';
  }
}

checkBuild();
const modelDir = process.env.RECOLOR_MODEL_DIR ?? DEFAULT_MODEL_DIR;
const modelInfo = JSON.parse(readFileSync(join(DIST_CHROME, 'models/colorizer/info.json'), 'utf8')) as { version?: string };
const date = new Date().toISOString().slice(0, 10);
const results: Results = {
  date,
  machine,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  environment: {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    chromium: chromiumVersion(),
    model: modelInfo.version ?? 'unknown',
    gpu: gpuName(),
    gpuFlags: values.gpu,
    quick: values.quick,
    'load average at start': os.loadavg()[0].toFixed(2),
    'other heavy work at start': otherLoad(),
  },
  errors: {},
};

async function section<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  if (!only.has(name)) return undefined;
  const started = Date.now();
  try {
    return await work();
  } catch (error) {
    results.errors[name] = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`${name} failed: ${results.errors[name]}`);
    return undefined;
  } finally {
    log(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

const photos = await Promise.all([makePhoto(512, 512), makePhoto(1024, 768), makePhoto(3000, 2000)]);
const server = await startServer({
  '/model/': modelDir,
  '/wasm/': resolve(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
  '/img/': resolve(root, 'demo/photos'),
});
for (const photo of photos) server.set(`/photos/${photo.name}`, { body: photo.jpeg, type: 'image/jpeg' });

let plain: Bench | undefined;
let withExtension: Bench | undefined;
try {
  results.model = (await section('node', () => modelInNode(options))) ?? [];
  plain = await launch({ extension: false, gpu: values.gpu });
  results.model.push(...((await section('model', () => modelInChromium(plain!, server, options))) ?? []));
  for (const backend of ['webgpu', 'webgl']) {
    const figure = results.model.find((f) => f.where === 'chromium' && f.backend === backend);
    if (figure) results.environment[`Chromium ${backend}`] = figure.detail;
  }
  withExtension = await launch({ extension: true, gpu: values.gpu });
  const bench = withExtension;
  if (only.has('background') || only.has('memory')) {
    results.engine = await loadEngine(bench);
    results.environment['extension backend'] = results.engine.backend;
    log(`extension engine: ${results.engine.backend} (${results.engine.reason})`);
  }
  results.endToEnd = await section('background', () =>
    endToEnd(bench, server, photos.map((p) => ({ name: p.name, bytes: p.jpeg.length })), options),
  );
  results.page = await section('page', () => onThePage(bench, plain!, server, options));
  results.memory = await section('memory', () => memory(bench, server, [photos[0].name, photos[1].name], options));
  results.coldStart = await section('cold', () => coldStart(bench, server, photos[1].name, options));
} finally {
  for (const closing of [withExtension?.close(), plain?.close(), server.close()]) await closing?.catch(() => undefined);
}

results.environment['load average at end'] = os.loadavg()[0].toFixed(2);
results.environment['other heavy work at end'] = otherLoad();
mkdirSync(values.out, { recursive: true });
// A partial run (--only) is named after its sections, so it never overwrites the full run's figures.
const partial = SECTIONS.some((name) => !only.has(name)) ? `-${[...only].sort().join('-')}` : '';
const base = join(values.out, `${date}-${machine}${partial}`);
const table = markdown(results);
writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${base}.md`, table);
console.log(`\n${table}`);
log(`wrote ${base}.json and ${base}.md`);
