// End to end in the extension's background (the MV3 service worker: it fetches, decodes, runs the
// model, composes, encodes and caches): a URL in, colorized JPEG bytes (base64, as the content
// script receives them) out, through the same colorize() a content script's request reaches.
// Then memory: tensors after every image, the worker's heap and the result cache after many.
import type { Worker } from '@playwright/test';
import type { Bench } from '../lib/chromium.ts';
import { serviceWorker, workerHeap } from '../lib/chromium.ts';
import type { HeapUsage } from '../lib/chromium.ts';
import type { BenchServer } from '../lib/server.ts';
import { TARGETS } from '../report.ts';
import { stats, statsOf } from '../lib/stats.ts';
import type { ColorizeResponse } from '../../src/shared/messages.ts';
import type { Stats } from '../lib/stats.ts';
import type { SuiteOptions } from './options.ts';

/** What src/background/index.ts exposes on the worker's globalThis.recolor (for tests and benchmarks). */
interface RecolorHooks {
  loadEngine(): Promise<{ backend: { backend: string; reason: string } }>;
  colorize(source: { kind: 'url'; url: string }, automatic?: boolean): Promise<ColorizeResponse>;
  lastJobTimings(): Record<string, number> | undefined;
  engineMemory(): { backend: string; numTensors: number; numBytes: number; wasmHeapBytes?: number } | null;
  engineStatus(): { backend?: string; reason?: string };
  cacheStats(): Promise<{ entries: number; bytes: number; maxBytes: number }>;
  clearCache(): Promise<void>;
}
type Hooked = typeof globalThis & { recolor: RecolorHooks };

export interface Job {
  totalMs: number;
  stages: Record<string, number>;
  bytesOut: number;
}

export interface EndToEndFigure {
  size: string;
  /** As automatic colorizing asks: the background's detector first (the user path has none). */
  automatic?: boolean;
  bytesIn: number;
  total: Stats;
  stages: Record<string, Stats>;
  bytesOut: number;
}

/** Colorizes `urls` one after another in the worker; every URL must miss the cache. */
async function colorizeAll(worker: Worker, urls: string[], automatic = false): Promise<(Job & { tensors: number })[]> {
  return worker.evaluate(async ([list, detect]) => {
    const { recolor } = globalThis as Hooked;
    const jobs = [];
    for (const url of list) {
      const start = performance.now();
      const response = await recolor.colorize({ kind: 'url', url }, detect);
      const totalMs = performance.now() - start;
      if (response.outcome !== 'colorized') throw new Error(`${url}: ${response.outcome} ${response.code} ${response.detail}`);
      if (response.cached) throw new Error(`${url}: served from the cache`);
      jobs.push({ totalMs, stages: recolor.lastJobTimings() ?? {}, bytesOut: Math.floor((response.base64.length * 3) / 4), tensors: recolor.engineMemory()?.numTensors ?? -1 });
    }
    return jobs;
  }, [urls, automatic] as const);
}

export interface EngineInfo {
  backend: string;
  reason: string;
}

export async function loadEngine(bench: Bench): Promise<EngineInfo> {
  const worker = await serviceWorker(bench.context);
  return worker.evaluate(async () => {
    const { recolor } = globalThis as Hooked;
    const engine = await recolor.loadEngine();
    return { backend: engine.backend.backend, reason: engine.backend.reason };
  });
}

let unique = 0;
const freshUrls = (url: string, n: number) => Array.from({ length: n }, () => `${url}?run=${++unique}`);

export async function endToEnd(bench: Bench, server: BenchServer, sizes: { name: string; bytes: number }[], options: SuiteOptions): Promise<EndToEndFigure[]> {
  const worker = await serviceWorker(bench.context);
  const figures: EndToEndFigure[] = [];
  // Every size as the user asks (menu: no detector); the targeted sizes again as automatic colorizing does.
  const runs = [...sizes.map((size) => ({ ...size, automatic: false })), ...sizes.filter((size) => TARGETS.endToEndMs[size.name.replace(/\.jpg$/, '')]).map((size) => ({ ...size, automatic: true }))];
  for (const { name, bytes, automatic } of runs) {
    const url = `${server.origin}/photos/${name}`;
    await colorizeAll(worker, freshUrls(url, 2), automatic); // warm-up: this size's buffers and kernels
    const jobs = await colorizeAll(worker, freshUrls(url, options.runs), automatic);
    const stageNames = Object.keys(jobs[0].stages);
    const figure: EndToEndFigure = {
      size: name.replace(/\.jpg$/, ''),
      automatic,
      bytesIn: bytes,
      total: statsOf(jobs, (job) => job.totalMs),
      stages: Object.fromEntries(stageNames.map((stage) => [stage, statsOf(jobs, (job) => job.stages[stage])])),
      bytesOut: jobs[0].bytesOut,
    };
    options.log(`background ${figure.size}${automatic ? ' automatic' : ''}: ${figure.total.median.toFixed(0)} ms (model ${figure.stages.model?.median.toFixed(0)} ms${automatic ? `, detect ${figure.stages.detect?.median.toFixed(0)} ms` : ''})`);
    figures.push(figure);
  }
  return figures;
}

export interface MemoryFigure {
  images: number;
  backend: string;
  tensorsBaseline: number;
  /** Images after which the tensor count was not back at the baseline. */
  imagesLeavingTensors: number;
  maxTensorsAfterImage: number;
  tfBytesBefore: number;
  tfBytesAfter: number;
  wasmHeapBefore?: number;
  wasmHeapAfter?: number;
  heapBefore: HeapUsage;
  heapAfter: HeapUsage;
  cache: { entries: number; bytes: number; maxBytes: number };
  msPerImage: Stats;
}

/** `options.memoryImages` colorizations of the given photos in turn (each a cache miss). */
export async function memory(bench: Bench, server: BenchServer, names: string[], options: SuiteOptions): Promise<MemoryFigure> {
  const worker = await serviceWorker(bench.context);
  const engineMemory = () => worker.evaluate(() => (globalThis as Hooked).recolor.engineMemory()!);
  await worker.evaluate(() => (globalThis as Hooked).recolor.clearCache());
  const before = await engineMemory();
  const heapBefore = await workerHeap(bench);
  const urls = Array.from({ length: options.memoryImages }, (_, i) => `${server.origin}/photos/${names[i % names.length]}?memory=${++unique}`);
  const jobs: (Job & { tensors: number })[] = [];
  for (let i = 0; i < urls.length; i += 20) jobs.push(...(await colorizeAll(worker, urls.slice(i, i + 20))));
  const after = await engineMemory();
  const heapAfter = await workerHeap(bench);
  const cache = await worker.evaluate(() => (globalThis as Hooked).recolor.cacheStats());
  const figure: MemoryFigure = {
    images: jobs.length,
    backend: before.backend,
    tensorsBaseline: before.numTensors,
    imagesLeavingTensors: jobs.filter((job) => job.tensors !== before.numTensors).length,
    maxTensorsAfterImage: Math.max(...jobs.map((job) => job.tensors)),
    tfBytesBefore: before.numBytes,
    tfBytesAfter: after.numBytes,
    wasmHeapBefore: before.wasmHeapBytes,
    wasmHeapAfter: after.wasmHeapBytes,
    heapBefore,
    heapAfter,
    cache,
    msPerImage: stats(jobs.map((job) => job.totalMs)),
  };
  options.log(`memory after ${figure.images} images: heap ${(heapAfter.usedBytes / 2 ** 20).toFixed(1)} MB, tensors ${before.numTensors} -> ${after.numTensors}, cache ${(cache.bytes / 2 ** 20).toFixed(1)} / ${(cache.maxBytes / 2 ** 20).toFixed(0)} MB`);
  return figure;
}
