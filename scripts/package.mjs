#!/usr/bin/env node
// npm run package: zips the built extensions (run `npm run build` first) into
// dist/recolor-chrome-<version>.zip and dist/recolor-firefox-<version>.zip, ready for the stores.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const dir = join(root, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`package: ${dir} is missing; run npm run build first`);
    process.exit(1);
  }
  const zip = join(root, 'dist', `recolor-${target}-${version}.zip`);
  rmSync(zip, { force: true });
  // -X: no extra file attributes, so the archive depends only on the files.
  execFileSync('zip', ['-r', '-X', '-q', zip, '.'], { cwd: dir, stdio: 'inherit' });
  console.log(`package: ${zip} (${(statSync(zip).size / 1024 / 1024).toFixed(1)} MB)`);
}
