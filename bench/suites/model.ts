// Model only: one pass at the working size (256x256) per tfjs backend, in Chromium (in-page
// harness, every backend) and in Node (wasm, cpu). Each sample of the first pass after load is a
// fresh page or process; steady passes are timed after warm-up in the first of them.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { ModelResult } from '../harness/model-timing.ts';
import { bundleHarness } from '../lib/bundle.ts';
import type { Bench } from '../lib/chromium.ts';
import type { BenchServer } from '../lib/server.ts';
import { stats } from '../lib/stats.ts';
import type { Stats } from '../lib/stats.ts';
import type { SuiteOptions } from './options.ts';

const BACKENDS_CHROMIUM = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
const BACKENDS_NODE = ['wasm', 'cpu'] as const;
const SLOW_SOFTWARE_MS = 5000;

export interface ModelFigure {
  where: 'chromium' | 'node';
  backend: string;
  available: boolean;
  detail: string;
  software?: boolean;
  pass?: Stats;
  firstPass?: Stats;
  /** The very first load in a fresh profile / process (no shader or code cache yet). */
  firstPassCold?: number;
  init?: Stats;
  load?: Stats;
  tensorsLeaked?: number;
  error?: string;
}

function summarize(where: ModelFigure['where'], samples: ModelResult[]): ModelFigure {
  const [first] = samples;
  if (!first.available) return { where, backend: first.backend, available: false, detail: first.detail, error: first.error };
  const pick = (key: 'firstPassMs' | 'initMs' | 'loadMs') => stats(samples.map((s) => s[key] ?? NaN).filter(Number.isFinite));
  return {
    where,
    backend: first.backend,
    available: true,
    detail: first.detail,
    software: first.software,
    pass: stats(first.passesMs ?? []),
    firstPass: pick('firstPassMs'),
    firstPassCold: first.firstPassMs,
    init: pick('initMs'),
    load: pick('loadMs'),
    tensorsLeaked: Math.max(0, ...samples.map((s) => (s.tensorsAfter ?? 0) - (s.tensorsBefore ?? 0))),
  };
}

async function inPage(bench: Bench, origin: string, backend: string, runs: number): Promise<ModelResult> {
  const page = await bench.context.newPage();
  try {
    await page.goto(`${origin}/model.html?backend=${backend}&runs=${runs}&warmup=${runs ? 2 : 0}`);
    const handle = await page.waitForFunction(() => (window as unknown as { benchResult?: unknown }).benchResult, null, {
      timeout: 570_000,
      polling: 100,
    });
    return (await handle.jsonValue()) as ModelResult;
  } finally {
    await page.close();
  }
}

/**
 * One backend: a first load says whether it exists; then one load with timed passes and more
 * fresh loads until there are `firstRuns` samples of the first pass after load.
 */
async function sampleBackend(
  where: ModelFigure['where'],
  backend: string,
  load: (runs: number) => Promise<ModelResult>,
  options: SuiteOptions,
): Promise<ModelFigure> {
  const cold = await load(0);
  if (!cold.available) {
    options.log(`${where} ${backend}: unavailable (${cold.detail})`);
    return summarize(where, [cold]);
  }
  // A software GPU adapter takes 10-20 s a pass (no target, never chosen by the extension): a few do.
  const slow = cold.software && (cold.firstPassMs ?? 0) > SLOW_SOFTWARE_MS;
  const steady = await load(slow ? Math.min(3, options.runs) : options.runs);
  const samples = [{ ...cold, passesMs: steady.passesMs }, steady];
  while (samples.length < (slow ? 3 : options.firstRuns)) samples.push(await load(0));
  const figure = summarize(where, samples);
  options.log(`${where} ${backend}: pass ${figure.pass?.median.toFixed(0)} ms, first ${figure.firstPass?.median.toFixed(0)} ms (${cold.detail})`);
  return figure;
}

export async function modelInChromium(bench: Bench, server: BenchServer, options: SuiteOptions): Promise<ModelFigure[]> {
  const script = await bundleHarness('model-page');
  server.set('/model-page.js', { body: await readFile(script), type: 'text/javascript' });
  server.set('/model.html', { body: '<!doctype html><meta charset="utf-8"><title>model</title><script src="/model-page.js"></script>', type: 'text/html' });
  const figures: ModelFigure[] = [];
  for (const backend of BACKENDS_CHROMIUM) {
    figures.push(await sampleBackend('chromium', backend, (runs) => inPage(bench, server.origin, backend, runs), options));
  }
  return figures;
}

const run = promisify(execFile);

async function inProcess(backend: string, runs: number): Promise<ModelResult> {
  const script = resolve(import.meta.dirname, '../node-model.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--backend', backend, '--runs', String(runs), '--warmup', runs ? '2' : '0'], {
    maxBuffer: 1 << 20,
    timeout: 600_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ModelResult;
}

export async function modelInNode(options: SuiteOptions): Promise<ModelFigure[]> {
  const figures: ModelFigure[] = [];
  for (const backend of BACKENDS_NODE) figures.push(await sampleBackend('node', backend, (runs) => inProcess(backend, runs), options));
  return figures;
}
