#!/usr/bin/env node
// Regenerates demo/photos/ from the freely licensed Debian photos in ../shared/data/photos:
// black-and-white and sepia versions for the demo page, plus one color photo it must leave alone.
// The outputs are committed (see demo/LICENSES.md); this script documents how they were made.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(root, '../shared/data/photos');
const out = join(root, 'demo/photos');
mkdirSync(out, { recursive: true });

export const DEMO_PHOTOS = [
  { file: 'deb-000052.jpg', split: 'train', name: 'cat.jpg', look: 'gray' },
  { file: 'deb-000031.jpg', split: 'train', name: 'coffee.jpg', look: 'gray' },
  { file: 'deb-000062.jpg', split: 'train', name: 'astronaut.jpg', look: 'gray' },
  { file: 'deb-000037.jpg', split: 'train', name: 'rocket.jpg', look: 'gray' },
  { file: 'deb-000011.jpg', split: 'train', name: 'building.jpg', look: 'gray' },
  { file: 'deb-000058.jpg', split: 'train', name: 'baboon.jpg', look: 'gray' },
  { file: 'deb-000063.jpg', split: 'val', name: 'home-sepia.jpg', look: 'sepia' },
  { file: 'deb-000006.jpg', split: 'train', name: 'fruits-color.jpg', look: 'color' },
];

const SEPIA = [
  [1.0, 0, 0],
  [0, 0.85, 0],
  [0, 0, 0.62],
];

for (const photo of DEMO_PHOTOS) {
  let image = sharp(join(source, photo.split, photo.file));
  if (photo.look !== 'color') image = image.grayscale();
  if (photo.look === 'sepia') image = image.toColourspace('srgb').recomb(SEPIA);
  await image.jpeg({ quality: 85, mozjpeg: true }).toFile(join(out, photo.name));
  console.log(`demo/photos/${photo.name} <- ${photo.split}/${photo.file} (${photo.look})`);
}
