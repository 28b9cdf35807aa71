// Images and the model for the engine and CLI tests: real photos from the shared data set
// (CI has ../shared beside the checkout), made gray or sepia with sharp, and generated planes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../../src/engine/index.ts';
import { fileModelHandler, readModelVersion } from '../../src/cli/model-files.ts';
import { expandToRgba } from '../../src/cli/image-io.ts';
import { MODEL_DIR, REPO_ROOT } from './model-files.ts';

export const PHOTOS_DIR = path.resolve(REPO_ROOT, '../shared/data/photos/train');
export const HAS_MODEL = existsSync(path.join(MODEL_DIR, 'model.json'));

export async function engineConfig() {
  return {
    model: fileModelHandler(path.join(MODEL_DIR, 'model.json')),
    modelVersion: await readModelVersion(MODEL_DIR),
    backends: ['wasm' as const],
  };
}

/** A real photo as a gray (luminance only) RGBA image. */
export async function grayPhoto(name: string): Promise<RgbaImage> {
  const { data, info } = await sharp(path.join(PHOTOS_DIR, name)).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { data: expandToRgba(data, info.channels, info.width, info.height), width: info.width, height: info.height };
}

/** A real photo toned like an old sepia print (its gray version times a warm tint). */
export async function sepiaPhoto(name: string): Promise<RgbaImage> {
  const gray = await grayPhoto(name);
  const d = gray.data;
  for (let p = 0; p < d.length; p += 4) {
    const v = d[p];
    d[p] = Math.min(255, v * 1.07 + 10);
    d[p + 1] = v * 0.95 + 4;
    d[p + 2] = v * 0.78;
  }
  return gray;
}

/** A smooth synthetic gray image of any size (cheap to make at 4000x3000). */
export function grayGradient(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.round(255 * (0.5 + 0.25 * Math.sin(x / 37) + 0.25 * Math.cos(y / 53)));
      const p = (y * width + x) * 4;
      data[p] = data[p + 1] = data[p + 2] = v;
      data[p + 3] = 255;
    }
  }
  return { data, width, height };
}
