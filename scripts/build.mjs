#!/usr/bin/env node
// npm run build: bundles every entry with Vite (vite.config.ts), then writes the unpacked
// extensions: dist/chrome (MV3 service worker) and dist/firefox (MV3 event page, gecko id), the
// shipped ones, and dist/test/chrome, the same with test hooks and User Timing measures
// (src/build-flags.d.ts) for the end-to-end tests, the benchmarks and the demo launcher.
// Both get the model (models/colorizer, or $RECOLOR_MODEL_DIR for a local stand-in) and the
// tfjs wasm binaries, so nothing is downloaded at run time.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { firefoxManifest, chromeManifest } from './manifests.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stage = join(dist, '.stage');
const entries = ['background', 'content', 'options', 'popup'];

const modelDir = resolve(root, process.env.RECOLOR_MODEL_DIR ?? 'models/colorizer');
if (!existsSync(join(modelDir, 'model.json'))) {
  console.error(`build: no model at ${modelDir}/model.json (set RECOLOR_MODEL_DIR for a stand-in while developing)`);
  process.exit(1);
}
if (process.env.RECOLOR_MODEL_DIR) console.warn(`build: using model from ${modelDir} (not the shipped one)`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const started = Date.now();
for (const variant of ['production', 'test']) {
  for (const entry of entries) {
    process.env.RECOLOR_ENTRY = entry;
    process.env.RECOLOR_BUILD = variant;
    process.env.RECOLOR_STAGE = join(stage, variant);
    await build({ configFile: join(root, 'vite.config.ts'), root, mode: 'production' });
  }
}

const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');

for (const [target, manifest, variant] of [
  ['chrome', chromeManifest(base, version), 'production'],
  ['firefox', firefoxManifest(base, version), 'production'],
  ['test/chrome', chromeManifest(base, version), 'test'],
]) {
  const out = join(dist, target);
  mkdirSync(out, { recursive: true });
  for (const entry of entries) cpSync(join(stage, variant, `${entry}.js`), join(out, `${entry}.js`));
  for (const file of ['options.html', 'popup.html', 'ui.css']) cpSync(join(root, 'src/ui', file), join(out, file));
  cpSync(join(root, 'src/ui/icons'), join(out, 'icons'), { recursive: true });
  cpSync(join(root, '_locales'), join(out, '_locales'), { recursive: true });
  cpSync(modelDir, join(out, 'models/colorizer'), {
    recursive: true,
    // Only what tfjs loads at run time and the version info; test goldens and notes stay out.
    filter: (src) => !/(\.(py|pt|pth|md|log)|golden\.json)$/.test(src),
  });
  mkdirSync(join(out, 'wasm'), { recursive: true });
  for (const file of readdirSync(wasmDir).filter((name) => name.endsWith('.wasm'))) {
    cpSync(join(wasmDir, file), join(out, 'wasm', file));
  }
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
rmSync(stage, { recursive: true, force: true });
console.log(`build: dist/chrome, dist/firefox and dist/test/chrome written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
