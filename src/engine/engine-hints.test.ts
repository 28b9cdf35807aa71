// The engine with colour hints: the shipped model (models/colorizer, or RECOLOR_MODEL_DIR) on
// wasm, and a model without the hint channel (a small real tfjs model made here, one input
// channel like the models before recolor-cnn-2026-12-03), which must ignore hints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../cli/image-io.ts';
import { createEngine, HintError, type Engine, type RgbaImage } from './index.ts';
import { blockModelArtifacts } from '../../test/support/block-model.ts';
import { engineConfig, grayGradient, HAS_MODEL } from '../../test/support/engine-test-images.ts';
import { describeColor, hexColor, hueDistance, regionColor } from '../../test/support/hint-measure.ts';
import { MODEL_DIR, REPO_ROOT } from '../../test/support/model-files.ts';

const SHIPPED_CHANNELS: number | undefined = HAS_MODEL
  ? (JSON.parse(readFileSync(path.join(MODEL_DIR, 'info.json'), 'utf8')).inputChannels ?? 1)
  : undefined;
const CHINA = path.join(REPO_ROOT, 'test/fixtures/cli/input/more/china-gray.tiff');
const BLUE = '#4a7ab5';

const blockModel = async (channels: number) => tf.io.fromMemory(await blockModelArtifacts(channels));

describe('a model without the hint channel', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ model: await blockModel(1), backends: ['wasm'] });
  });
  afterAll(() => engine?.dispose());

  it('says so and ignores valid hints', async () => {
    expect(engine.acceptsHints).toBe(false);
    const input = grayGradient(64, 48);
    const automatic = await engine.colorize(input);
    const hinted = await engine.colorize(input, { hints: [{ x: 0.5, y: 0.5, color: '#00f' }] });
    expect(hinted.data).toEqual(automatic.data);
    expect(automatic.data.some((v, i) => i % 4 !== 3 && v !== input.data[i])).toBe(true); // it did colour
  });

  it('still rejects malformed hints', async () => {
    await expect(engine.colorize(grayGradient(8, 8), { hints: [{ x: 2, y: 0, color: '#00f' }] })).rejects.toThrow(HintError);
  });
});

describe('a model with neither 1 nor 4 input channels', () => {
  it('fails to load with a clear message', async () => {
    await expect(createEngine({ model: await blockModel(3), backends: ['wasm'] })).rejects.toThrow(
      /has 3 channels; expected 1 \(L\) or 4 \(L and hints\)/,
    );
  });
});

describe.skipIf(SHIPPED_CHANNELS !== 4)('the shipped hint-ready model (wasm)', () => {
  let engine: Engine;
  let china: RgbaImage;
  let automatic: RgbaImage;
  beforeAll(async () => {
    engine = await createEngine(await engineConfig());
    china = await decodeImage(CHINA);
    automatic = await engine.colorize(china);
  });
  afterAll(() => engine?.dispose());

  it('accepts hints; an empty list is automatic colorizing', async () => {
    expect(engine.acceptsHints).toBe(true);
    expect((await engine.colorize(china, { hints: [] })).data).toEqual(automatic.data);
  });

  it('rejects a malformed hint before running, and keeps working after', async () => {
    await expect(engine.colorize(china, { hints: [{ x: 0.5, y: 0.5, color: 'blue' }] })).rejects.toThrow(
      /hints\[0\]: color must be a hex sRGB colour/,
    );
    expect((await engine.colorize(china)).data).toEqual(automatic.data);
  });

  it('leaks no tensors over 20 calls with hints', async () => {
    const input = grayGradient(64, 48);
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      await engine.colorize(input, { hints: [{ x: i / 20, y: 0.5, color: '#c0392b' }], strength: (i % 3) / 2 });
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('moves the colour near a blue hint in the sky toward blue, with more chroma', async () => {
    // china-gray: a pavilion, trees and a lake under a pale sky; (0.8, 0.15) is open sky.
    const [x, y] = [0.8, 0.15];
    const hinted = await engine.colorize(china, { hints: [{ x, y, color: BLUE }] });
    const want = hexColor(BLUE);
    const before = regionColor(automatic, x, y, 0.03);
    const after = regionColor(hinted, x, y, 0.03);
    const wide = [regionColor(automatic, x, y, 0.08), regionColor(hinted, x, y, 0.08)];
    console.log(
      `hint ${BLUE} = ${describeColor(want)} at (${x}, ${y}); +-3% around it: automatic ${describeColor(before)}, ` +
        `hinted ${describeColor(after)} (${hueDistance(after.hue, want.hue).toFixed(0)} deg from the hint); ` +
        `+-8%: ${wide.map(describeColor).join(' -> ')}`,
    );
    expect(hueDistance(after.hue, want.hue)).toBeLessThan(45);
    expect(after.chroma).toBeGreaterThan(before.chroma);
  });
});
