// `recolor --out DIR [--strength S] [--force] [--hints FILE.json] FILE_OR_DIR...`: colorizes files with the engine.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ColorHint, Engine } from '../engine/index.ts';
import { parseCliArgs, USAGE, type CliOptions } from './args.ts';
import { collectJobs, type Job } from './collect.ts';
import { detectImage } from './detect-file.ts';
import { readHintsFile } from './hints-file.ts';
import { decodeImage, encodePng } from './image-io.ts';
import { DEFAULT_MODEL_DIR, fileModelHandler, readModelVersion } from './model-files.ts';
import { Progress, type ProgressSink } from './progress.ts';
import { failed, skipOfDetection } from '../shared/result.ts';
import type { Result, SkipCode } from '../shared/result.ts';

export interface CliIo {
  stdout: ProgressSink;
  stderr: ProgressSink;
}

/** The model cannot be loaded: nothing else can succeed, so the run stops. */
class ModelLoadError extends Error {}

/** One file's result (the shared result contract), with the file it is for. */
type Outcome = Result<{ kind: string }> & { job: Job };

/** How the summary words a skip code. */
const SKIP_WORDS: Partial<Record<SkipCode, string>> = { color: 'already in color', 'not-photo': 'not a photograph' };

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

async function loadEngine(modelDir: string): Promise<Engine> {
  // Loaded on first use: tfjs takes a second to import, which --help and usage errors skip.
  const [{ createEngine }, tf] = await Promise.all([import('../engine/index.ts'), import('@tensorflow/tfjs')]);
  // No debug checks, and no "install tfjs-node" banner (tfjs-node cannot be installed offline).
  tf.enableProdMode();
  const modelJson = path.join(modelDir, 'model.json');
  return createEngine({ model: fileModelHandler(modelJson), modelVersion: await readModelVersion(modelDir), backends: ['wasm', 'cpu'] });
}

async function processJob(job: Job, options: CliOptions, hints: ColorHint[], engine: () => Promise<Engine>): Promise<Outcome> {
  let image;
  try {
    image = await decodeImage(job.input);
  } catch (error) {
    return { ...failed('undecodable', `not a readable image (${message(error)})`), job };
  }
  let kind = 'forced';
  if (!options.force) {
    const detection = await detectImage(image);
    kind = detection.kind;
    const skip = skipOfDetection(detection);
    if (skip) return { ...skip, job };
  }
  const loaded = await engine().catch((error: unknown) => {
    throw new ModelLoadError(message(error));
  });
  try {
    const colored = await loaded.colorize(image, { strength: options.strength, hints });
    await encodePng(colored, job.output);
    return { outcome: 'colorized', job, kind };
  } catch (error) {
    return { ...failed('engine', message(error)), job };
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function summarize(outcomes: Outcome[], missing: number, io: CliIo): void {
  const skips = outcomes.filter((o) => o.outcome === 'skipped');
  const failures = outcomes.filter((o) => o.outcome === 'failed');
  const colorized = outcomes.length - skips.length - failures.length;
  if (skips.length > 0) {
    io.stdout.write(`Skipped ${skips.length} (use --force to colorize them anyway):\n`);
    for (const o of skips) io.stdout.write(`  ${o.job.input}: ${SKIP_WORDS[o.code] ?? o.code} (${o.detail})\n`);
  }
  if (failures.length > 0) {
    io.stderr.write(`Failed ${failures.length}:\n`);
    for (const o of failures) io.stderr.write(`  ${o.job.input}: ${o.detail}\n`);
  }
  io.stdout.write(
    `Colorized ${colorized}, skipped ${skips.length}, failed ${failures.length + missing}.\n`,
  );
}

export async function run(options: CliOptions, io: CliIo): Promise<number> {
  let hints: ColorHint[] = [];
  if (options.hints !== undefined) {
    try {
      hints = await readHintsFile(options.hints);
    } catch (error) {
      io.stderr.write(`recolor: --hints ${options.hints}: ${message(error)}\nTry 'recolor --help'.\n`);
      return 2;
    }
  }
  const { jobs, missing } = await collectJobs(options.inputs, options.out);
  for (const m of missing) io.stderr.write(`recolor: ${m.input}: ${m.reason}\n`);
  if (jobs.length === 0) {
    io.stderr.write('recolor: no image files found\n');
    return missing.length > 0 ? 1 : 2;
  }
  await mkdir(options.out, { recursive: true });
  let enginePromise: Promise<Engine> | undefined;
  const engine = () =>
    (enginePromise ??= loadEngine(options.model ?? DEFAULT_MODEL_DIR).then((loaded) => {
      if (hints.length > 0 && !loaded.acceptsHints) {
        const note = `recolor: note: the model (${loaded.modelVersion}) has no hint channel; --hints is ignored`;
        if (progress) progress.log(note, io.stderr);
        else io.stderr.write(`${note}\n`);
      }
      return loaded;
    }));
  const progress = jobs.length > 1 ? new Progress(jobs.length, io.stderr) : undefined;
  const outcomes: Outcome[] = [];
  try {
    for (const job of jobs) {
      let outcome: Outcome;
      try {
        outcome = await processJob(job, options, hints, engine);
      } catch (error) {
        if (!(error instanceof ModelLoadError)) throw error;
        progress?.finish();
        io.stderr.write(`recolor: cannot load the model from ${options.model ?? DEFAULT_MODEL_DIR}: ${error.message}\n`);
        return 1;
      }
      outcomes.push(outcome);
      if (outcome.outcome === 'colorized') {
        const line = `${job.input} -> ${displayPath(job.output)} (${outcome.kind})`;
        if (progress) progress.log(line, io.stdout);
        else io.stdout.write(`${line}\n`);
      }
      progress?.step(path.basename(job.input));
    }
  } finally {
    progress?.finish();
    if (enginePromise) (await enginePromise.catch(() => undefined))?.dispose();
  }
  summarize(outcomes, missing.length, io);
  return outcomes.some((o) => o.outcome === 'failed') || missing.length > 0 ? 1 : 0;
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr.write(`recolor: ${parsed.message}\nTry 'recolor --help'.\n`);
    return 2;
  }
  return run(parsed.options, io);
}
