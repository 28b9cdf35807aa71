// `recolor` end to end: the real bin/recolor.js in a child process, on the fixture folder (gray
// JPEG/PNG/TIFF/GIF, a sepia WebP, a color JPEG, a truncated JPEG and a text file named .jpg).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from './image-io.ts';
import { rgbaToLightnessF } from '../engine/index.ts';
import { blockModelArtifacts, writeModelDir } from '../../test/support/block-model.ts';
import { HAS_MODEL } from '../../test/support/engine-test-images.ts';
import { describeColor, hexColor, hueDistance, regionColor } from '../../test/support/hint-measure.ts';
import { MODEL_DIR, REPO_ROOT } from '../../test/support/model-files.ts';

const BIN = path.join(REPO_ROOT, 'bin/recolor.js');
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/cli/input');
// Only a model other than the shipped one needs naming; otherwise the default path is tested.
const MODEL_ARGS = path.resolve(MODEL_DIR) === path.join(REPO_ROOT, 'models/colorizer') ? [] : ['--model', MODEL_DIR];

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function recolor(args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function hashTree(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  }
  return hashes;
}

/** Largest lightness difference between two images of one size, in 8-bit steps of L*. */
async function worstLightnessSteps(a: string, b: string): Promise<number> {
  const [ia, ib] = await Promise.all([decodeImage(a), decodeImage(b)]);
  expect([ib.width, ib.height]).toEqual([ia.width, ia.height]);
  const fa = rgbaToLightnessF(ia.data);
  const fb = rgbaToLightnessF(ib.data);
  let worst = 0;
  for (let i = 0; i < fa.length; i++) worst = Math.max(worst, Math.abs(fa[i] - fb[i]));
  return (worst * 116 * 255) / 100;
}

describe('recolor command', () => {
  it('--help explains usage and exits 0', async () => {
    const { code, stdout } = await recolor(['--help']);
    expect(code).toBe(0);
    for (const text of ['--out DIR', '--strength', '--force', '--hints FILE', '"color": "#4a7ab5"', 'recursively', 'first frame', 'never overwritten', 'Exit status']) {
      expect(stdout).toContain(text);
    }
  });

  it('exits 2 on a usage error', async () => {
    const { code, stderr } = await recolor(['--strength', '3', FIXTURES]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--out DIR is required[\s\S]*recolor --help/);
  });


  it('stops with one clear message when the model cannot be loaded', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'recolor-nomodel-'));
    const { code, stderr } = await recolor(['--model', path.join(work, 'none'), '--out', work, '--force', FIXTURES]);
    await rm(work, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stderr.match(/cannot load the model/g)).toHaveLength(1);
  });
});

describe('recolor --hints with a bad hints file', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'recolor-badhints-'));
    await mkdir(path.join(work, 'folder.json'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it.each([
    ['a missing file', null, /--hints \S*missing\.json: no such file/],
    ['a folder', 'folder.json', /--hints \S*folder\.json: is a folder, not a file/],
    ['not JSON', '[{x: 0.5}]', /: not valid JSON \(/],
    ['an empty file', '', /: not valid JSON \(/],
    ['a single object', '{"x": 0.5, "y": 0.5, "color": "#00f"}', /: must hold a JSON list of \{ "x", "y", "color" \} hints, e\.g\. \[/],
    ['x out of range', '[{"x": 0.5, "y": 0.1, "color": "#00f"}, {"x": 1.5, "y": 0.1, "color": "#00f"}]', /: hints\[1\]: x must be a number from 0 to 1 \(a fraction of the image's width\), got 1\.5/],
    ['pixels for fractions', '[{"x": 120, "y": 40, "color": "#00f"}]', /: hints\[0\]: x must be .* got 120/],
    ['a colour name', '[{"x": 0.5, "y": 0.5, "color": "blue"}]', /: hints\[0\]: color must be a hex sRGB colour like "#4a7ab5" or "#abc", got "blue"/],
    ['a missing colour', '[{"x": 0.5, "y": 0.5}]', /: hints\[0\]: color must be .* got nothing/],
  ])('%s: exits 2 with a clear message before any image is touched', async (_, content, message) => {
    const file = content === null ? path.join(work, 'missing.json') : content === 'folder.json' ? path.join(work, content) : path.join(work, 'hints.json');
    if (content !== null && content !== 'folder.json') await writeFile(file, content);
    const out = path.join(work, 'out');
    const { code, stderr, stdout } = await recolor(['--hints', file, '--out', out, FIXTURES]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Try 'recolor --help'/);
    expect(stderr.trim().split('\n')).toHaveLength(2); // one message, no per-image lines
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('recolor --hints with a model without the hint channel', () => {
  it('colorizes and says once that the hints are ignored', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'recolor-1ch-'));
    await writeModelDir(await blockModelArtifacts(1), path.join(work, 'model'), 'block-1ch');
    await writeFile(path.join(work, 'hints.json'), '[{"x": 0.5, "y": 0.5, "color": "#4a7ab5"}]');
    const inputs = ['motorcycle-gray.png', 'fallen-leaf-gray.jpg'].map((f) => path.join(FIXTURES, f));
    const result = await recolor(['--model', path.join(work, 'model'), '--hints', path.join(work, 'hints.json'), '--out', path.join(work, 'out'), ...inputs]);
    await rm(work, { recursive: true, force: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Colorized 2, skipped 0, failed 0\./);
    expect(result.stderr.match(/note: the model \(block-1ch\) has no hint channel; --hints is ignored/g)).toHaveLength(1);
  });
});

describe.skipIf(!HAS_MODEL)('recolor --hints on a gray photo', () => {
  it('applies the hints: the sky near a blue hint turns bluer, the lightness stays', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'recolor-hints-'));
    const [x, y, color] = [0.8, 0.15, '#4a7ab5'];
    await writeFile(path.join(work, 'hints.json'), JSON.stringify([{ x, y, color }]));
    const input = path.join(FIXTURES, 'more/china-gray.tiff');
    const [plain, hinted] = await Promise.all([
      recolor([...MODEL_ARGS, '--out', path.join(work, 'plain'), input]),
      recolor([...MODEL_ARGS, '--hints', path.join(work, 'hints.json'), '--out', path.join(work, 'hinted'), input]),
    ]);
    expect([plain.code, hinted.code]).toEqual([0, 0]);
    expect(hinted.stderr).not.toMatch(/ignored/);
    const out = (dir: string) => path.join(work, dir, 'china-gray.png');
    expect(await worstLightnessSteps(input, out('hinted'))).toBeLessThanOrEqual(1);
    const [before, after] = await Promise.all([decodeImage(out('plain')), decodeImage(out('hinted'))]);
    const want = hexColor(color);
    const [b, a] = [regionColor(before, x, y, 0.03), regionColor(after, x, y, 0.03)];
    console.log(`recolor --hints: near the hint, ${describeColor(b)} -> ${describeColor(a)}`);
    await rm(work, { recursive: true, force: true });
    expect(hueDistance(a.hue, want.hue)).toBeLessThan(hueDistance(b.hue, want.hue));
    expect(a.chroma).toBeGreaterThan(b.chroma);
  });
});

describe.skipIf(!HAS_MODEL)('recolor on the fixture folder', () => {
  let work: string;
  let before: Record<string, string>;
  let run: Result;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'recolor-cli-'));
    before = await hashTree(FIXTURES);
    run = await recolor([...MODEL_ARGS, '--out', path.join(work, 'out'), FIXTURES]);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('colorizes every gray and sepia image, recursively, as DIR/<name>.png', async () => {
    expect((await readdir(path.join(work, 'out'))).sort()).toEqual([
      'baboon-gray.png',
      'chelsea-sepia.png',
      'china-gray.png',
      'fallen-leaf-gray.png',
      'motorcycle-gray.png',
    ]);
    expect(run.stdout).toMatch(/chelsea-sepia\.webp -> .*chelsea-sepia\.png \(toned\)/);
    expect(run.stdout).toMatch(/Colorized 5, skipped 1, failed 2\./);
  });

  it.each([
    ['fallen-leaf-gray.jpg', 'fallen-leaf-gray.png'],
    ['motorcycle-gray.png', 'motorcycle-gray.png'],
    ['more/china-gray.tiff', 'china-gray.png'],
    ['more/chelsea-sepia.webp', 'chelsea-sepia.png'],
    ['baboon-gray.gif', 'baboon-gray.png'],
  ])('%s keeps its size and lightness (GIF: first frame)', async (input, output) => {
    expect(await worstLightnessSteps(path.join(FIXTURES, input), path.join(work, 'out', output))).toBeLessThanOrEqual(1);
  });

  it('takes the first frame of an animated GIF', async () => {
    const out = await decodeImage(path.join(work, 'out', 'baboon-gray.png'));
    const frame = async (page: number) => {
      const { data } = await sharp(path.join(FIXTURES, 'baboon-gray.gif'), { page }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return rgbaToLightnessF(data);
    };
    const outF = rgbaToLightnessF(out.data);
    const meanDiff = (f: Float32Array) => f.reduce((sum, v, i) => sum + Math.abs(v - outF[i]), 0) / f.length;
    expect(meanDiff(await frame(0))).toBeLessThan(0.002);
    expect(meanDiff(await frame(1))).toBeGreaterThan(0.02);
  });

  it('skips and lists the color photo, reports the broken files, exits 1', () => {
    expect(run.stdout).toMatch(/Skipped 1[^\n]*\n\s+\S*fruits-color\.jpg: already in color/);
    expect(run.stderr).toMatch(/truncated\.jpg: not a readable image/);
    expect(run.stderr).toMatch(/not-an-image\.jpg: not a readable image/);
    expect(run.code).toBe(1);
  });

  it('shows progress with an ETA on stderr', () => {
    expect(run.stderr).toMatch(/\[#+-+\] 1\/8 +\d+%  ETA \d+:\d\d/);
    expect(run.stderr).toMatch(/8\/8 100%/);
  });

  it('leaves the inputs untouched', async () => {
    expect(await hashTree(FIXTURES)).toEqual(before);
  });

  it('with --force colorizes the color photo from its lightness', async () => {
    const out = path.join(work, 'forced');
    const forced = await recolor([...MODEL_ARGS, '--force', '--strength', '0.7', '--out', out, path.join(FIXTURES, 'fruits-color.jpg')]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/fruits-color\.png \(forced\)/);
    expect(await worstLightnessSteps(path.join(FIXTURES, 'fruits-color.jpg'), path.join(out, 'fruits-color.png'))).toBeLessThanOrEqual(1);
  });

  it('never overwrites an input, even when DIR is the input folder', async () => {
    const dir = path.join(work, 'same');
    await cp(path.join(FIXTURES, 'motorcycle-gray.png'), path.join(dir, 'motorcycle-gray.png'), { recursive: true });
    const original = await hashTree(dir);
    const same = await recolor([...MODEL_ARGS, '--out', dir, dir]);
    expect(same.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['motorcycle-gray-2.png', 'motorcycle-gray.png']);
    expect((await hashTree(dir))['motorcycle-gray.png']).toBe(original['motorcycle-gray.png']);
  });
});
