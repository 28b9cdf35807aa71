// `npm start`, the README's command that runs the product, on a machine without a display: it
// builds, opens the demo page in Chromium with the extension, switches the demo site on, waits for
// every black-and-white photo to be swapped for a colorized one, and writes a before/after picture.
import { execFile } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

const root = resolve(import.meta.dirname, '../..');
const picture = join(root, 'out/before-after.png');

test('npm start without a display writes the demo page before and after', async () => {
  test.setTimeout(240_000);
  rmSync(picture, { force: true });
  const env = { ...process.env };
  delete env.DISPLAY;
  const { stdout } = await promisify(execFile)('node', ['scripts/start.mjs'], { cwd: root, env, timeout: 220_000 });
  expect(stdout).toContain('wrote');
  expect(existsSync(picture)).toBe(true);
  expect(statSync(picture).size).toBeGreaterThan(50_000);
  // The right half (after) is more colourful than the left (before): its photos were colorized.
  const { data, info } = await sharp(picture).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const chroma = (from: number, to: number) => {
    let sum = 0;
    let n = 0;
    for (let y = 0; y < info.height; y += 2) {
      for (let x = from; x < to; x += 2) {
        const i = (y * info.width + x) * 3;
        sum += Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
        n += 1;
      }
    }
    return sum / n;
  };
  const half = Math.floor(info.width / 2);
  expect(chroma(half, info.width)).toBeGreaterThan(chroma(0, half) + 5);
});
