// Builds one extension entry (background, content, options or popup) as a single classic script.
// Content scripts cannot be ES modules and an MV3 service worker may not use dynamic import(), so
// every entry is a self-contained IIFE with its dependencies (tfjs included) bundled statically.
// scripts/build.mjs runs this once per entry (RECOLOR_ENTRY) and build (RECOLOR_BUILD: production
// or test) and assembles dist/chrome, dist/firefox and dist/test/chrome around the results.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';

export const ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  options: 'src/ui/options.ts',
  popup: 'src/ui/popup.ts',
} as const;

export type EntryName = keyof typeof ENTRIES;

export default defineConfig((): UserConfig => {
  const entry = (process.env.RECOLOR_ENTRY ?? 'background') as EntryName;
  if (!(entry in ENTRIES)) throw new Error(`RECOLOR_ENTRY must be one of ${Object.keys(ENTRIES).join(', ')}`);
  return {
    publicDir: false,
    logLevel: 'warn',
    define: {
      // tfjs and the polyfill read process.env.NODE_ENV; there is no process in a browser.
      'process.env.NODE_ENV': JSON.stringify('production'),
      // Test hooks and timing only in the test build (src/build-flags.d.ts; scripts/build.mjs).
      __RECOLOR_TEST__: JSON.stringify(process.env.RECOLOR_BUILD === 'test'),
    },
    build: {
      outDir: resolve(process.env.RECOLOR_STAGE ?? 'dist/.stage'),
      emptyOutDir: false,
      target: 'es2022',
      minify: process.env.RECOLOR_NO_MINIFY ? false : true,
      sourcemap: false,
      reportCompressedSize: false,
      // tfjs alone is several MB; the size is expected for the background bundle.
      chunkSizeWarningLimit: 8192,
      lib: {
        entry: resolve(ENTRIES[entry]),
        formats: ['iife'],
        name: `recolor_${entry}`,
        fileName: () => `${entry}.js`,
      },
    },
  };
});
