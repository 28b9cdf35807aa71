// Bundles an in-page harness (bench/harness/*.ts) into one classic script with Vite, as the
// extension's own entries are bundled (vite.config.ts), into bench/tmp/.
import { resolve } from 'node:path';
import { build } from 'vite';

export const BENCH_TMP = resolve(import.meta.dirname, '../tmp');

export async function bundleHarness(name: string): Promise<string> {
  const outDir = resolve(BENCH_TMP, 'harness');
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, '../..'),
    publicDir: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 8192,
      lib: { entry: resolve(import.meta.dirname, `../harness/${name}.ts`), formats: ['iife'], name: `bench_${name.replace(/\W/g, '_')}`, fileName: () => `${name}.js` },
    },
  });
  return resolve(outDir, `${name}.js`);
}
