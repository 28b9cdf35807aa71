// The detector over a table of real images (see detect-cases.ts): every val photo in colour, gray
// and toned versions of a spread of them through real JPEG at several qualities, and graphics.
// Prints a confusion matrix and the per-call time; asserts every case's outcome.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Detection, ImageKind } from '../../src/detect/index.ts';
import { detectImageKind } from '../../src/detect/index.ts';
import type { DetectCase, Small } from './detect-cases.ts';
import { KNOWN_MISSES } from './detect-expectations.ts';
import {
  colorPhotoCases,
  fixtureGraphicCases,
  monochromePhotoCases,
  svgGraphicCases,
  valPhotosByChroma,
} from './detect-cases.ts';

const byChroma = valPhotosByChroma();
// The two most muted val photos plus ten spread evenly over the chroma range.
const MONO_SOURCES = [
  byChroma[0].file,
  byChroma[2].file,
  ...Array.from({ length: 10 }, (_, k) => byChroma[Math.floor(((k + 0.5) * byChroma.length) / 10)].file),
];

const CASES: DetectCase[] = [
  ...colorPhotoCases(byChroma.map((p) => p.file)),
  ...monochromePhotoCases(MONO_SOURCES),
  ...fixtureGraphicCases(),
  ...svgGraphicCases(),
];

const KINDS: ImageKind[] = ['color', 'grayscale', 'toned', 'not-photo'];
const images = new Map<string, Small>();
const results = new Map<string, Detection>();

beforeAll(async () => {
  // Two at a time: sharp is already multi-threaded and the machine has two cores.
  const queue = [...CASES];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const img = await c.load();
      images.set(c.name, img);
      results.set(c.name, detectImageKind(img.data, img.width, img.height));
    }
  };
  await Promise.all([worker(), worker()]);
});

afterAll(() => {
  if (process.env.DETECT_DUMP) {
    const dump = CASES.map((c) => {
      const img = images.get(c.name)!;
      const rgba = Buffer.from(img.data).toString('base64');
      return { name: c.name, group: c.group, expected: c.expected, ...results.get(c.name), width: img.width, height: img.height, rgba };
    });
    writeFileSync(process.env.DETECT_DUMP, JSON.stringify(dump, null, 1));
  }
});

describe('detectImageKind over real images', () => {
  it('has at least 60 real images and prints the confusion matrix', () => {
    expect(byChroma.length).toBeGreaterThanOrEqual(60);
    const groups = [...new Set(CASES.map((c) => c.group))];
    const matrix: Record<string, Record<string, number>> = {};
    for (const g of groups) matrix[g] = Object.fromEntries(KINDS.map((k) => [k, 0]));
    for (const c of CASES) matrix[c.group][results.get(c.name)!.kind]++;
    const truth: Record<string, Record<string, number>> = {};
    for (const k of KINDS) truth[k] = Object.fromEntries(KINDS.map((j) => [j, 0]));
    for (const c of CASES) {
      const kind = results.get(c.name)!.kind;
      // A case whose detected kind is one of its equally right kinds counts on the diagonal.
      truth[c.alsoRight?.includes(kind) ? kind : c.expected][kind]++;
    }
    console.log(`detector over ${CASES.length} cases: rows = case group, columns = detected kind`);
    console.table(matrix);
    console.log('confusion matrix: rows = true kind (val photos that are really toned prints moved), columns = detected');
    console.table(truth);
    expect(results.size).toBe(CASES.length);
  });

  it('takes well under a millisecond per 64 px image (printed, not asserted)', () => {
    const sample = [...images.values()].slice(0, 200);
    for (const img of sample) detectImageKind(img.data, img.width, img.height); // warm the JIT
    const rounds = 5;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const img of sample) detectImageKind(img.data, img.width, img.height);
    const perCall = (performance.now() - t0) / (rounds * sample.length);
    console.log(`detectImageKind: ${(perCall * 1000).toFixed(0)} us per call (mean over ${rounds * sample.length} calls, <=64x64)`);
    expect(perCall).toBeGreaterThan(0);
  });

  it('lists the known misses (see detect-expectations.ts)', () => {
    const misses = CASES.filter((c) => KNOWN_MISSES[c.name]).map((c) => ({
      case: c.name,
      expected: c.expected,
      detected: results.get(c.name)!.kind,
      why: KNOWN_MISSES[c.name].why,
    }));
    console.table(misses);
    expect(misses.length).toBe(Object.keys(KNOWN_MISSES).length);
  });

  it.each(CASES.map((c) => [c.group, c.name, c.expected, c] as const))('%s: %s -> %s', (_g, name, _e, c) => {
    const d = results.get(name)!;
    expect(d.score).toBeGreaterThanOrEqual(0);
    expect(d.score).toBeLessThanOrEqual(1);
    const miss = KNOWN_MISSES[name];
    if (miss) expect(d.kind, `known miss: ${miss.why}`).toBe(miss.detected);
    else expect([c.expected, ...(c.alsoRight ?? [])], d.reason).toContain(d.kind);
  });
});
