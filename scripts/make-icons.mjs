#!/usr/bin/env node
// Writes the toolbar's "off" icon set (src/ui/icons/icon-off-*.png) from the colored one: the same
// disc with its orange half in gray, so the button itself says whether Recolor is on for the site.
// Run by hand when the icon changes; the outputs are committed.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const icons = resolve(dirname(fileURLToPath(import.meta.url)), '../src/ui/icons');
for (const size of [16, 32, 48, 128]) {
  await sharp(join(icons, `icon-${size}.png`))
    .grayscale()
    .linear(0.8, 10) // a little flatter, so the gray disc reads as "off" next to the colored one
    .png()
    .toFile(join(icons, `icon-off-${size}.png`));
}
console.log(`make-icons: ${icons}/icon-off-{16,32,48,128}.png written`);
