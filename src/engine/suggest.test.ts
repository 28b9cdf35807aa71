// Suggested colours (the colour editor's swatches) from the shipped model on wasm: the bin
// probabilities the engine reads must decode to exactly the colour the model's own output has at
// that cell (parity with its decode layer), and follow the photo and the hints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/cli/image-io.ts';
import { predictAb } from './colorize.ts';
import { hintInput } from './hint-input.ts';
import { checkHints } from './hints.ts';
import { createEngine, suggestionImage, type Engine, type RgbaImage } from './index.ts';
import { workingGeometry, workingInput } from './working-input.ts';
import { blockModelArtifacts } from '../../test/support/block-model.ts';
import { engineConfig, grayGradient, HAS_MODEL } from '../../test/support/engine-test-images.ts';
import { hexColor, hueDistance } from '../../test/support/hint-measure.ts';
import { MODEL_DIR, REPO_ROOT } from '../../test/support/model-files.ts';

const LANDSCAPE = path.join(REPO_ROOT, 'test/fixtures/editor/landscape-gray.jpg');
const info = HAS_MODEL ? JSON.parse(readFileSync(path.join(MODEL_DIR, 'info.json'), 'utf8')) : {};
const SKY = { x: 0.08, y: 0.08 };
const GRASS = { x: 0.75, y: 0.8 };
const polarHue = (a: number, b: number) => ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;

describe.skipIf(!HAS_MODEL || info.inputChannels !== 4)('suggested colours from the shipped model (wasm)', () => {
  let engine: Engine;
  let photo: RgbaImage;
  beforeAll(async () => {
    engine = await createEngine({ ...(await engineConfig()), chromaScale: info.chromaScale });
    photo = await decodeImage(LANDSCAPE);
  });
  afterAll(() => engine?.dispose());

  it.each([
    { name: 'sky, no hints', point: SKY, hints: [] },
    { name: 'grass, no hints', point: GRASS, hints: [] },
    { name: 'grass, with a green hint there', point: GRASS, hints: [{ ...GRASS, color: '#4f9a3a' }] },
    { name: 'sky, with a hint elsewhere', point: SKY, hints: [{ ...GRASS, color: '#c0392b' }] },
  ])('$name: the probabilities decode to the model output at that cell', async ({ point, hints }) => {
    const got = await engine.suggestColors(photo, { ...point, hints });
    expect(got).not.toBeNull();
    // The model's ab at that cell as the colorize path predicts it (its own decode layer), on the
    // same input: the composed image would be a lossy read-back.
    const model = await tf.loadLayersModel((await engineConfig()).model);
    const geo = workingGeometry(photo.width, photo.height);
    const ab = await predictAb(model, hintInput(workingInput(photo.data, photo.width, photo.height, geo), checkHints(hints), geo), geo.size);
    model.dispose();
    const [row, col] = got!.cell;
    const p = (row * ab.cols + col) * 2;
    expect(got!.mean.a).toBeCloseTo(ab.data[p], 3);
    expect(got!.mean.b).toBeCloseTo(ab.data[p + 1], 3);
    const probabilities = got!.colors.map((c) => c.probability);
    expect(probabilities).toEqual([...probabilities].sort((x, y) => y - x));
    expect(probabilities.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(1 + 1e-5);
    for (const c of got!.colors) expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
    console.log(`${JSON.stringify(point)} hints ${hints.length}: ${got!.colors.map((c) => `${c.color} a${c.a} b${c.b} ${(c.probability * 100).toFixed(0)}%`).join(', ')}`);
  });

  it('suggests a blue for the sky and, with a green hint on the grass, a green first there', async () => {
    const sky = (await engine.suggestColors(photo, { ...SKY }))!;
    expect(sky.colors.some((c) => hueDistance(polarHue(c.a, c.b), hexColor('#3f7fcf').hue) < 35 && Math.hypot(c.a, c.b) >= 10)).toBe(true);
    const green = '#4f9a3a';
    const grass = (await engine.suggestColors(photo, { ...GRASS, hints: [{ ...GRASS, color: green }] }))!;
    expect(hueDistance(polarHue(grass.colors[0].a, grass.colors[0].b), hexColor(green).hue)).toBeLessThan(35);
  });

  it.each([
    { name: 'sky, no hints', point: SKY, hints: [] },
    { name: 'grass, a green hint there', point: GRASS, hints: [{ ...GRASS, color: '#4f9a3a' }] },
    { name: 'a corner, two hints', point: { x: 1, y: 1 }, hints: [{ ...SKY, color: '#3f7fcf' }, { ...GRASS, color: '#c0392b' }] },
  ])('$name: the image made ready once (suggestionImage) gives the very suggestions its pixels give', async ({ point, hints }) => {
    const ready = suggestionImage(photo);
    expect(ready.plane.length).toBe(ready.geo.size * ready.geo.size);
    expect(await engine.suggestColors(ready, { ...point, hints })).toEqual(await engine.suggestColors(photo, { ...point, hints }));
  });

  it('gives at most `count` colours, and checks its point', async () => {
    expect((await engine.suggestColors(photo, { ...SKY, count: 2 }))!.colors.length).toBeLessThanOrEqual(2);
    await expect(engine.suggestColors(photo, { x: 1.5, y: 0 })).rejects.toThrow(RangeError);
  });

  it('leaks no tensors', async () => {
    await engine.suggestColors(photo, SKY);
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) await engine.suggestColors(photo, { x: i / 5, y: 0.5 });
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('a model without bin probabilities', () => {
  it('has no suggestions (null), and still colorizes', async () => {
    const engine = await createEngine({ model: tf.io.fromMemory(await blockModelArtifacts(1)), backends: ['wasm'] });
    try {
      expect(await engine.suggestColors(grayGradient(32, 32), { x: 0.5, y: 0.5 })).toBeNull();
      expect((await engine.colorize(grayGradient(32, 32))).width).toBe(32);
    } finally {
      engine.dispose();
    }
  });
});
