// The engine end to end with the shipped model (models/colorizer, or RECOLOR_MODEL_DIR) on wasm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createEngine, getEngine, rgbaToLightnessF, type Engine, type RgbaImage } from './index.ts';
import { engineConfig, grayGradient, grayPhoto, HAS_MODEL, sepiaPhoto } from '../../test/support/engine-test-images.ts';

/** Largest |L*out - L*in| over all pixels, in 8-bit lightness steps (100/255 L* each). */
function worstLightnessSteps(a: RgbaImage, b: RgbaImage): number {
  const fa = rgbaToLightnessF(a.data);
  const fb = rgbaToLightnessF(b.data);
  let worst = 0;
  for (let i = 0; i < fa.length; i++) worst = Math.max(worst, Math.abs(fa[i] - fb[i]));
  return (worst * 116 * 255) / 100;
}

function meanChroma(image: RgbaImage): number {
  const d = image.data;
  let sum = 0;
  for (let p = 0; p < d.length; p += 4) sum += Math.max(d[p], d[p + 1], d[p + 2]) - Math.min(d[p], d[p + 1], d[p + 2]);
  return sum / (d.length / 4);
}

describe.skipIf(!HAS_MODEL)('engine with the shipped model (wasm)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine(await engineConfig());
  });
  afterAll(() => engine?.dispose());

  it('reports the backend it chose and why', () => {
    expect(engine.backend.backend).toBe('wasm');
    expect(engine.backend.reason).toMatch(/wasm \((SIMD|no SIMD)/);
    expect(engine.modelVersion).not.toBe('');
  });

  it.each([
    [1, 1],
    [17, 3000],
    [3000, 17],
    [4000, 3000],
  ])('keeps the size %dx%d and the lightness of every pixel', async (width, height) => {
    const input = grayGradient(width, height);
    const out = await engine.colorize(input);
    expect([out.width, out.height, out.data.length]).toEqual([width, height, width * height * 4]);
    expect(worstLightnessSteps(input, out)).toBeLessThanOrEqual(1);
  });

  it.each([1, 1.5])('keeps the lightness of a real gray photo at strength %s', async (strength) => {
    const input = await grayPhoto('deb-000002.jpg');
    const out = await engine.colorize(input, { strength });
    expect(worstLightnessSteps(input, out)).toBeLessThanOrEqual(1);
  });

  it('strength 0 gives the gray image back; more strength gives more chroma', async () => {
    const input = await grayPhoto('deb-000003.jpg');
    const [none, half, full] = await Promise.all([0, 0.5, 1].map((strength) => engine.colorize(input, { strength })));
    expect(meanChroma(none)).toBeLessThan(0.5);
    expect(worstLightnessSteps(input, none)).toBeLessThanOrEqual(1);
    expect(meanChroma(half)).toBeLessThan(meanChroma(full));
  });

  it('colorizes a sepia scan from its lightness alone (same result as its gray version)', async () => {
    const sepia = await sepiaPhoto('deb-000004.jpg');
    // The gray image of the same lightness: every pixel replaced by the gray of equal L*.
    const fy = rgbaToLightnessF(sepia.data);
    const gray = new Uint8ClampedArray(sepia.data.length);
    const grayOfF = new Float32Array(256).map((_, v) => rgbaToLightnessF(new Uint8Array([v, v, v, 255]))[0]);
    for (let i = 0; i < fy.length; i++) {
      let v = 0;
      while (v < 255 && Math.abs(grayOfF[v + 1] - fy[i]) < Math.abs(grayOfF[v] - fy[i])) v++;
      gray.fill(v, i * 4, i * 4 + 3);
      gray[i * 4 + 3] = 255;
    }
    const fromSepia = await engine.colorize(sepia);
    const fromGray = await engine.colorize({ ...sepia, data: gray });
    let diff = 0;
    for (let p = 0; p < gray.length; p++) diff += Math.abs(fromSepia.data[p] - fromGray.data[p]);
    expect(diff / gray.length).toBeLessThan(1);
  });

  it('leaks no tensors over 50 calls', async () => {
    const input = grayGradient(64, 48);
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      await engine.colorize(input, { strength: (i % 4) / 2 });
      expect(tf.memory().numTensors).toBe(baseline);
    }
  });

  it('serializes concurrent calls and survives a failed one', async () => {
    const good = grayGradient(40, 30);
    const results = await Promise.allSettled([
      engine.colorize(good),
      engine.colorize({ data: new Uint8ClampedArray(3), width: 1, height: 1 }),
      engine.colorize(good),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const [a, , c] = results as PromiseFulfilledResult<RgbaImage>[];
    expect(a.value.data).toEqual(c.value.data);
  });

  it('keeps alpha', async () => {
    const input = grayGradient(20, 10);
    input.data[3] = 0;
    input.data[7] = 77;
    const out = await engine.colorize(input);
    expect([out.data[3], out.data[7], out.data[11]]).toEqual([0, 77, 255]);
  });
});

describe.skipIf(!HAS_MODEL)('getEngine', () => {
  it('returns one engine per configuration and a fresh one after dispose', async () => {
    const config = await engineConfig();
    const [a, b] = await Promise.all([getEngine(config), getEngine(config)]);
    expect(a).toBe(b);
    a.dispose();
    const c = await getEngine(config);
    expect(c).not.toBe(a);
    c.dispose();
  });
});
