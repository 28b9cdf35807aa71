// Benchmark photos, made in memory: mosaics of the demo photographs (demo/photos, ~256 px high,
// licences in demo/LICENSES.md) at their own scale, so a 3000x2000 image has a real photo's
// detail per pixel (and JPEG entropy) rather than one small photo blown up; then gray, JPEG q90.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { OverlayOptions } from 'sharp';

const DEMO_PHOTOS = resolve(import.meta.dirname, '../../demo/photos');
const TILE_HEIGHT = 256;

export interface Photo {
  name: string;
  width: number;
  height: number;
  jpeg: Buffer;
}

export function parseSize(text: string): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`size must look like 1024x768, got "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

async function tiles(): Promise<{ input: Buffer; width: number }[]> {
  const files = readdirSync(DEMO_PHOTOS).filter((name) => name.endsWith('.jpg')).sort();
  return Promise.all(
    files.map(async (name) => {
      const { data, info } = await sharp(resolve(DEMO_PHOTOS, name)).resize({ height: TILE_HEIGHT }).png().toBuffer({ resolveWithObject: true });
      return { input: data, width: info.width };
    }),
  );
}

export async function makePhoto(width: number, height: number): Promise<Photo> {
  const pieces = await tiles();
  const composite: OverlayOptions[] = [];
  let n = 0;
  for (let top = 0; top < height; top += TILE_HEIGHT) {
    for (let left = 0; left < width; n++) {
      const tile = pieces[n % pieces.length];
      composite.push({ input: tile.input, left, top });
      left += tile.width;
    }
  }
  const canvasWidth = width + 512;
  const canvasHeight = Math.ceil(height / TILE_HEIGHT) * TILE_HEIGHT;
  const mosaic = await sharp({ create: { width: canvasWidth, height: canvasHeight, channels: 3, background: '#808080' } })
    .composite(composite)
    .png()
    .toBuffer();
  const jpeg = await sharp(mosaic).extract({ left: 0, top: 0, width, height }).grayscale().jpeg({ quality: 90 }).toBuffer();
  return { name: `${width}x${height}.jpg`, width, height, jpeg };
}

